using System.Text.Json.Serialization;

namespace CulturalServerless.Scoring.Indicators;

/// <summary>
/// One reported figure. In JSON: a number (<c>100</c>), a bound (<c>{ "above": 98 }</c>,
/// <c>{ "atLeast": 98 }</c>), <c>true</c>/<c>false</c>, or a string.
/// </summary>
[JsonConverter(typeof(IndicatorValueJsonConverter))]
public readonly record struct IndicatorValue
{
    public IndicatorValueType Type { get; private init; }
    public decimal Number { get; private init; }
    public NumberBound Bound { get; private init; }
    public bool Boolean { get; private init; }
    public string? Text { get; private init; }

    public static IndicatorValue Missing => default;

    public static IndicatorValue Of(decimal number) => new() { Type = IndicatorValueType.Number, Number = number };

    public static IndicatorValue AtLeast(decimal number) =>
        new() { Type = IndicatorValueType.Number, Number = number, Bound = NumberBound.AtLeast };

    public static IndicatorValue Above(decimal number) =>
        new() { Type = IndicatorValueType.Number, Number = number, Bound = NumberBound.Above };

    public static IndicatorValue Of(bool value) => new() { Type = IndicatorValueType.Boolean, Boolean = value };

    public static IndicatorValue Of(string text) => new() { Type = IndicatorValueType.Text, Text = text };

    public bool IsMissing => Type == IndicatorValueType.Missing;

    /// <summary>Whether the true figure is certainly at least <paramref name="bar"/>.</summary>
    public bool IsAtLeast(decimal bar) => Number >= bar;

    /// <summary>Whether the true figure is certainly above <paramref name="bar"/>.</summary>
    public bool IsAbove(decimal bar) => Bound == NumberBound.Above ? Number >= bar : Number > bar;

    public IndicatorValue WithText(string text) => this with { Text = text };
}
