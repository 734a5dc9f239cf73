using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Jurisdictions;

/// <summary>Where the districts and communes an admin imported are kept, one record per province.</summary>
public interface IAdministrativeUnitStore
{
    /// <summary>Every imported unit.</summary>
    Task<IReadOnlyList<AdministrativeUnit>> ListImportedAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the imported units of <paramref name="province"/> with <paramref name="units"/>, in one write.</summary>
    Task SaveProvinceAsync(string province, IReadOnlyList<AdministrativeUnit> units, CancellationToken cancellationToken);
}
