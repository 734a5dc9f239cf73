using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Telemetry;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The input of report rendering: a scored assessment version with the agency as it was registered
/// when it was submitted, written as JSON to <c>report-requests/{agencyId}/{year}/v{version}.json</c>.
/// A snapshot, so that the report shows what was submitted even if the registration changes later,
/// with the trace context of the request that asked for it.
/// </summary>
public sealed record ReportRequest
{
    public int SchemaVersion { get; init; } = 2;
    public required Agency Agency { get; init; }
    public required int Year { get; init; }
    public required int Version { get; init; }
    public required AssessmentSubmission Submission { get; init; }
    public required ScoreResult Score { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The document number and date the version took at submission.</summary>
    public required DocumentIssue Issue { get; init; }

    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the request that asked for the report, so the
    /// blob-triggered render continues the submitter's trace; null in older snapshots or without tracing.
    /// </summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    /// <summary>The snapshot of <paramref name="version"/> with the agency as registered (its edit history left out: the renderer needs who it is).</summary>
    public static ReportRequest Of(Agency agency, AssessmentVersion version) => new()
    {
        TraceParent = AppTelemetry.CurrentContext().TraceParent,
        TraceState = AppTelemetry.CurrentContext().TraceState,
        Agency = agency with { History = [] },
        Year = version.Year,
        Version = version.Version,
        Submission = version.Submission,
        Score = version.Score,
        SubmittedAt = version.SubmittedAt,
        Issue = version.Issue,
    };
}
