namespace CulturalServerless.Reports;

/// <summary>One criterion in section II, e.g. code "1", title "Hoàn thành tốt nhiệm vụ".</summary>
public sealed record CriterionSection(string Code, string Title, IReadOnlyList<CriterionItemReport> Items);

/// <summary>
/// One sub-item, e.g. "1.2": what was done, with figures, and the documents that prove it
/// (printed as footnotes at the foot of the page).
/// </summary>
public sealed record CriterionItemReport(string Code, IReadOnlyList<string> Narrative)
{
    public IReadOnlyList<string> EvidenceReferences { get; init; } = [];
}
