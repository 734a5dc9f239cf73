using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Application.Decisions;

/// <summary>
/// An agency's claim for the decision being issued for it: while one attempt holds it, no other
/// decision may list the agency, so two concurrent requests cannot both see "not yet recognised"
/// and both recognise it.
/// </summary>
public sealed record RecognitionClaim(string AgencyId, string DecisionId, DateTimeOffset ClaimedAt);

/// <summary>Where the claims are kept (one per agency, beside the decisions).</summary>
public interface IRecognitionClaimStore
{
    Task<Stored<RecognitionClaim>?> FindAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>Creates the agency's claim; its ETag, or null when the agency is claimed already.</summary>
    Task<string?> TryCreateAsync(RecognitionClaim claim, CancellationToken cancellationToken);

    /// <summary>Replaces the agency's claim if it still has <paramref name="eTag"/>; its new ETag, or null when it changed or went.</summary>
    Task<string?> TryReplaceAsync(RecognitionClaim claim, string eTag, CancellationToken cancellationToken);

    /// <summary>Deletes the agency's claim if it still has <paramref name="eTag"/>; nothing when it changed or went.</summary>
    Task ReleaseAsync(string agencyId, string eTag, CancellationToken cancellationToken);
}

/// <summary>What an attempt may do with a claim it found on an agency.</summary>
public enum ClaimStanding
{
    /// <summary>Its own, left by an earlier attempt of the same request: kept (refreshed).</summary>
    Own,

    /// <summary>The holder's decision is stored, so eligibility sees it: taken over.</summary>
    HolderIssued,

    /// <summary>Older than the lease: the attempt that took it died; taken over.</summary>
    Stale,

    /// <summary>Another attempt is deciding the agency right now: refused.</summary>
    Busy,
}

public static class RecognitionClaimRule
{
    /// <summary>
    /// Longer than any attempt lives (the HTTP deadline is 10 s by default and at most two
    /// minutes), so a claim this old was left by an attempt that died.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    public static ClaimStanding Judge(RecognitionClaim found, string decisionId, bool holderIssued, DateTimeOffset now) =>
        found.DecisionId == decisionId ? ClaimStanding.Own
        : holderIssued ? ClaimStanding.HolderIssued
        : now - found.ClaimedAt >= Lease ? ClaimStanding.Stale
        : ClaimStanding.Busy;
}
