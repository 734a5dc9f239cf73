using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// A signing certificate in Azure Key Vault, created there with a non-exportable key: only its
/// public part is read (GET certificates/{name}), and each signature's digest is signed by Key
/// Vault's sign operation on the key of that version. The app's identity needs Key Vault Reader on
/// the vault (certificates' public parts) and Key Vault Crypto User on that key alone; no secret.
/// The certificate is read again every <see cref="RefreshAfter"/>, so a renewed certificate (a new
/// version) signs within that time, without a restart.
/// </summary>
public sealed class KeyVaultCertificateSource : ISigningCertificateSource
{
    /// <summary>Short enough that a renewal counts within minutes, long enough to cost one read per instance and period.</summary>
    public static readonly TimeSpan DefaultRefreshAfter = TimeSpan.FromMinutes(5);

    private readonly KeyVaultClient _client;
    private readonly string _certificateName;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (KeyVaultCertificateVersion Version, DateTimeOffset ReadAt)? _current;

    public KeyVaultCertificateSource(KeyVaultClient client, string certificateName, TimeProvider clock, TimeSpan? refreshAfter = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(certificateName);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _certificateName = certificateName;
        _clock = clock;
        RefreshAfter = refreshAfter ?? DefaultRefreshAfter;
    }

    public TimeSpan RefreshAfter { get; }

    public async ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Certificate;

    public async ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        var version = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (!version.Enabled)
        {
            throw new SigningCertificateException(
                $"Key Vault certificate '{_certificateName}' version {version.Version} is disabled.");
        }

        return new SigningKey(version.Certificate, [],
            () => new KeyVaultRsa(_client, version.KeyId, version.Certificate, cancellationToken));
    }

    private async ValueTask<KeyVaultCertificateVersion> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && _clock.GetUtcNow() - fresh.ReadAt < RefreshAfter)
        {
            return fresh.Version;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            if (_current is { } read && now - read.ReadAt < RefreshAfter)
            {
                return read.Version;
            }

            // The version it replaces is not disposed: a signature in flight may still be using it.
            var version = await _client.GetCertificateAsync(_certificateName, cancellationToken).ConfigureAwait(false);
            _current = (version, now);
            return version;
        }
        finally
        {
            _gate.Release();
        }
    }
}
