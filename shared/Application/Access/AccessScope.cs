using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Access;

/// <summary>
/// What a caller may see: every agency whose jurisdiction lies within <see cref="Jurisdiction"/>
/// (a province or district and everything under it), plus the agencies listed by id.
/// </summary>
public sealed record AccessScope(string? Jurisdiction, IReadOnlyList<string> AgencyIds)
{
    public static readonly AccessScope None = new(null, []);

    public bool IsEmpty => Jurisdiction is null && AgencyIds.Count == 0;

    public bool Covers(string agencyId, string agencyJurisdiction) =>
        AgencyIds.Contains(agencyId, StringComparer.Ordinal)
        || (Jurisdiction is { } scope && JurisdictionCode.IsWithin(agencyJurisdiction, scope));

    /// <summary>True when some agency of <paramref name="jurisdiction"/> could be in this scope.</summary>
    public bool Overlaps(string jurisdiction) =>
        AgencyIds.Count > 0
        || (Jurisdiction is { } scope && (JurisdictionCode.IsWithin(jurisdiction, scope) || JurisdictionCode.IsWithin(scope, jurisdiction)));
}
