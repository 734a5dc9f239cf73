using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The one rule of where assessments are seen: every year of an agency's assessments is listed and
/// read under the agency's current jurisdiction. Heads carry that jurisdiction (the committee's list
/// filters on it in the query and single reads check it), so when an agency moves — a portal's
/// update or a reorganisation — <see cref="FollowAsync"/> re-stamps every year's head. It changes
/// only heads that differ, each under If-Match, so it is safe to repeat: a move interrupted half
/// way is completed by the next write of the agency or run of the reorganisation.
/// </summary>
public sealed partial class AssessmentPlaces(IAssessmentStore assessments, TimeProvider clock, ILogger<AssessmentPlaces> logger) : IAgencyPlaceFollower
{
    /// <summary>Moves every year of <paramref name="agencyId"/> to <paramref name="jurisdiction"/>; how many heads it changed.</summary>
    public async Task<int> FollowAsync(string agencyId, string jurisdiction, Actor actor, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var place in await assessments.FindHeadPlacesAsync(agencyId, cancellationToken))
        {
            if (place.Jurisdiction == jurisdiction) continue;
            var changed = await OptimisticConcurrency.RunAsync(async ct =>
            {
                var head = await assessments.FindHeadAsync(agencyId, place.Year, ct);
                if (head is null || head.Value.Jurisdiction == jurisdiction) return Attempt<bool>.Done(false);
                var entry = new HistoryEntry(clock.GetUtcNow(), actor, "moved", head.Value.LatestVersion, $"{head.Value.Jurisdiction} → {jurisdiction}");
                // UpdatedAt stays: it is when the assessment last changed, which the reconciler reads.
                var updated = head.Value with { Jurisdiction = jurisdiction, History = [.. head.Value.History, entry] };
                return await assessments.TryReplaceHeadAsync(updated, head.ETag, ct) is not null ? Attempt<bool>.Done(true) : Attempt<bool>.Retry;
            }, clock, "Tự đánh giá của cơ quan đang được cập nhật đồng thời; vui lòng thử lại.", cancellationToken);
            if (!changed) continue;
            moved++;
            LogMoved(agencyId, place.Year, place.Jurisdiction, jurisdiction);
        }
        return moved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AgencyId}/{Year} moved from {From} to {To} with its agency")]
    private partial void LogMoved(string agencyId, int year, string from, string to);
}
