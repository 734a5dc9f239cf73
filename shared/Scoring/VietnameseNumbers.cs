using System.Globalization;
using System.Text;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Scoring;

/// <summary>
/// Numbers as Vietnamese documents write them: "." between thousands, "," before decimals
/// (33.090; 99,89%). The separators are spelled out rather than taken from the "vi-VN" culture so
/// the text is the same whether or not the machine has ICU data, and whatever version it has.
/// </summary>
public static class VietnameseNumbers
{
    /// <summary>Thousands grouped, at most two decimals, rounded half away from zero: 33.090; 99,89; 7,5.</summary>
    private const string Pattern = "#,##0.##";

    public static NumberFormatInfo FormatInfo { get; } = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    });

    public static string Format(decimal value) => value.ToString(Pattern, FormatInfo);

    /// <summary>Writes what <see cref="Format"/> returns straight into the builder, without a string per number.</summary>
    internal static StringBuilder AppendNumber(this StringBuilder builder, decimal value) => builder.Append(FormatInfo, $"{value:#,##0.##}");

    /// <summary>A figure with its bound and unit: "> 98%", "33.090 lượt", "có".</summary>
    internal static StringBuilder AppendValue(this StringBuilder builder, IndicatorValue value, IndicatorDefinition indicator)
    {
        if (value.Type == IndicatorValueType.Boolean)
        {
            return builder.Append(value.Boolean ? "có" : "không");
        }
        builder.Append(value.Bound switch
        {
            NumberBound.Above => "> ",
            NumberBound.AtLeast => "≥ ",
            _ => "",
        });
        return builder.AppendNumber(value.Number).AppendUnit(indicator);
    }

    internal static StringBuilder AppendUnit(this StringBuilder builder, IndicatorDefinition indicator)
    {
        if (indicator.Kind == IndicatorKind.Percentage)
        {
            return builder.Append('%');
        }
        return indicator.Unit is { Length: > 0 } unit ? builder.Append(' ').Append(unit) : builder;
    }

    /// <summary>"→ 7,5/10 điểm".</summary>
    internal static StringBuilder AppendPoints(this StringBuilder builder, decimal points, decimal max) =>
        builder.Append(" → ").AppendNumber(points).Append('/').AppendNumber(max).Append(" điểm");

    /// <summary>Rounds towards zero at two decimals, as the seed reports 33.090 of 33.124 as 99,89%: never up across a bar.</summary>
    public static decimal Truncate2(decimal value) => decimal.Truncate(value * 100m) / 100m;
}
