using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Reports;

/// <summary>
/// One bounded pass of a reconciler over a paged query: each key is handled on its own, so one
/// that fails is counted and logged and the pass goes on to the next (the next run tries it
/// again); it stops after <c>cap</c> keys and the next run takes the rest.
/// </summary>
internal static class ReconcilePass
{
    public static async Task<ReconcileCounts> RunAsync<T>(
        Func<string?, int, Task<Page<T>>> readPage, Func<T, Task<bool>> handle, Action<Exception, T> logFailure,
        int pageSize, int cap, CancellationToken cancellationToken)
    {
        int seen = 0, handled = 0, errors = 0;
        string? token = null;
        do
        {
            var page = await readPage(token, Math.Min(pageSize, cap - seen));
            foreach (var key in page.Items)
            {
                seen++;
                try
                {
                    if (await handle(key)) handled++;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    errors++;
                    logFailure(exception, key);
                }
            }
            token = page.ContinuationToken;
        }
        while (token is not null && seen < cap);
        return new ReconcileCounts(seen, handled, errors, Capped: token is not null);
    }
}

/// <summary>Keys a pass read, handled (true from the handler), failed, and whether the cap stopped it.</summary>
internal readonly record struct ReconcileCounts(int Seen, int Handled, int Errors, bool Capped)
{
    /// <summary>Read but left as they were: taken by another run, or no longer due.</summary>
    public int Skipped => Seen - Handled - Errors;
}
