namespace CulturalServerless.Scoring.Submissions;

/// <summary>
/// An agency's yearly self-assessment as a provincial portal posts it: the staff, the general
/// situation (section I of the report), the figures, narrative and evidence per sub-criterion
/// (section II), remarks and recommendations (III), the self-assessed total (IV) and the recipients.
/// Agency registration data (name, parent body, symbol, signer) is a separate resource.
/// Read from JSON, any object, list or text in it, and any entry of a list or of
/// <see cref="Criteria"/>, holds null where the JSON had null: <see cref="SubmissionValidator"/>
/// reports each one, and a valid submission has none.
/// </summary>
public sealed record AssessmentSubmission
{
    /// <summary>The rubric to score against; when absent the rubric for <see cref="Year"/> is used.</summary>
    public string? RubricId { get; init; }
    public int Year { get; init; }
    public StaffCounts? Staff { get; init; }
    public string? GeneralSituation { get; init; }
    /// <summary>Reports per sub-criterion, keyed by its code ("1.4").</summary>
    public IReadOnlyDictionary<string, SubCriterionReport> Criteria { get; init; } = new Dictionary<string, SubCriterionReport>();
    public IReadOnlyList<string> Remarks { get; init; } = [];
    /// <summary>"Kiến nghị" — the seed's is "Không".</summary>
    public string? Recommendations { get; init; }
    /// <summary>"Nơi nhận", one line each as the report lists them.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
    /// <summary>"Tổng điểm tự chấm", kept beside the computed total.</summary>
    public decimal? SelfTotal { get; init; }
}
