using System.Globalization;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Issues document numbers ("Số: 07/BC-VP"): consecutive per issuing agency and calendar year,
/// starting at 1 each 1 January (Decree 30/2020). One counter document per agency-year remembers
/// which document got which number, so asking again for the same document returns its number
/// instead of spending a new one — the report trigger may fire twice for one snapshot.
/// </summary>
public sealed class DocumentNumberCounter(Database database, TimeProvider clock)
{
    private const int MaxAttempts = 100;
    private readonly Container container = database.GetContainer(CosmosContainers.Counters.Name);

    private sealed record CounterDocument(string Id, string PartitionKey, string AgencyId, int Year, int Last, Dictionary<string, int> Issued);

    /// <summary>The number of <paramref name="documentKey"/> (e.g. an assessment version id) in the agency's numbering for <paramref name="year"/>.</summary>
    public async Task<int> NumberForAsync(string agencyId, int year, string documentKey, CancellationToken cancellationToken)
    {
        var id = $"{agencyId}|{year.ToString(CultureInfo.InvariantCulture)}";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await container.FindAsync<CounterDocument>(id, id, cancellationToken);
            if (current is null)
            {
                var first = new CounterDocument(id, id, agencyId, year, 1, new Dictionary<string, int> { [documentKey] = 1 });
                if (await container.TryCreateAsync(first, id, cancellationToken) is not null) return 1;
                continue;
            }
            var (counter, eTag) = current;
            if (counter.Issued.TryGetValue(documentKey, out var issued)) return issued;
            var next = counter.Last + 1;
            var updated = counter with { Last = next, Issued = new Dictionary<string, int>(counter.Issued) { [documentKey] = next } };
            if (await container.TryReplaceAsync(updated, id, id, eTag, cancellationToken) is not null) return next;
            // Another document took a number meanwhile: re-read and take the next one.
            await ConcurrencyBackoff.DelayAsync(attempt, clock, cancellationToken);
        }
        throw new InvalidOperationException($"Could not issue a document number for {agencyId} in {year}: too much contention.");
    }
}
