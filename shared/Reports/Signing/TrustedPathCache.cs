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

    public CertificatePath Build(X509Certificate2 end, IEnumerable<X509Certificate2> candidates, DateTimeOffset at)
    {
        var key = CertificateThumbprints.Of(end);
        var given = candidates.ToList();
        List<X509Certificate2> known = [end, .. given, .. anchors];
        if (_paths.TryGetValue(key, out var entry) && at >= entry.ValidFrom && at <= entry.ValidTo && Reuse(entry, known) is { } path)
        {
            return new CertificatePath(true, path, null);
        }

        var built = CertificateChains.Build(end, anchors, given, at, requiredUsage);
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
    private static List<X509Certificate2>? Reuse(Entry entry, List<X509Certificate2> known)
    {
        var path = new List<X509Certificate2>(entry.Path.Count);
        foreach (var der in entry.Path)
        {
            var certificate = known.Find(candidate => candidate.RawDataMemory.Span.SequenceEqual(der));
            if (certificate is null)
            {
                return null;
            }

            path.Add(certificate);
        }

        return path;
    }

    private sealed record Entry(IReadOnlyList<byte[]> Path, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);
}
