using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Trusted certificate paths the signer has already built, reused while every certificate on the
/// path is valid. Each signature checks two (the signer's before signing, the TSA's in every token),
/// each an X509Chain build, for certificates that change once a year; a renewed certificate has
/// other bytes and so another entry. Only trusted paths are kept: a refusal is built again each
/// time, so a fixed configuration is seen at once. One cache serves one set of trust anchors and one
/// required usage, fixed for its lifetime (<see cref="SignatureTrust"/>, read once); the verifier
/// does not use this and always builds.
/// </summary>
internal sealed class TrustedPathCache(X509Certificate2Collection anchors, string? requiredUsage = null)
{
    // Certificates a process signs with: the system's, a few issuing bodies', their renewals, the TSA's.
    private const int Capacity = 64;

    private readonly ConcurrentDictionary<string, Entry> _paths = new(StringComparer.Ordinal);

    /// <summary>
    /// The trusted path from <paramref name="end"/> at <paramref name="at"/>. <paramref name="candidates"/>
    /// (the issuers the caller brought) are asked for only when a path is built, or when the kept
    /// path has a certificate that is neither <paramref name="end"/> nor an anchor: a timestamp
    /// token's certificates are decoded only then.
    /// </summary>
    public CertificatePath Build(X509Certificate2 end, Func<IEnumerable<X509Certificate2>> candidates, DateTimeOffset at)
    {
        var key = CertificateThumbprints.Of(end);
        List<X509Certificate2>? given = null;
        List<X509Certificate2> Given() => given ??= candidates().ToList();
        if (_paths.TryGetValue(key, out var entry) && at >= entry.ValidFrom && at <= entry.ValidTo && Reuse(entry, end, Given) is { } path)
        {
            return new CertificatePath(true, path, null);
        }

        var built = CertificateChains.Build(end, anchors, Given(), at, requiredUsage);
        if (built.Trusted)
        {
            if (_paths.Count >= Capacity)
            {
                _paths.Clear();
            }

            _paths[key] = new Entry(
                built.Certificates.Select(certificate => certificate.RawData).ToList(),
                built.Certificates.Max(certificate => new DateTimeOffset(certificate.NotBefore.ToUniversalTime())),
                built.Certificates.Min(certificate => new DateTimeOffset(certificate.NotAfter.ToUniversalTime())));
        }

        return built;
    }

    // The path in the caller's own instances (certificates are disposable, and an earlier caller's
    // may be gone); none where this caller did not bring one of them, and then the path is built.
    private List<X509Certificate2>? Reuse(Entry entry, X509Certificate2 end, Func<List<X509Certificate2>> given)
    {
        var path = new List<X509Certificate2>(entry.Path.Count);
        foreach (var der in entry.Path)
        {
            var certificate = Find([end, .. anchors], der) ?? Find(given(), der);
            if (certificate is null)
            {
                return null;
            }

            path.Add(certificate);
        }

        return path;
    }

    private static X509Certificate2? Find(IEnumerable<X509Certificate2> certificates, byte[] der) =>
        certificates.FirstOrDefault(candidate => candidate.RawDataMemory.Span.SequenceEqual(der));

    private sealed record Entry(IReadOnlyList<byte[]> Path, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
}
