using System.Globalization;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Jurisdictions;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Imported districts and communes in the <c>jurisdictions</c> container, one document per
/// province (<c>units:{province}</c>) holding all of that province's imported units, so a
/// province's import is a single write and the whole catalogue a read of a hundred documents at most;
/// and the successions admins sent, one document per effective date (<c>successions:{yyyy-MM-dd}</c>).
/// </summary>
public sealed class AdministrativeUnitRepository(Database database, TimeProvider clock) : IAdministrativeUnitStore
{
    private const string DocumentType = "imported-units";
    private const string SuccessionsType = "sent-successions";
    private readonly Container container = database.GetContainer(CosmosContainers.Jurisdictions.Name);

    public Task<IReadOnlyList<AdministrativeUnit>> ListImportedAsync(CancellationToken cancellationToken) =>
        ListAllAsync<ProvinceUnits, AdministrativeUnit>(DocumentType, d => d.Units, cancellationToken);

    public async Task SaveProvinceAsync(string province, IReadOnlyList<AdministrativeUnit> units, CancellationToken cancellationToken)
    {
        var document = new ProvinceUnits("units:" + province, DocumentType, province, units);
        await container.UpsertItemAsync(document, new PartitionKey(document.Id),
            new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    public Task<IReadOnlyList<Succession>> ListSentSuccessionsAsync(CancellationToken cancellationToken) =>
        ListAllAsync<SentSuccessions, Succession>(SuccessionsType, d => d.Successions, cancellationToken);

    public Task AddSentSuccessionsAsync(DateOnly on, IReadOnlyList<Succession> successions, CancellationToken cancellationToken)
    {
        var id = "successions:" + on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var replaced = successions.Select(s => s.From).ToHashSet(StringComparer.Ordinal);
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await container.FindAsync<SentSuccessions>(id, id, ct);
            var kept = current?.Value.Successions.Where(s => !replaced.Contains(s.From)) ?? [];
            var merged = kept.Concat(successions).OrderBy(s => s.From, StringComparer.Ordinal).ToList();
            if (current is { } stored && stored.Value.Successions.SequenceEqual(merged)) return Attempt<bool>.Done(true);
            var document = new SentSuccessions(id, SuccessionsType, on, merged);
            var written = current is { } previous
                ? await container.TryReplaceAsync(document, id, id, previous.ETag, ct)
                : await container.TryCreateAsync(document, id, ct);
            return written is null ? Attempt<bool>.Retry : Attempt<bool>.Done(true);
        }, clock, $"Các dòng kế thừa từ {JurisdictionCheck.Date(on)} đang được ghi đồng thời; hãy gửi lại.", cancellationToken);
    }

    /// <summary>What every document of <paramref name="type"/> holds, one after the other.</summary>
    private async Task<IReadOnlyList<TItem>> ListAllAsync<TDocument, TItem>(string type, Func<TDocument, IEnumerable<TItem>> items, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery().Where("c.type = @type", "@type", type).Select("SELECT * FROM c");
        var all = new List<TItem>();
        await foreach (var document in CosmosQueries.ReadAllAsync<TDocument>(container, query, cancellationToken))
        {
            all.AddRange(items(document));
        }
        return all;
    }

    private sealed record SentSuccessions(string Id, string Type, DateOnly EffectiveDate, IReadOnlyList<Succession> Successions);

    private sealed record ProvinceUnits(string Id, string Type, string Province, IReadOnlyList<AdministrativeUnit> Units);
}
