using System.Reflection;
using System.Text.Json;
using CulturalServerless.Serialization;

namespace CulturalServerless.Jurisdictions;

/// <summary>
/// The provinces before and after 1 July 2025 and the successions between them, shipped in this
/// assembly (Jurisdictions/Data/provinces.json, each entry naming its source). Districts and
/// communes are imported by an admin from the official list.
/// </summary>
public static class ShippedUnits
{
    private static readonly Lazy<ShippedData> Data = new(Load);

    public static IReadOnlyList<AdministrativeUnit> Provinces => Data.Value.Units;

    public static IReadOnlyList<Succession> Successions => Data.Value.Successions;

    /// <summary>Source key → what it is (decision, resolution, and what it gives).</summary>
    public static IReadOnlyDictionary<string, string> Sources => Data.Value.Sources;

    public static UnitCatalogue Catalogue() => new(Provinces, Successions);

    private sealed record ShippedData(Dictionary<string, string> Sources, List<AdministrativeUnit> Units, List<Succession> Successions);

    private static ShippedData Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("jurisdictions/provinces.json")
            ?? throw new InvalidOperationException("The shipped provinces (jurisdictions/provinces.json) are not embedded.");
        return JsonSerializer.Deserialize<ShippedData>(stream, JsonDefaults.Options)
            ?? throw new InvalidOperationException("jurisdictions/provinces.json is empty.");
    }
}
