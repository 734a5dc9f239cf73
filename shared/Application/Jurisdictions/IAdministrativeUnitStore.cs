using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Jurisdictions;

/// <summary>
/// Where what an admin adds to the shipped catalogue is kept: the districts and communes imported,
/// one record per province, and the successions sent with reorganisations, one record per date.
/// </summary>
public interface IAdministrativeUnitStore
{
    /// <summary>Every imported unit.</summary>
    Task<IReadOnlyList<AdministrativeUnit>> ListImportedAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the imported units of <paramref name="province"/> with <paramref name="units"/>, in one write.</summary>
    Task SaveProvinceAsync(string province, IReadOnlyList<AdministrativeUnit> units, CancellationToken cancellationToken);

    /// <summary>Every succession an admin sent with a reorganisation.</summary>
    Task<IReadOnlyList<Succession>> ListSentSuccessionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="successions"/>, all of date <paramref name="on"/>, to those sent for that
    /// date before: one from the same unit replaces the earlier. Sending the same again changes nothing.
    /// </summary>
    Task AddSentSuccessionsAsync(DateOnly on, IReadOnlyList<Succession> successions, CancellationToken cancellationToken);
}
