using System.Text;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Rules;

namespace CulturalServerless.Scoring;

/// <summary>The fixed text of one sub-criterion: its rules' wording and the parts of its sentences.</summary>
internal sealed class ItemWording
{
    public ItemWording(RubricItem item)
    {
        Rules = item.Rules.Select(rule => rule.Word(
            // The rubric validator guarantees the reference; a missing definition would be a loader bug.
            item.FindIndicator(rule.Indicator)
            ?? throw new InvalidOperationException($"Rule of {item.Code} reads undefined indicator '{rule.Indicator}'."))).ToArray();
        var max = VietnameseNumbers.Format(item.MaxPoints);
        OutOfMax = $"/{max} điểm";
        WholeItemFull = $"; cả mục: {max}/{max} điểm";
        WholeItemNone = $"; cả mục: 0/{max} điểm";
        SelfScorePath = $"{JsonPath.SubCriterion(item.Code)}.selfScore";
        DiscrepancyLead = $"Tiểu mục {item.Code}: tự chấm ";
        Discrepancies = new WholePairTexts(item.MaxPoints);
    }

    public RuleWording[] Rules { get; }

    // Shared by the threads scoring with this rubric: a reference read or write is atomic, and a
    // stale one only costs a new string.
    private string lastExplanation = "";

    /// <summary>
    /// The explanation just written, as a string: the one made last time when the text is the same
    /// (most agencies report no violations, so gate items repeat word for word), else a new one.
    /// </summary>
    public string Explanation(StringBuilder written)
    {
        var last = lastExplanation;
        if (written.Equals(last.AsSpan()))
        {
            return last;
        }

        var made = written.ToString();
        lastExplanation = made;
        return made;
    }

    /// <summary>"/10 điểm", after points that are neither none nor all.</summary>
    public string OutOfMax { get; }

    /// <summary>"; cả mục: 10/10 điểm" — the ending of a multi-rule item that keeps all its points.</summary>
    public string WholeItemFull { get; }

    /// <summary>"; cả mục: 0/10 điểm" — the ending of an item taken to zero.</summary>
    public string WholeItemNone { get; }

    /// <summary>"$.criteria['1.4'].selfScore", where a differing self-score is reported.</summary>
    public string SelfScorePath { get; }

    /// <summary>"Tiểu mục 1.4: tự chấm ", the start of a discrepancy's message.</summary>
    public string DiscrepancyLead { get; }

    /// <summary>Whole discrepancy messages by (self-score, computed score), as they occur.</summary>
    public WholePairTexts Discrepancies { get; }
}
