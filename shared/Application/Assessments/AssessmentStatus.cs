namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Where an agency's assessment for a year stands: submitted → scored → report-ready
/// (or report-failed). Review states are added by the steering committee's review work.
/// </summary>
public enum AssessmentStatus
{
    Submitted,
    Scored,
    ReportReady,
    ReportFailed,
}

/// <summary>Where the official report of one assessment version stands.</summary>
public enum ReportState
{
    /// <summary>The scored snapshot is in Blob Storage, waiting for the renderer.</summary>
    Requested,
    Ready,
    Failed,
}
