using System.Globalization;
using System.Text;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Scoring;

/// <summary>
/// Numbers as Vietnamese documents write them: "." between thousands, "," before decimals
/// (33.090; 99,89%). Built by hand rather than from the "vi-VN" culture so the text is the same
/// whether or not the machine has ICU data.
/// </summary>
public static class VietnameseNumbers
{
    public static NumberFormatInfo FormatInfo { get; } = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    });

    public static string Format(decimal value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Write(value, buffer)]);
    }

    internal static StringBuilder AppendNumber(this StringBuilder builder, decimal value)
    {
        // Points, bars and most counts are small whole numbers: their text is made once.
        if (decimal.IsInteger(value) && value is >= 0m and < SmallIntegerCount)
        {
            return builder.Append(SmallIntegers[(int)value]);
        }
        Span<char> buffer = stackalloc char[MaxLength];
        return builder.Append(buffer[..Write(value, buffer)]);
    }

    private const int MaxLength = 48;
    private const int SmallIntegerCount = 1_000;
    private static readonly string[] SmallIntegers = Enumerable.Range(0, SmallIntegerCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Writes what the pattern "#,##0.##" writes, by hand: the scorer formats dozens of numbers per
    /// submission and a custom numeric pattern is parsed on every call, while "N0" is not.
    /// </summary>
    private static int Write(decimal value, Span<char> buffer)
    {
        // Points, bars and counts are whole numbers: skip the decimal arithmetic for them.
        if (decimal.IsInteger(value) && value is >= 0m and <= long.MaxValue)
        {
            return WriteGrouped((ulong)value, buffer);
        }
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        var length = 0;
        if (rounded < 0m)
        {
            buffer[length++] = '-';
            rounded = -rounded;
        }
        var whole = decimal.Truncate(rounded);
        var hundredths = (int)((rounded - whole) * 100m);
        if (whole <= long.MaxValue)
        {
            length += WriteGrouped((ulong)whole, buffer[length..]);
        }
        else
        {
            whole.TryFormat(buffer[length..], out var written, "N0", FormatInfo);
            length += written;
        }
        if (hundredths != 0)
        {
            buffer[length++] = ',';
            buffer[length++] = (char)('0' + hundredths / 10);
            if (hundredths % 10 != 0)
            {
                buffer[length++] = (char)('0' + hundredths % 10);
            }
        }
        return length;
    }

    /// <summary>Digits with "." every three from the right: 33090 → "33.090".</summary>
    private static int WriteGrouped(ulong number, Span<char> buffer)
    {
        Span<char> reversed = stackalloc char[32];
        var count = 0;
        var digits = 0;
        do
        {
            if (digits > 0 && digits % 3 == 0)
            {
                reversed[count++] = '.';
            }
            reversed[count++] = (char)('0' + (int)(number % 10));
            number /= 10;
            digits++;
        }
        while (number != 0);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = reversed[count - 1 - i];
        }
        return count;
    }

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
