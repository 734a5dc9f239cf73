namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The signing certificates by issuing body (<see cref="SigningIssuer.CertificateKeys"/>), with the
/// system's certificate for every issuer that has none of its own.
/// </summary>
public sealed class SigningCertificates
{
    private readonly IReadOnlyDictionary<string, ISigningCertificateSource> _byIssuer;

    public SigningCertificates(ISigningCertificateSource system, IReadOnlyDictionary<string, ISigningCertificateSource>? byIssuer = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        _byIssuer = byIssuer is null
            ? new Dictionary<string, ISigningCertificateSource>()
            : new Dictionary<string, ISigningCertificateSource>(byIssuer, StringComparer.OrdinalIgnoreCase);
    }

    public ISigningCertificateSource System { get; }

    public IEnumerable<string> Issuers => _byIssuer.Keys;

    /// <summary>The most specific certificate configured for <paramref name="issuer"/>, and the key it was found under (null: the system's).</summary>
    public (ISigningCertificateSource Source, string? Key) For(SigningIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        foreach (var key in issuer.CertificateKeys)
        {
            if (_byIssuer.TryGetValue(key, out var source))
            {
                return (source, key);
            }
        }

        return (System, null);
    }
}
