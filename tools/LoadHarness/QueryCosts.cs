using System.Diagnostics;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Storage.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.LoadHarness;

/// <summary>
/// What one page of the run costs, request by request: the page of agencies, the bulk status
/// look-up against one point read per agency (the choice docs/reminders.md explains), and the
/// page's webhooks. Medians over a few pages, in milliseconds.
/// </summary>
internal static class QueryCosts
{
    private const int Pages = 5;

    public static async Task<string> MeasureAsync(IServiceProvider services, int year)
    {
        var agencies = services.GetRequiredService<IAgencyStore>();
        var assessments = services.GetRequiredService<IAssessmentStore>();
        var webhooks = services.GetRequiredService<IWebhookSubscriptionStore>();
        List<double> page = [], ordered = [], bulk = [], pointReads = [], subscriptions = [];
        string? token = null, orderedToken = null;
        for (var i = 0; i < Pages; i++)
        {
            var clock = Stopwatch.StartNew();
            var entries = await agencies.ListEntriesAsync(token, 100, CancellationToken.None);
            page.Add(clock.Elapsed.TotalMilliseconds);
            token = entries.ContinuationToken;

            clock.Restart();
            orderedToken = (await agencies.ListAsync(null, null, orderedToken, 100, CancellationToken.None)).ContinuationToken;
            ordered.Add(clock.Elapsed.TotalMilliseconds);
            var ids = entries.Items.Select(a => a.Id).ToList();

            clock.Restart();
            await assessments.FindStatusesAsync(year, ids, CancellationToken.None);
            bulk.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (id, cancellation) => await assessments.FindHeadAsync(id, year, cancellation));
            pointReads.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await webhooks.FindManyAsync(ids.Select(id => WebhookOwner.Agency(id).DocumentId).ToList(), CancellationToken.None);
            subscriptions.Add(clock.Elapsed.TotalMilliseconds);
            if (token is null) break;
        }
        return $"Per page of 100 (median ms): agencies page {Median(page):F0} (whole documents ORDER BY id: {Median(ordered):F0}), status look-up in one query {Median(bulk):F0} " +
            $"vs 100 point reads (8 at a time) {Median(pointReads):F0}, webhooks query {Median(subscriptions):F0}";
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
