namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// Length limits for the submission's free text, in characters after NFC normalisation. They keep
/// a report printable and a stored document small; a province may change them with its rubric.
/// </summary>
public sealed record TextLimits
{
    public int GeneralSituation { get; init; } = 20_000;
    public int Narrative { get; init; } = 5_000;
    public int Remark { get; init; } = 2_000;
    public int MaxRemarks { get; init; } = 50;
    public int Recommendations { get; init; } = 5_000;
    public int Recipient { get; init; } = 300;
    public int MaxRecipients { get; init; } = 30;
    public int Evidence { get; init; } = 500;
    public int MaxEvidence { get; init; } = 30;
}
