namespace CulturalServerless.Application.Assessments;

/// <summary>
/// What the steering committee's appraisal (thẩm định) concluded about an agency-year: the score it
/// appraised and whether the agency is recognised (công nhận) as a "Cơ quan đạt chuẩn văn hóa".
/// </summary>
public sealed record AssessmentAppraisal(decimal? AppraisedTotal, bool Recognised)
{
    /// <summary>
    /// The appraisal of the agency-year whose head this is, for the exports; null while it has none.
    /// Appraisal is not stored yet, so this is null for every head today: the one place the export
    /// reads it from once it is.
    /// </summary>
    public static AssessmentAppraisal? Of(AssessmentHead head) => null;
}
