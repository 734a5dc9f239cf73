using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Problems;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Decisions;

/// <summary>
/// Serialises the issuing of decisions per agency: an attempt claims every agency it lists before
/// it reads their prior decisions, so of two concurrent requests listing one agency the second
/// either waits for the first (409, retry) or, once the first is stored, sees it and is refused.
/// A claim taken over from a stored decision hands that decision on (<see cref="HeldClaims.TakenOverFrom"/>):
/// the query of prior decisions that follows may be served by a replica that has not seen it yet
/// (Session consistency guarantees only a session's own writes), the point read that found it did.
/// </summary>
public sealed partial class AgencyClaims(IRecognitionClaimStore claims, IDecisionStore decisions, TimeProvider clock, ILogger<AgencyClaims> logger)
{
    /// <summary>How long a caller refused because another attempt is deciding the agency should wait.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Claims every agency for <paramref name="decisionId"/>, or releases what it took and throws 409 naming the agencies another attempt holds.</summary>
    public async Task<HeldClaims> ClaimAsync(string decisionId, IReadOnlyList<string> agencyIds, CancellationToken cancellationToken)
    {
        var outcomes = new ClaimOutcome?[agencyIds.Count];
        var held = new HeldClaims(this);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, agencyIds.Count), Parallelism(cancellationToken), async (i, token) =>
            {
                outcomes[i] = await OptimisticConcurrency.RunAsync(
                    attempt => TryClaimAsync(agencyIds[i], decisionId, attempt), clock,
                    $"Không giữ được quyền quyết định cho cơ quan '{agencyIds[i]}' do xung đột liên tục; vui lòng thử lại.", token);
            });
        }
        catch
        {
            // What was taken before a claim failed is let go, not left to its lease.
            await HeldOf(held, agencyIds, outcomes).ReleaseAsync(cancellationToken);
            throw;
        }
        HeldOf(held, agencyIds, outcomes);
        var problems = new ValidationProblemList();
        var holders = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agencyIds.Count; i++)
        {
            var agencyId = agencyIds[i];
            var outcome = outcomes[i]!;
            if (outcome.ETag is not null) continue;
            holders.Add(outcome.Holder!);
            problems.Add($"$.agencyIds[{i}]", "being-decided",
                $"Cơ quan '{agencyId}' đang được xét trong quyết định khác ({outcome.Holder}).",
                $"Agency '{agencyId}' is being decided in another decision ({outcome.Holder}).");
        }
        var result = problems.ToResult();
        if (result.IsValid) return held;
        await held.ReleaseAsync(cancellationToken);
        var problem = new ApiProblemException(ProblemType.AgencyBeingDecided,
            $"{result.Problems.Count} cơ quan đang được xét trong quyết định khác (see errors); vui lòng thử lại sau {RetryAfterSeconds} giây.",
            result.Problems)
        {
            RetryAfterSeconds = RetryAfterSeconds,
        };
        problem.Extensions["decisionIds"] = holders.ToList();
        throw problem;
    }

    private static HeldClaims HeldOf(HeldClaims held, IReadOnlyList<string> agencyIds, ClaimOutcome?[] outcomes)
    {
        for (var i = 0; i < agencyIds.Count; i++)
        {
            if (outcomes[i]?.ETag is { } eTag) held.Add(agencyIds[i], eTag, outcomes[i]!.IssuedHolder);
        }
        return held;
    }

    private async Task<Attempt<ClaimOutcome>> TryClaimAsync(string agencyId, string decisionId, CancellationToken cancellationToken)
    {
        var mine = new RecognitionClaim(agencyId, decisionId, clock.GetUtcNow());
        if (await claims.TryCreateAsync(mine, cancellationToken) is { } created)
        {
            return Attempt<ClaimOutcome>.Done(new ClaimOutcome(created, null, null));
        }
        if (await claims.FindAsync(agencyId, cancellationToken) is not { } found)
        {
            return Attempt<ClaimOutcome>.Retry; // released meanwhile
        }
        var holder = found.Value.DecisionId;
        var issuedHolder = holder != decisionId ? (await decisions.FindAsync(holder, cancellationToken))?.Value : null;
        var standing = RecognitionClaimRule.Judge(found.Value, decisionId, issuedHolder is not null, mine.ClaimedAt);
        if (standing == ClaimStanding.Busy)
        {
            return Attempt<ClaimOutcome>.Done(new ClaimOutcome(null, holder, null));
        }
        if (standing == ClaimStanding.Stale) LogTakenOver(agencyId, holder, decisionId, found.Value.ClaimedAt);
        return await claims.TryReplaceAsync(mine, found.ETag, cancellationToken) is { } replaced
            ? Attempt<ClaimOutcome>.Done(new ClaimOutcome(replaced, null, issuedHolder))
            : Attempt<ClaimOutcome>.Retry;
    }

    private async Task ReleaseAsync(string agencyId, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            await claims.ReleaseAsync(agencyId, eTag, cancellationToken);
        }
        catch (Exception exception)
        {
            // Best effort, even when the request is being cancelled: a claim left behind blocks
            // nobody for long, as its decision is stored (taken over at once) or its lease runs out.
            LogReleaseFailed(exception, agencyId);
        }
    }

    /// <summary>A decision lists up to <see cref="DecisionService.MaxAgencies"/> agencies: a few claims at a time keep it within the request's deadline.</summary>
    private const int ClaimConcurrency = 8;

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = ClaimConcurrency, CancellationToken = cancellationToken };

    /// <summary>The agency's claim as taken (its ETag) and the stored decision it was taken over from, if any; or the decision id holding it.</summary>
    private sealed record ClaimOutcome(string? ETag, string? Holder, RecognitionDecisionRecord? IssuedHolder);

    /// <summary>The claims one attempt holds; released once its decision is stored or refused.</summary>
    public sealed class HeldClaims(AgencyClaims owner)
    {
        private readonly List<(string AgencyId, string ETag)> held = [];
        private readonly Dictionary<string, RecognitionDecisionRecord> takenOverFrom = new(StringComparer.Ordinal);

        /// <summary>The stored decisions whose claims were taken over, to count among the agencies' prior decisions.</summary>
        public IReadOnlyCollection<RecognitionDecisionRecord> TakenOverFrom => takenOverFrom.Values;

        internal void Add(string agencyId, string eTag, RecognitionDecisionRecord? issuedHolder)
        {
            held.Add((agencyId, eTag));
            if (issuedHolder is not null) takenOverFrom[issuedHolder.Id] = issuedHolder;
        }

        public async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            // Not cut short by the request's token: each release is best effort under it.
            await Parallel.ForEachAsync(held, Parallelism(CancellationToken.None), (claim, _) => new ValueTask(owner.ReleaseAsync(claim.AgencyId, claim.ETag, cancellationToken)));
            held.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim on agency {AgencyId} by decision {Holder} since {ClaimedAt} outlived its lease; taken over by decision {DecisionId}")]
    private partial void LogTakenOver(string agencyId, string holder, string decisionId, DateTimeOffset claimedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim on agency {AgencyId} not released; it lapses with its lease")]
    private partial void LogReleaseFailed(Exception exception, string agencyId);
}
