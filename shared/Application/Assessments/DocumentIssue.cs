namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The number and date an official version took in the agency's register when it was submitted
/// (Decree 30/2020: consecutive per issuing body and calendar year): <see cref="Reference"/> as
/// printed and cited, e.g. "01/BC-VP".
/// </summary>
public sealed record DocumentIssue(int Sequence, string Reference, DateOnly Date);
