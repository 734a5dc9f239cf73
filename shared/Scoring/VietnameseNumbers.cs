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
        if (SmallWhole(value) is >= 0 and var small)
        {
            return builder.Append(SmallIntegers[small]);
        }
        Span<char> buffer = stackalloc char[MaxLength];
        return builder.Append(buffer[..Write(value, buffer)]);
    }

    private const int MaxLength = 48;
    private const int SmallIntegerCount = 1_000;
    private static readonly string[] SmallIntegers = Enumerable.Range(0, SmallIntegerCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// The value as an index into <see cref="SmallIntegers"/>, or -1. Read from the bits because
    /// decimal comparisons are calls, and this runs for every number of every explanation.
    /// </summary>
    internal static int SmallWhole(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // No sign, no decimal places (10.0 takes the general path), nothing above the low 32 bits.
        return bits[3] == 0 && bits[2] == 0 && bits[1] == 0 && (uint)bits[0] < SmallIntegerCount ? bits[0] : -1;
    }

    /// <summary>
    /// Writes what the pattern "#,##0.##" writes, by hand: the scorer formats dozens of numbers per
    /// submission and a custom numeric pattern is parsed on every call, while "N0" is not.
    /// </summary>
    private static int Write(decimal value, Span<char> buffer)
    {
        // Figures as reported (99,89; 33.090) have at most two decimals: write them from the bits,
        // without decimal arithmetic.
        if (TryWriteShort(value, buffer, out var shortLength))
        {
            return shortLength;
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
        return length + WriteHundredths(hundredths, buffer[length..]);
    }

    /// <summary>A value of at most two decimals whose digits fit in 64 bits, written without rounding.</summary>
    private static bool TryWriteShort(decimal value, Span<char> buffer, out int length)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        length = 0;
        if (bits[2] != 0 || scale > 2)
        {
            return false;
        }
        var digits = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var divisor = scale == 0 ? 1ul : scale == 1 ? 10ul : 100ul;
        var hundredths = (int)(digits % divisor * (scale == 1 ? 10ul : 1ul));
        var whole = digits / divisor;
        if (bits[3] < 0 && digits != 0)
        {
            buffer[length++] = '-';
        }
        length += WriteGrouped(whole, buffer[length..]);
        length += WriteHundredths(hundredths, buffer[length..]);
        return true;
    }

    /// <summary>",5" or ",89" for the hundredths of a number; nothing for a whole one.</summary>
    private static int WriteHundredths(int hundredths, Span<char> buffer)
    {
        if (hundredths == 0)
        {
            return 0;
        }
        buffer[0] = ',';
        buffer[1] = (char)('0' + hundredths / 10);
        if (hundredths % 10 == 0)
        {
            return 2;
        }
        buffer[2] = (char)('0' + hundredths % 10);
        return 3;
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
