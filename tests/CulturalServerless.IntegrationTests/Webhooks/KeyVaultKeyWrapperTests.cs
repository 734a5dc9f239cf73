using System.Security.Cryptography;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Http;
using CulturalServerless.Storage.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>
/// The Key Vault keys REST client against a loopback fake of the documented requests and answers
/// (api-version 7.4, wrapkey and unwrapkey, RSA-OAEP-256), over TLS, with the credential's token.
/// </summary>
public sealed class KeyVaultKeyWrapperTests : IAsyncLifetime
{
    private FakeKeyVault vault = null!;
    private readonly RecordingCredential credential = new();

    public async Task InitializeAsync() => vault = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync() => await vault.DisposeAsync();

    private KeyVaultKeyWrapper Wrapper() => new(vault.KeyId, credential, vault.ClientOptions());

    [Fact]
    public async Task A_data_key_is_wrapped_and_unwrapped_with_the_documented_requests_and_the_vaults_token_scope()
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var version = vault.KidOf(vault.Rotate());

        var wrapped = await Wrapper().WrapAsync(dataKey, CancellationToken.None);
        var unwrapped = await Wrapper().UnwrapAsync(wrapped, CancellationToken.None);

        Assert.Equal(dataKey, unwrapped);
        Assert.Equal((version, KeyVaultKeyWrapper.Algorithm), (wrapped.KeyId, wrapped.Algorithm));
        Assert.NotEqual(dataKey, wrapped.Value);
        var requests = vault.Requests.ToList();
        Assert.Equal(["/keys/webhook-secrets/wrapkey", new Uri(version).AbsolutePath + "/unwrapkey"], requests.Select(r => r.Path));
        Assert.All(requests, request =>
        {
            Assert.Equal("7.4", request.ApiVersion);
            Assert.Equal("Bearer token-for-https://vault.azure.net/.default", request.Authorization);
            Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
            Assert.Equal("RSA-OAEP-256", (string?)request.Body!["alg"]);
        });
        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(dataKey), (string?)requests[0].Body!["value"]);
        Assert.All(credential.Scopes, scope => Assert.Equal("https://vault.azure.net/.default", scope));
    }

    [Fact]
    public async Task After_the_key_is_rotated_in_the_vault_what_an_older_version_wrapped_still_unwraps_with_that_version()
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var before = await Wrapper().WrapAsync(dataKey, CancellationToken.None);

        var newer = vault.KidOf(vault.Rotate());
        var after = await Wrapper().WrapAsync(dataKey, CancellationToken.None);

        Assert.Equal(newer, after.KeyId);
        Assert.NotEqual(before.KeyId, after.KeyId);
        Assert.Equal(dataKey, await Wrapper().UnwrapAsync(before, CancellationToken.None));
        Assert.Equal(dataKey, await Wrapper().UnwrapAsync(after, CancellationToken.None));
    }

    [Theory]
    [InlineData("https://attacker.example.net/keys/webhook-secrets/0123")]
    [InlineData("https://kv-tests.vault.azure.net/keys/another-key/0123")]
    [InlineData("https://kv-tests.vault.azure.net/keys/webhook-secrets/0123/../../other/1")]
    [InlineData("http://kv-tests.vault.azure.net/keys/webhook-secrets/0123")]
    public async Task A_stored_key_id_that_is_not_a_version_of_the_configured_key_is_refused_without_a_request(string kid)
    {
        var wrapped = new WrappedKey(kid, KeyVaultKeyWrapper.Algorithm, RandomNumberGenerator.GetBytes(384));

        await Assert.ThrowsAsync<CryptographicException>(() => Wrapper().UnwrapAsync(wrapped, CancellationToken.None));

        Assert.Empty(vault.Requests);
        Assert.Empty(credential.Scopes);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(403, false)]
    public async Task A_vault_that_fails_is_a_key_unavailable_and_only_an_outage_is_a_503(int status, bool answeredWith503)
    {
        vault.FailWith = status;

        var failure = await Assert.ThrowsAsync<SecretKeyUnavailableException>(() => Wrapper().WrapAsync(RandomNumberGenerator.GetBytes(32), CancellationToken.None));

        // A role not granted (403) is a deployment error, answered 500 like a bug; a vault that is down, 503.
        Assert.Equal(answeredWith503, DependencyFailures.Describe(failure, deadlinePassed: false) is not null);
    }

    [Fact]
    public async Task A_vault_that_cannot_be_reached_is_a_key_unavailable_answered_with_503()
    {
        var port = vault.Port;
        await vault.DisposeAsync();
        var options = new KeyVaultKeyWrapperOptions();
        options.Retry.MaxRetries = 0;
        options.Transport = new Azure.Core.Pipeline.HttpClientTransport(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });

        var failure = await Assert.ThrowsAsync<SecretKeyUnavailableException>(() =>
            new KeyVaultKeyWrapper(vault.KeyId, credential, options).WrapAsync(RandomNumberGenerator.GetBytes(32), CancellationToken.None));

        Assert.NotNull(DependencyFailures.Describe(failure, deadlinePassed: false));
        vault = await FakeKeyVault.StartAsync();
    }

    [Fact]
    public async Task A_secret_protected_through_the_vault_decrypts_and_its_data_key_is_unwrapped_once_for_many_posts()
    {
        var protector = new WebhookSecretProtector(Wrapper(), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var secret = WebhookSignature.NewSecret();

        var stored = await protector.ProtectAsync(secret, "committee:51", CancellationToken.None);
        var first = await protector.UnprotectAsync(stored, "committee:51", CancellationToken.None);
        var second = await protector.UnprotectAsync(stored, "committee:51", CancellationToken.None);

        Assert.Equal((secret, secret), (first, second));
        Assert.StartsWith(vault.KidOf(""), stored.KeyId, StringComparison.Ordinal);
        Assert.Equal(["wrapkey", "unwrapkey"], vault.Requests.Select(r => r.Path.Split('/')[^1]));
        Assert.DoesNotContain(secret, Convert.ToBase64String(stored.Ciphertext), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://kv-tests.vault.azure.net/secrets/webhook-secrets")]
    [InlineData("https://kv-tests.vault.azure.net/keys")]
    [InlineData("http://kv-tests.vault.azure.net/keys/webhook-secrets")]
    public void A_key_id_that_is_not_a_key_vault_keys_is_refused_at_start_up(string keyId)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => KeyVaultKeyWrapper.KeyName(new Uri(keyId)));

        Assert.Contains("Webhooks__SecretKeyId", failure.Message, StringComparison.Ordinal);
    }
}
