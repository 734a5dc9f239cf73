using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// A signing certificate made for this test run and written as a PFX to a temporary folder, so the
/// app loads it through its own PFX setting. Never committed; gone with the temp folder.
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<string> Pfx = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=Test signer, O=CulturalServerless tests, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), $"cultural-tests-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    });

    public static string SigningPfxPath => Pfx.Value;
}
