using Azure.Core;
using CulturalServerless.Reports.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.Reports.Signing;

public static class SigningServiceCollectionExtensions
{
    /// <summary>
    /// The report renderer, signer and verifier, configured from the <c>Signing</c> section:
    /// <list type="bullet">
    /// <item>the system's certificate: <c>Signing__KeyVaultUri</c> + <c>Signing__CertificateName</c> in Azure
    /// (signed by Key Vault with the managed identity), or <c>Signing__PfxPath</c> (+ <c>Signing__PfxPassword</c>)
    /// locally, where ./run.sh makes a development PKI;</item>
    /// <item>issuing bodies' own certificates: <c>Signing__Certificates__&lt;issuer&gt;</c>, a Key Vault
    /// certificate name in Azure or a PFX path locally (see <see cref="SigningIssuer"/>);</item>
    /// <item>the time-stamping authority <c>Signing__TimestampUrl</c>, and the trusted CAs
    /// <c>Signing__CaCertificates</c> and <c>Signing__TimestampCaCertificates</c>.</item>
    /// </list>
    /// Certificates and the TSA are read when the first report is signed, so the API runs even
    /// where signing is not configured; verification then refuses every signature as untrusted.
    /// </summary>
    public static IServiceCollection AddReportSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var signing = configuration.GetSection("Signing");
        services.AddSingleton(_ => SignatureTrust.Parse(signing["CaCertificates"], signing["TimestampCaCertificates"]));
        services.AddSingleton(sp => new SigningVault(Uri.TryCreate(signing["KeyVaultUri"], UriKind.Absolute, out var vault)
            ? new KeyVaultClient(vault, sp.GetRequiredService<TokenCredential>())
            : null));
        services.AddSingleton(sp => new SigningCertificates(
            sp.GetRequiredService<ISigningCertificateSource>(),
            signing.GetSection("Certificates").GetChildren()
                .Where(issuer => !string.IsNullOrWhiteSpace(issuer.Value))
                .ToDictionary(issuer => issuer.Key, issuer => Source(sp, signing, issuer.Value!),
                    StringComparer.OrdinalIgnoreCase)));
        services.AddSingleton<ISigningCertificateSource>(sp =>
        {
            if (Uri.TryCreate(signing["KeyVaultUri"], UriKind.Absolute, out _))
            {
                var name = signing["CertificateName"];
                return string.IsNullOrWhiteSpace(name)
                    ? throw new InvalidOperationException("Signing__KeyVaultUri is set but Signing__CertificateName is not.")
                    : Source(sp, signing, name);
            }

            return !string.IsNullOrWhiteSpace(signing["PfxPath"])
                ? Source(sp, signing, signing["PfxPath"]!)
                : throw new InvalidOperationException(
                    "No signing certificate is configured: set Signing__KeyVaultUri and Signing__CertificateName, or Signing__PfxPath.");
        });
        services.AddSingleton<ITimestampAuthority>(_ =>
            Uri.TryCreate(signing["TimestampUrl"], UriKind.Absolute, out var url)
                ? new HttpTimestampAuthority(url, TimestampClient())
                : new UnsetTimestampAuthority());
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton(sp => new ReportSigner(
            sp.GetRequiredService<SigningCertificates>(),
            sp.GetRequiredService<ITimestampAuthority>(),
            sp.GetRequiredService<SignatureTrust>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReportSignatureVerifier>();
        return services;
    }

    // In Azure every certificate is a Key Vault certificate of the one vault; locally a PFX file.
    private static ISigningCertificateSource Source(IServiceProvider services, IConfiguration signing, string value)
    {
        if (services.GetRequiredService<SigningVault>().Client is { } vault)
        {
            return new KeyVaultCertificateSource(vault, value, services.GetRequiredService<TimeProvider>());
        }

        // Loaded at the first signature: a missing file fails that report, not the app's start.
        return new PfxFileCertificateSource(Path.GetFullPath(value), signing["PfxPassword"]);
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

    /// <summary>The one Key Vault client of the process, when signing is in Key Vault (in Azure).</summary>
    private sealed record SigningVault(KeyVaultClient? Client);
}
