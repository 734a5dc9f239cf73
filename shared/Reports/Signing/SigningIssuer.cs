namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Who issues a document, as far as choosing its signing certificate goes: an agency (which may
/// have its own certificate, <c>Signing__Certificates__agency_&lt;id&gt;</c>), the steering committee of
/// its jurisdiction or of one above it (<c>Signing__Certificates__committee_&lt;code&gt;</c>), or else the
/// system (<c>Signing__CertificateName</c> / <c>Signing__PfxPath</c>).
/// </summary>
public sealed record SigningIssuer
{
    private SigningIssuer(string? agencyId, string? jurisdiction)
    {
        AgencyId = agencyId;
        Jurisdiction = jurisdiction;
    }

    /// <summary>The system's own certificate.</summary>
    public static SigningIssuer System { get; } = new(null, null);

    public string? AgencyId { get; }

    public string? Jurisdiction { get; }

    /// <summary>An agency's document: its own certificate, else its committee's, else the system's.</summary>
    public static SigningIssuer Agency(string agencyId, string? jurisdiction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        return new SigningIssuer(agencyId, string.IsNullOrWhiteSpace(jurisdiction) ? null : jurisdiction);
    }

    /// <summary>A steering committee's document: its certificate, else that of a committee above it, else the system's.</summary>
    public static SigningIssuer Committee(string jurisdiction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        return new SigningIssuer(null, jurisdiction);
    }

    /// <summary>
    /// The keys under <c>Signing__Certificates</c> to look for, most specific first: the agency,
    /// then the committees from its jurisdiction up to the province (51.522, then 51).
    /// </summary>
    public IEnumerable<string> CertificateKeys
    {
        get
        {
            if (AgencyId is not null)
            {
                yield return AgencyKey(AgencyId);
            }

            for (var code = Jurisdiction; !string.IsNullOrEmpty(code); code = Parent(code))
            {
                yield return CommitteeKey(code);
            }
        }
    }

    // App setting names may hold letters, digits, '.' and '_' only: agency ids and jurisdiction
    // codes write their '-' as '_' (neither uses '_' itself, so nothing collides).
    public static string AgencyKey(string agencyId) => "agency_" + agencyId.Replace('-', '_');

    public static string CommitteeKey(string jurisdiction) => "committee_" + jurisdiction.Replace('-', '_');

    private static string? Parent(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? null : code[..dot];
    }
}
