using Azure.Core;
using Azure.Security.KeyVault.Certificates;
using CulturalServerless.Reports.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.Reports.Signing;

public static class SigningServiceCollectionExtensions
{
    /// <summary>
    /// The report renderer, signer and verifier, with the signing certificate from configuration:
    /// <c>Signing__KeyVaultUri</c> + <c>Signing__CertificateName</c> in Azure (managed identity), or
    /// <c>Signing__PfxPath</c> (+ optional <c>Signing__PfxPassword</c>) locally — ./run.sh generates a
    /// development certificate there on first run. Checked when the first report is signed, so the
    /// API runs even where signing is not configured.
    /// </summary>
    public static IServiceCollection AddReportSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISigningCertificateSource>(sp =>
        {
            var signing = configuration.GetSection("Signing");
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
                return new PfxFileCertificateSource(Path.GetFullPath(signing["PfxPath"]!), signing["PfxPassword"]);
            }
            throw new InvalidOperationException(
                "No signing certificate is configured: set Signing__KeyVaultUri and Signing__CertificateName, or Signing__PfxPath.");
        });
        services.AddSingleton<ReportRenderer>();
        services.AddSingleton<ReportSigner>();
        services.AddSingleton<ReportSignatureVerifier>();
        return services;
    }
}
