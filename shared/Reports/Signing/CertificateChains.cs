using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>A certificate path found by X509Chain, and whether it ends at a trusted root.</summary>
internal sealed record CertificatePath(bool Trusted, IReadOnlyList<X509Certificate2> Certificates, string? Problem);

/// <summary>
/// Builds certificate paths with the platform's X509Chain, trusting only the given anchors (never
/// the machine's store), at a given time, without revocation checks (PAdES B-T carries no
/// revocation data; that is B-LT) and without fetching certificates from the network.
/// </summary>
internal static class CertificateChains
{
    public static CertificatePath Build(
        X509Certificate2 end, X509Certificate2Collection anchors, IEnumerable<X509Certificate2> candidates, DateTimeOffset at,
        string? requiredUsage = null)
    {
        if (anchors.Count == 0)
        {
            return new CertificatePath(false, [end], "no CA is configured to trust");
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTimeIgnored = false;
        policy.VerificationTime = at.UtcDateTime;
        var known = new List<X509Certificate2> { end };
        foreach (var anchor in anchors)
        {
            (IsSelfIssued(anchor) ? policy.CustomTrustStore : policy.ExtraStore).Add(anchor);
            known.Add(anchor);
        }

        foreach (var candidate in candidates)
        {
            policy.ExtraStore.Add(candidate);
            known.Add(candidate);
        }

        if (requiredUsage is not null)
        {
            policy.ApplicationPolicy.Add(new Oid(requiredUsage));
        }

        var trusted = chain.Build(end);
        // The elements are the chain's own copies; hand back the instances the caller gave.
        var path = chain.ChainElements
            .Select(element => known.First(certificate => certificate.RawDataMemory.Span.SequenceEqual(element.Certificate.RawDataMemory.Span)))
            .ToList();
        var problem = trusted
            ? null
            : string.Join("; ", chain.ChainStatus.Select(status => string.IsNullOrWhiteSpace(status.StatusInformation)
                ? status.Status.ToString()
                : status.StatusInformation.Trim()).Distinct());
        return new CertificatePath(trusted, path, problem);
    }

    private static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
