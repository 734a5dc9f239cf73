using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// Signing with a key that stays in Key Vault, against a loopback fake of Key Vault's documented
/// REST operations: the requests the client makes, a report signed that way, a renewed certificate
/// picked up without a restart, and the certificates that must not sign.
/// </summary>
public sealed class KeyVaultSigningTests
{
    private const string Name = "report-signing";

    private readonly DevelopmentPki _pki = DevelopmentPki.Shared;

    [Fact]
    public async Task The_client_reads_the_certificate_public_part_and_key_id_with_a_token_for_Key_Vault()
    {
        using var certificate = _pki.Issue("Key Vault signer");
        await using var vault = await FakeKeyVault.StartAsync(Name, certificate);
        var credential = new FakeCredential();

        var version = await vault.Client(credential).GetCertificateAsync(Name, CancellationToken.None);

        Assert.Equal(certificate.RawData, version.Certificate.RawData);
        Assert.False(version.Certificate.HasPrivateKey);
        Assert.Equal(new Uri($"{vault.Uri}keys/{Name}/{vault.CurrentVersion}"), version.KeyId);
        Assert.Equal(vault.CurrentVersion, version.Version);
        Assert.True(version.Enabled);
        Assert.Equal([$"GET /certificates/{Name}?api-version=7.4"], vault.Requests);
        Assert.Equal(FakeKeyVault.Scope, Assert.Single(credential.Scopes.Distinct()));
    }

    [Fact]
    public async Task The_client_signs_a_digest_with_RS256_and_the_signature_checks_with_the_certificate()
    {
        using var certificate = _pki.Issue("Key Vault signer");
        await using var vault = await FakeKeyVault.StartAsync(Name, certificate);
        var client = vault.Client();
        var version = await client.GetCertificateAsync(Name, CancellationToken.None);
        var digest = SHA256.HashData("the signed attributes"u8);

        var signature = await client.SignAsync(version.KeyId, "RS256", digest, CancellationToken.None);
        var synchronous = client.Sign(version.KeyId, "RS256", digest, CancellationToken.None);

        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.True(publicKey.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(signature, synchronous);
        Assert.Contains($"POST /keys/{Name}/{vault.CurrentVersion}/sign?api-version=7.4", vault.Requests);
    }

    [Fact]
    public async Task A_report_signed_through_Key_Vault_verifies_and_the_key_never_reaches_the_app()
    {
        using var certificate = _pki.Issue("Key Vault signer");
        await using var vault = await FakeKeyVault.StartAsync(Name, certificate);
        var source = new KeyVaultCertificateSource(vault.Client(), Name, TimeProvider.System);

        var pdf = await SignedPdfs.SignSeedAsync(source);

        var result = _pki.Verifier().Verify(pdf);
        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
        Assert.Equal(CertificateThumbprints.Of(certificate), result.CertificateThumbprint);
        Assert.False((await source.GetCertificateAsync(CancellationToken.None)).HasPrivateKey);
        Assert.Single(vault.Requests, request => request.StartsWith("POST ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_renewed_certificate_signs_once_the_cached_one_is_older_than_the_refresh_time_without_a_restart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = _pki.Issue("Signer 2026", "Văn phòng");
        using var renewed = _pki.Issue("Signer 2027", "Văn phòng");
        await using var vault = await FakeKeyVault.StartAsync(Name, first);
        var source = new KeyVaultCertificateSource(vault.Client(), Name, clock);
        var verifier = _pki.Verifier();

        var before = verifier.Verify(await SignedPdfs.SignSeedAsync(source, clock));
        vault.Renew(renewed);
        clock.Advance(source.RefreshAfter - TimeSpan.FromSeconds(1));
        var cached = verifier.Verify(await SignedPdfs.SignSeedAsync(source, clock));
        clock.Advance(TimeSpan.FromSeconds(2));
        var after = verifier.Verify(await SignedPdfs.SignSeedAsync(source, clock));

        Assert.Equal(CertificateThumbprints.Of(first), before.CertificateThumbprint);
        Assert.Equal(CertificateThumbprints.Of(first), cached.CertificateThumbprint);
        Assert.Equal(CertificateThumbprints.Of(renewed), after.CertificateThumbprint);
        Assert.True(after.IsValid, string.Join(" | ", after.Problems));
        Assert.Contains($"POST /keys/{Name}/{vault.CurrentVersion}/sign?api-version=7.4", vault.Requests);
        Assert.Equal(2, vault.Requests.Count(request => request.StartsWith("GET ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_expired_Key_Vault_certificate_stops_signing_before_Key_Vault_is_asked_to_sign()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = _pki.Issue("Expired Key Vault signer", now.AddYears(-2), now.AddDays(-1));
        await using var vault = await FakeKeyVault.StartAsync(Name, expired);

        var exception = await Assert.ThrowsAsync<SigningCertificateException>(() =>
            SignedPdfs.SignSeedAsync(new KeyVaultCertificateSource(vault.Client(), Name, TimeProvider.System)));

        Assert.Contains("expired on", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(vault.Requests, request => request.StartsWith("POST ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_certificate_version_stops_signing()
    {
        using var certificate = _pki.Issue("Disabled signer");
        await using var vault = await FakeKeyVault.StartAsync(Name, certificate);
        vault.Enabled = false;

        var exception = await Assert.ThrowsAsync<SigningCertificateException>(() =>
            SignedPdfs.SignSeedAsync(new KeyVaultCertificateSource(vault.Client(), Name, TimeProvider.System)));

        Assert.Contains("is disabled", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Key_Vault_that_refuses_the_identity_fails_with_its_status_and_error_code()
    {
        using var certificate = _pki.Issue("Key Vault signer");
        await using var vault = await FakeKeyVault.StartAsync(Name, certificate);
        vault.FailWith = 403;

        var exception = await Assert.ThrowsAsync<RequestFailedException>(() =>
            vault.Client().GetCertificateAsync(Name, CancellationToken.None));

        Assert.Equal(403, exception.Status);
        Assert.Equal("Forbidden", exception.ErrorCode);
    }

    [Fact]
    public void The_sign_algorithm_follows_the_padding_SignedCms_asks_for()
    {
        Assert.Equal("RS256", KeyVaultRsa.Algorithm(HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal("PS256", KeyVaultRsa.Algorithm(HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.Equal("RS512", KeyVaultRsa.Algorithm(HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1));
        Assert.Throws<CryptographicException>(() => KeyVaultRsa.Algorithm(HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
    }
}
