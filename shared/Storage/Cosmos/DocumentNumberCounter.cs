using System.Globalization;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Documents;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The document register in the <c>counters</c> container: one counter document per issuer and
/// calendar year remembers which document got which number, so asking again for the same document
/// returns its number — the report trigger may fire twice for one snapshot. Numbers given back
/// below the last are kept as vacant and handed out first, lowest first.
/// </summary>
public sealed class DocumentNumberCounter(Database database, TimeProvider clock) : IDocumentRegister
{
    private readonly Container container = database.GetContainer(CosmosContainers.Counters.Name);

    private sealed record CounterDocument(
        string Id, string PartitionKey, string AgencyId, int Year, int Last, Dictionary<string, int> Issued, IReadOnlyList<int>? Vacant = null);

    public Task<int> NumberForAsync(string issuer, int year, string documentKey, CancellationToken cancellationToken)
    {
        var id = CounterId(issuer, year);
        var firstAttempt = true;
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            // An issuer's first document of the year is the common case (one submission per
            // agency-year): create the counter straight away, and read it only when it exists.
            if (firstAttempt)
            {
                firstAttempt = false;
                var fresh = new CounterDocument(id, id, issuer, year, 1, new Dictionary<string, int> { [documentKey] = 1 });
                if (await container.TryCreateAsync(fresh, id, ct) is not null) return Attempt<int>.Done(1);
            }
            var current = await container.FindAsync<CounterDocument>(id, id, ct);
            if (current is null)
            {
                var first = new CounterDocument(id, id, issuer, year, 1, new Dictionary<string, int> { [documentKey] = 1 });
                return await container.TryCreateAsync(first, id, ct) is not null ? Attempt<int>.Done(1) : Attempt<int>.Retry;
            }
            var (counter, eTag) = current;
            if (counter.Issued.TryGetValue(documentKey, out var issued)) return Attempt<int>.Done(issued);
            // A number given back below the last goes first; otherwise the register grows by one.
            var next = counter.Vacant is [var lowest, ..] ? lowest : counter.Last + 1;
            var updated = counter with
            {
                Last = Math.Max(counter.Last, next),
                Issued = new Dictionary<string, int>(counter.Issued) { [documentKey] = next },
                Vacant = counter.Vacant?.Where(n => n != next).ToList(),
            };
            return await container.TryReplaceAsync(updated, id, id, eTag, ct) is not null ? Attempt<int>.Done(next) : Attempt<int>.Retry;
        }, clock, $"Chưa cấp được số văn bản cho '{issuer}' năm {year}: quá nhiều yêu cầu đồng thời; vui lòng thử lại.", cancellationToken);
    }

    public Task ReleaseAsync(string issuer, int year, string documentKey, int number, CancellationToken cancellationToken)
    {
        var id = CounterId(issuer, year);
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await container.FindAsync<CounterDocument>(id, id, ct);
            if (current is null || !current.Value.Issued.TryGetValue(documentKey, out var issued) || issued != number) return Attempt<bool>.Done(true);
            var (counter, eTag) = current;
            var issuedNow = new Dictionary<string, int>(counter.Issued);
            issuedNow.Remove(documentKey);
            var vacant = new SortedSet<int>(counter.Vacant ?? []) { number };
            // Vacant numbers at the top of the register are no longer vacant: the register ends lower.
            var last = counter.Last;
            while (vacant.Remove(last)) last--;
            var updated = counter with { Last = last, Issued = issuedNow, Vacant = [.. vacant] };
            return await container.TryReplaceAsync(updated, id, id, eTag, ct) is not null ? Attempt<bool>.Done(true) : Attempt<bool>.Retry;
        }, clock, $"Chưa trả lại được số {number} cho sổ văn bản của '{issuer}' năm {year}: quá nhiều yêu cầu đồng thời; vui lòng thử lại.", cancellationToken);
    }

    private static string CounterId(string issuer, int year) => $"{issuer}|{year.ToString(CultureInfo.InvariantCulture)}";
}
