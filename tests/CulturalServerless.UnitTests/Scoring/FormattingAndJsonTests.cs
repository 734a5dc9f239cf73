namespace CulturalServerless.UnitTests.Scoring;

public sealed class FormattingAndJsonTests
{
    [Theory]
    [InlineData(33090, "33.090")]
    [InlineData(99.89, "99,89")]
    [InlineData(0.1, "0,1")]
    [InlineData(1234567.5, "1.234.567,5")]
    [InlineData(10, "10")]
    [InlineData(0, "0")]
    [InlineData(-0.5, "-0,5")]
    [InlineData(-1234.5, "-1.234,5")]
    [InlineData(0.005, "0,01")]
    [InlineData(7.05, "7,05")]
    [InlineData(999999.999, "1.000.000")]
    public void Numbers_are_written_the_Vietnamese_way(double value, string text)
    {
        Assert.Equal(text, VietnameseNumbers.Format((decimal)value));
    }

    /// <summary>
    /// Decimals keep the scale they were written with ("10.50" is 1050 × 10⁻²): the same number must
    /// read the same whatever its scale, sign or size.
    /// </summary>
    [Theory]
    [InlineData("10.00", "10")]
    [InlineData("10.50", "10,5")]
    [InlineData("99.890", "99,89")]
    [InlineData("-0.00", "0")]
    [InlineData("-7", "-7")]
    [InlineData("999", "999")]
    [InlineData("1000", "1.000")]
    [InlineData("4294967296.25", "4.294.967.296,25")]
    [InlineData("18446744073709551616", "18.446.744.073.709.551.616")]
    [InlineData("0.994", "0,99")]
    [InlineData("0.995", "1")]
    public void Numbers_read_the_same_whatever_scale_they_were_written_with(string written, string text)
    {
        var value = decimal.Parse(written, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(text, VietnameseNumbers.Format(value));
    }

    [Theory]
    [InlineData("100", IndicatorValueType.Number, NumberBound.Exact)]
    [InlineData("{ \"above\": 98 }", IndicatorValueType.Number, NumberBound.Above)]
    [InlineData("{ \"atLeast\": 98 }", IndicatorValueType.Number, NumberBound.AtLeast)]
    [InlineData("true", IndicatorValueType.Boolean, NumberBound.Exact)]
    [InlineData("\"Quyết định số 31/QĐ-VP\"", IndicatorValueType.Text, NumberBound.Exact)]
    [InlineData("null", IndicatorValueType.Missing, NumberBound.Exact)]
    public void Indicator_values_read_their_four_shapes_and_write_them_back(string json, IndicatorValueType type, NumberBound bound)
    {
        var value = JsonSerializer.Deserialize<IndicatorValue>(json, JsonDefaults.Options);

        Assert.Equal((type, bound), (value.Type, value.Bound));
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonSerializer.SerializeToElement(value, JsonDefaults.Options)));
    }

    [Theory]
    [InlineData("{ \"below\": 3 }")]
    [InlineData("{ \"above\": 1, \"atLeast\": 2 }")]
    [InlineData("{ \"above\": \"98\" }")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void A_malformed_indicator_value_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IndicatorValue>(json, JsonDefaults.Options));
    }

    [Fact]
    public void A_rubric_written_with_the_system_options_reads_back_to_the_same_scores()
    {
        var json = JsonSerializer.Serialize(DefaultRubric.Rubric, JsonDefaults.Options);
        var reloaded = RubricLoader.Load(json);

        Assert.True(reloaded.IsValid);
        // Computed members must not leak into a stored rubric document.
        Assert.All(["awardsPoints", "maxAward", "effectiveMin", "isNumeric", "isShare", "sources", "highestTotal"],
            name => Assert.DoesNotContain($"\"{name}\"", json, StringComparison.Ordinal));
        var submission = SeedSubmission.Load();
        Assert.Equal(
            JsonSerializer.Serialize(ScoringEngine.Score(DefaultRubric.Rubric, submission), JsonDefaults.Options),
            JsonSerializer.Serialize(ScoringEngine.Score(reloaded.Rubric!, submission), JsonDefaults.Options));
    }

    [Fact]
    public void Submission_paths_bracket_codes_and_odd_indicator_names()
    {
        var submission = SeedSubmission.Load().WithIndicator("1.4", "hài lòng", IndicatorValue.Of(1m));

        var problem = Assert.Single(SubmissionValidator.Validate(DefaultRubric.Rubric, submission).Problems);

        Assert.Equal("$.criteria['1.4'].indicators['hài lòng']", problem.Path);
    }

    [Theory]
    [InlineData("\u2126", "\u03A9")]
    [InlineData("a\u2000b", "a\u2002b")]
    [InlineData("Vie\u0323\u0302t Nam", "Việt Nam")]
    [InlineData("\u1EA0\u0302", "\u1EAC")]
    public void Text_is_brought_to_NFC(string text, string nfc)
    {
        var submission = SeedSubmission.Load() with { Recommendations = text };

        Assert.Equal(nfc, SubmissionText.ToNfc(submission).Recommendations);
    }

    [Fact]
    public void A_decomposed_letter_is_normalised_at_the_start_middle_and_end_of_a_long_text()
    {
        var nfc = string.Concat(Enumerable.Repeat("Cơ quan đạt chuẩn văn hóa – “Việt Nam” ", 4));
        foreach (var position in new[] { 0, nfc.Length / 2, nfc.Length })
        {
            var decomposed = nfc[..position] + "e\u0323\u0302" + nfc[position..];
            var submission = SeedSubmission.Load() with { Recommendations = decomposed };

            Assert.Equal(nfc[..position] + "\u1EC7" + nfc[position..], SubmissionText.ToNfc(submission).Recommendations);
        }
    }
}
