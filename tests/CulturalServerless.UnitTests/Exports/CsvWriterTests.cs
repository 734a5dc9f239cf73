using CulturalServerless.Exports;

namespace CulturalServerless.UnitTests.Exports;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+84 255 3822 222", "'+84 255 3822 222")]
    [InlineData("-SUM(A1)", "'-SUM(A1)")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Văn phòng, UBND", "\"Văn phòng, UBND\"")]
    [InlineData("Sở \"VHTTDL\"", "\"Sở \"\"VHTTDL\"\"\"")]
    [InlineData("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("Bình thường", "Bình thường")]
    public void A_text_cell_is_one_rfc_4180_field_and_never_a_formula(string text, string field) =>
        Assert.Equal(field, CsvWriter.Field(ExportCell.Of(text)));

    [Fact]
    public void A_negative_number_stays_a_number() =>
        Assert.Equal("-2.5", CsvWriter.Field(ExportCell.Of(-2.5m)));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_named_as_spreadsheets_name_them(int index, string name) =>
        Assert.Equal(name, XlsxWriter.ColumnName(index));
}
