using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Jurisdictions;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Imported districts and communes in the <c>jurisdictions</c> container, one document per
/// province (<c>units:{province}</c>) holding all of that province's imported units, so a
/// province's import is a single write and the whole catalogue a read of a hundred documents at most.
/// </summary>
public sealed class AdministrativeUnitRepository(Database database) : IAdministrativeUnitStore
{
    private const string DocumentType = "imported-units";
    private readonly Container container = database.GetContainer(CosmosContainers.Jurisdictions.Name);

    public async Task<IReadOnlyList<AdministrativeUnit>> ListImportedAsync(CancellationToken cancellationToken)
    {
        var query = new FilteredQuery().Where("c.type = @type", "@type", DocumentType).Select("SELECT * FROM c");
        var units = new List<AdministrativeUnit>();
        await foreach (var document in CosmosQueries.ReadAllAsync<ProvinceUnits>(container, query, cancellationToken))
        {
            units.AddRange(document.Units);
        }
        return units;
    }

    public async Task SaveProvinceAsync(string province, IReadOnlyList<AdministrativeUnit> units, CancellationToken cancellationToken)
    {
        var document = new ProvinceUnits("units:" + province, DocumentType, province, units);
        await container.UpsertItemAsync(document, new PartitionKey(document.Id),
            new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    private sealed record ProvinceUnits(string Id, string Type, string Province, IReadOnlyList<AdministrativeUnit> Units);
}
