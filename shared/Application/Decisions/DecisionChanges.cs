using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Application.Decisions;

/// <summary>A decision record changed as a function of itself, under If-Match, by the renderer and the reconciler alike.</summary>
public static class DecisionChanges
{
    /// <summary>The record changed (null from <paramref name="change"/>: leave it); the change made, or null when none was.</summary>
    public static Task<RecognitionDecisionRecord?> ChangeAsync(
        this IDecisionStore decisions, string id, Func<RecognitionDecisionRecord, RecognitionDecisionRecord?> change,
        TimeProvider clock, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await decisions.FindAsync(id, ct);
            if (current is null || change(current.Value) is not { } next) return Attempt<RecognitionDecisionRecord?>.Done(null);
            return await decisions.TryReplaceAsync(next, current.ETag, ct) ? Attempt<RecognitionDecisionRecord?>.Done(next) : Attempt<RecognitionDecisionRecord?>.Retry;
        }, clock, $"Quyết định {id}: quá nhiều thay đổi đồng thời.", cancellationToken);
}
