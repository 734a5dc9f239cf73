using Azure.Core;
using Azure.Security.KeyVault.Certificates;
using CulturalServerless.Reports.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.Reports.Signing;

public static class SigningServiceCollectionExtensions
{
    /// <summary>
    /// The report renderer, signer and verifier, configured from the <c>Signing</c> section: the
    /// signing certificate (<c>Signing__KeyVaultUri</c> + <c>Signing__CertificateName</c> in Azure,
    /// or <c>Signing__PfxPath</c> (+ <c>Signing__PfxPassword</c>) locally, where ./run.sh makes a
    /// development PKI), the time-stamping authority <c>Signing__TimestampUrl</c>, and the trusted
    /// CAs <c>Signing__CaCertificates</c> and <c>Signing__TimestampCaCertificates</c>. Certificates
    /// and the TSA are used when the first report is signed, so the API runs even where signing is
    /// not configured; verification then refuses every signature as untrusted.
    /// </summary>
    public static IServiceCollection AddReportSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var signing = configuration.GetSection("Signing");
        services.AddSingleton(_ => SignatureTrust.Parse(signing["CaCertificates"], signing["TimestampCaCertificates"]));
        services.AddSingleton<ISigningCertificateSource>(sp =>
        {
            if (Uri.TryCreate(signing["KeyVaultUri"], UriKind.Absolute, out var vault))
            {
                var name = signing["CertificateName"];
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new InvalidOperationException("Signing__KeyVaultUri is set but Signing__CertificateName is not.");
                }
                return new KeyVaultCertificateSource(new CertificateClient(vault, sp.GetRequiredService<TokenCredential>()), name);
            }
            if (!string.IsNullOrWhiteSpace(signing["PfxPath"]))
            {
                // Loaded at the first signature: a missing file fails that report, not the app's start.
                return new PfxFileCertificateSource(Path.GetFullPath(signing["PfxPath"]!), signing["PfxPassword"]);
            }
            throw new InvalidOperationException(
                "No signing certificate is configured: set Signing__KeyVaultUri and Signing__CertificateName, or Signing__PfxPath.");
        });
        services.AddSingleton<ITimestampAuthority>(_ =>
            Uri.TryCreate(signing["TimestampUrl"], UriKind.Absolute, out var url)
                ? new HttpTimestampAuthority(url, TimestampClient())
                : new UnsetTimestampAuthority());
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton(sp => new ReportSigner(
            sp.GetRequiredService<ISigningCertificateSource>(),
            sp.GetRequiredService<ITimestampAuthority>(),
            sp.GetRequiredService<SignatureTrust>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReportSignatureVerifier>();
        return services;
    }

    // One client for the process; the TSA is called once per signature, within its own timeout.
    private static HttpClient TimestampClient() =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AllowAutoRedirect = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = 256 * 1024,
        };

    /// <summary>Where Signing__TimestampUrl is not set: the API runs, and every signature fails saying so.</summary>
    private sealed class UnsetTimestampAuthority : ITimestampAuthority
    {
        public Task<System.Security.Cryptography.Pkcs.Rfc3161TimestampToken> TimestampAsync(
            System.Security.Cryptography.Pkcs.Rfc3161TimestampRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(
                "Signing__TimestampUrl is not set: every report signature is timestamped (PAdES B-T) by that time-stamping authority.");
    }
}
