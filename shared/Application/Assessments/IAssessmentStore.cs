using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Where assessment heads and versions are kept. Everything about one agency-year shares one
/// partition; only the committee's list, the status look-up of a reminder page and the
/// verification look-up leave it.
/// </summary>
public interface IAssessmentStore
{
    Task<Stored<AssessmentHead>?> FindHeadAsync(string agencyId, int year, CancellationToken cancellationToken);

    Task<Stored<AssessmentVersion>?> FindVersionAsync(string agencyId, int year, int version, CancellationToken cancellationToken);

    Task<AssessmentVersion?> FindVersionByIdempotencyKeyAsync(string agencyId, int year, string key, CancellationToken cancellationToken);

    /// <summary>The version whose signed report has this SHA-256, across all agencies.</summary>
    Task<AssessmentVersion?> FindVersionByReportSha256Async(string sha256, CancellationToken cancellationToken);

    /// <summary>Creates a version; false when its id or its idempotency key is taken in the partition.</summary>
    Task<bool> TryCreateVersionAsync(AssessmentVersion version, CancellationToken cancellationToken);

    /// <summary>Creates the head; its ETag, or null when the agency-year has one already.</summary>
    Task<string?> TryCreateHeadAsync(AssessmentHead head, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an agency-year's first version and its head together, all or nothing. With
    /// <paramref name="opensRegister"/>, the version is the agency's first document of the year
    /// (number 1) and the same write opens its register, kept beside the assessment
    /// (<see cref="Documents.IDocumentRegister.OpensBesideAssessmentAsync"/>).
    /// </summary>
    Task<FirstVersionWrite> TryCreateFirstAsync(AssessmentVersion version, AssessmentHead head, bool opensRegister, CancellationToken cancellationToken);

    /// <summary>Replaces the head if it still has <paramref name="eTag"/>; its new ETag, or null when someone changed it first.</summary>
    Task<string?> TryReplaceHeadAsync(AssessmentHead head, string eTag, CancellationToken cancellationToken);

    /// <summary>Replaces the version if it still has <paramref name="eTag"/>; false when someone changed it first.</summary>
    Task<bool> TryReplaceVersionAsync(AssessmentVersion version, string eTag, CancellationToken cancellationToken);

    /// <summary>
    /// Versions whose report the reconciler should request again, across all agencies: requested
    /// at or before <paramref name="requestedBefore"/>, or failed with a retry due at or before
    /// <paramref name="now"/>; their keys only, a page at a time.
    /// </summary>
    Task<Page<VersionKey>> FindReportsDueAsync(
        DateTimeOffset requestedBefore, DateTimeOffset now, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Heads whose report is not ready and that have not changed since <paramref name="unchangedSince"/>,
    /// across all agencies: the ones whose report may lag their latest version's; keys of that latest version.
    /// </summary>
    Task<Page<VersionKey>> FindHeadsAwaitingReportAsync(
        DateTimeOffset unchangedSince, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>The committee's list: highest computed total first.</summary>
    Task<Page<AssessmentHead>> ListAsync(AssessmentFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Every year the agency has a head for, with the jurisdiction stamped in it (one small query across its years).</summary>
    Task<IReadOnlyList<HeadPlace>> FindHeadPlacesAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>Every year's head of one agency, across years (the recognition history reads their appraisals).</summary>
    Task<IReadOnlyList<AssessmentHead>> ListHeadsOfAgencyAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>The statuses of these agencies' heads for a year, in one request; an agency without a head is absent.</summary>
    Task<IReadOnlyDictionary<string, AssessmentStatus>> FindStatusesAsync(int year, IReadOnlyCollection<string> agencyIds, CancellationToken cancellationToken);

    /// <summary>The appraisal states of the year's submitted assessments within <paramref name="jurisdiction"/> (one query, two small fields a head).</summary>
    Task<AppraisalCounts> CountAppraisalsAsync(int year, string jurisdiction, CancellationToken cancellationToken);
}

/// <summary>A year of an agency's assessments and the jurisdiction its head is listed under.</summary>
public sealed record HeadPlace(int Year, string Jurisdiction);

/// <summary>Which version: an agency, a year and a version number.</summary>
public sealed record VersionKey(string AgencyId, int Year, int Version);

/// <summary>
/// What the steering committee filters its list by; status and verdict as their JSON names;
/// <see cref="Access"/> is the caller's scope (null: no restriction).
/// </summary>
public sealed record AssessmentFilter(int Year, string? Jurisdiction, string? Status, string? Verdict, AccessScope? Access = null);
