namespace CulturalServerless.UnitTests.Reports;

public sealed class DocumentHeaderFormattingTests
{
    [Theory]
    [InlineData(15, "Số: 15/BC-VP")]
    [InlineData(5, "Số: 05/BC-VP")]
    [InlineData(1979, "Số: 1979/BC-VP")]
    public void The_number_has_a_leading_zero_under_ten(int sequence, string expected) =>
        Assert.Equal(expected, new DocumentNumber(sequence, "BC-VP").ToString());

    [Fact]
    public void An_unregistered_number_leaves_room_to_write_it_in() =>
        Assert.Equal("Số:      /BC-VP", new DocumentNumber(null, "BC-VP").ToString());

    [Theory]
    [InlineData(2022, 11, 15, "Quảng Ngãi, ngày 15 tháng 11 năm 2022")]
    [InlineData(2023, 2, 5, "Quảng Ngãi, ngày 05 tháng 02 năm 2023")]
    [InlineData(2023, 1, 31, "Quảng Ngãi, ngày 31 tháng 01 năm 2023")]
    [InlineData(2023, 3, 9, "Quảng Ngãi, ngày 09 tháng 3 năm 2023")]
    public void Days_under_ten_and_January_and_February_have_a_leading_zero(int year, int month, int day, string expected) =>
        Assert.Equal(expected, new IssuePlaceAndDate("Quảng Ngãi", new DateOnly(year, month, day)).ToString());
}
