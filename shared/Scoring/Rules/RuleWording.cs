using System.Text;
using CulturalServerless.Scoring.Rubrics;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// The fixed parts of one rule's explanation, written once per rubric: the indicator's title and,
/// for the rule kinds that have them, the bars and points ("≥ 100% → 10/10 điểm"). Only the reported
/// figure changes from one submission to the next. Rule kinds with more fixed text extend it.
/// </summary>
internal class RuleWording(IndicatorDefinition indicator, string lead)
{
    /// <summary>The indicator the rule reads (resolved once, not per submission).</summary>
    public IndicatorDefinition Indicator { get; } = indicator;

    /// <summary>What comes before the figure: the title and its separator ("Tỷ lệ … " or "Số … : ").</summary>
    public string Lead { get; } = lead;

    /// <summary>Renders a fragment with the same helpers the scorer would use, so both texts are one.</summary>
    protected static string Render(Action<StringBuilder> write)
    {
        var builder = new StringBuilder();
        write(builder);
        return builder.ToString();
    }
}
