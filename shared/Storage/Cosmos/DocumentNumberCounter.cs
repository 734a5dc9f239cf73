using System.Globalization;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Documents;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The document register in the <c>counters</c> container: one counter document per issuer and
/// calendar year remembers which document got which number, so asking again for the same document
/// returns its number — the report trigger may fire twice for one snapshot.
/// </summary>
public sealed class DocumentNumberCounter(Database database, TimeProvider clock) : IDocumentRegister
{
    private readonly Container container = database.GetContainer(CosmosContainers.Counters.Name);

    private sealed record CounterDocument(string Id, string PartitionKey, string AgencyId, int Year, int Last, Dictionary<string, int> Issued);

    public Task<int> NumberForAsync(string issuer, int year, string documentKey, CancellationToken cancellationToken)
    {
        var id = $"{issuer}|{year.ToString(CultureInfo.InvariantCulture)}";
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
            var next = counter.Last + 1;
            var updated = counter with { Last = next, Issued = new Dictionary<string, int>(counter.Issued) { [documentKey] = next } };
            return await container.TryReplaceAsync(updated, id, id, eTag, ct) is not null ? Attempt<int>.Done(next) : Attempt<int>.Retry;
        }, clock, $"Chưa cấp được số văn bản cho '{issuer}' năm {year}: quá nhiều yêu cầu đồng thời; vui lòng thử lại.", cancellationToken);
    }
}
