using System.Security.Cryptography;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.IntegrationTests.Reminders;
using CulturalServerless.Storage.Secrets;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>
/// Webhook secrets at rest: encrypted in Cosmos DB under a key that is not there, bound to their
/// document; a rotation keeps the previous secret signing alongside the new one for the grace
/// period; a document from before encryption keeps working and is encrypted by its next PUT.
/// </summary>
public sealed class WebhookSecretTests
{
    private const int Year = 2022;
    private static readonly DateOnly DayOfD14 = new(Year, 11, 16);
    private static readonly DateOnly DayOfD7 = new(Year, 11, 23);

    private static Task<ReminderHost> HostAsync(IDictionary<string, string?>? overrides = null) =>
        ReminderHost.StartAsync(new DateTimeOffset(Year, 11, 1, 1, 0, 0, TimeSpan.Zero), overrides);

    private static async Task<JsonObject> RawDocumentAsync(ReminderHost host, string id)
    {
        var container = host.Get<Database>().GetContainer(CosmosContainers.Clients.Name);
        return (await container.ReadItemAsync<JsonObject>(id, new PartitionKey(id))).Resource;
    }

    private static Task<WebhookService.RegisterResult> RotateAsync(ReminderHost host, WebhookOwner owner, string url) =>
        host.Get<WebhookService>().RegisterAsync(ReminderHost.Admin, owner, new WebhookRegistration(url), "true", CancellationToken.None);

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_nothing_in_the_database_decrypts_it()
    {
        await using var host = await HostAsync();
        var agency = await host.RegisterAgencyAsync("51.522");
        var owner = WebhookOwner.Agency(agency);

        var secret = await host.RegisterWebhookAsync(owner, "https://portal.quangngai.gov.vn/hooks/a");

        var raw = await RawDocumentAsync(host, owner.DocumentId);
        Assert.False(raw.ContainsKey("secret"));
        Assert.DoesNotContain(secret, raw.ToJsonString(), StringComparison.Ordinal);
        var stored = raw["protectedSecret"]!.AsObject();
        Assert.StartsWith("local:", (string?)stored["keyId"], StringComparison.Ordinal);
        Assert.Equal(LocalKeyWrapper.Algorithm, (string?)stored["wrapAlgorithm"]);
        // What the app itself decrypts is the secret it showed once.
        var subscription = (await host.Get<IWebhookSubscriptionStore>().FindAsync(owner.DocumentId, CancellationToken.None))!.Value;
        Assert.Equal([secret], await host.Get<WebhookSecretProtector>().SigningSecretsAsync(subscription, CancellationToken.None));
    }

    [Fact]
    public async Task A_secret_moved_into_another_subscriptions_document_or_read_with_another_key_does_not_decrypt()
    {
        await using var host = await HostAsync();
        var protector = host.Get<WebhookSecretProtector>();
        var stored = await protector.ProtectAsync(WebhookSignature.NewSecret(), "agency:vp-a", CancellationToken.None);
        var otherKeyPath = Path.Combine(Path.GetTempPath(), "cultural-serverless-tests", $"other-machine-{Guid.NewGuid():N}.json");
        LocalKeyWrapper.CreateKeyIfMissing(otherKeyPath);
        try
        {
            var otherMachine = new WebhookSecretProtector(new LocalKeyWrapper(otherKeyPath), TimeProvider.System);

            await Assert.ThrowsAnyAsync<CryptographicException>(() => protector.UnprotectAsync(stored, "agency:vp-b", CancellationToken.None));
            await Assert.ThrowsAnyAsync<CryptographicException>(() => otherMachine.UnprotectAsync(stored, "agency:vp-a", CancellationToken.None));
            var tampered = stored with { Ciphertext = stored.Ciphertext.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray() };
            await Assert.ThrowsAnyAsync<CryptographicException>(() => protector.UnprotectAsync(tampered, "agency:vp-a", CancellationToken.None));
        }
        finally
        {
            File.Delete(otherKeyPath);
        }
    }

    [Fact]
    public async Task After_a_rotation_posts_carry_both_signatures_for_the_grace_period_and_then_only_the_new_one()
    {
        await using var host = await HostAsync(new Dictionary<string, string?> { ["Webhooks:SecretGracePeriod"] = "1.00:00:00" });
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var slow = await host.RegisterAgencyAsync("51.522");
        var quick = await host.RegisterAgencyAsync("51.522");
        foreach (var agency in new[] { slow, quick })
        {
            receiver.Trust(agency, await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), receiver.UrlOf(agency)));
        }

        // The morning of d-14 both portals rotate; one switches its receiver at once, the other not yet.
        host.MorningOf(DayOfD14);
        await RotateAsync(host, WebhookOwner.Agency(slow), receiver.UrlOf(slow));
        var rotated = await RotateAsync(host, WebhookOwner.Agency(quick), receiver.UrlOf(quick));
        receiver.Trust(quick, rotated.View.Secret!);
        await host.RunAsync();
        // A week later the grace period is over.
        host.MorningOf(DayOfD7);
        await host.RunAsync();

        Assert.Equal(host.Clock.GetUtcNow().AddDays(-7).AddDays(1), rotated.View.PreviousSecretExpiresAt);
        Assert.All(receiver.Posts.Where(p => p.Day == DayOfD14), post => Assert.Equal((true, 2), (post.SignatureValid, post.Signatures)));
        Assert.All(receiver.Posts.Where(p => p.Day == DayOfD7), post => Assert.Equal(1, post.Signatures));
        Assert.True(receiver.To(quick).Single(p => p.Day == DayOfD7).SignatureValid);
        Assert.Equal("signature mismatch", receiver.To(slow).Single(p => p.Day == DayOfD7).Problem);
        var stored = (await host.Get<IWebhookSubscriptionStore>().FindAsync(WebhookOwner.Agency(quick).DocumentId, CancellationToken.None))!.Value;
        Assert.Equal([rotated.View.Secret!], await host.Get<WebhookSecretProtector>().SigningSecretsAsync(stored, CancellationToken.None));
    }

    [Fact]
    public async Task With_no_grace_period_the_old_secret_stops_at_once()
    {
        await using var host = await HostAsync(new Dictionary<string, string?> { ["Webhooks:SecretGracePeriod"] = "00:00:00" });
        var owner = WebhookOwner.Agency(await host.RegisterAgencyAsync("51.522"));
        await host.RegisterWebhookAsync(owner, "https://portal.quangngai.gov.vn/hooks/a");

        var rotated = await RotateAsync(host, owner, "https://portal.quangngai.gov.vn/hooks/a");

        Assert.Null(rotated.View.PreviousSecretExpiresAt);
        var stored = (await host.Get<IWebhookSubscriptionStore>().FindAsync(owner.DocumentId, CancellationToken.None))!.Value;
        Assert.Equal([rotated.View.Secret!], await host.Get<WebhookSecretProtector>().SigningSecretsAsync(stored, CancellationToken.None));
    }

    [Fact]
    public async Task A_document_from_before_encryption_still_signs_and_its_next_put_encrypts_the_same_secret()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await host.RegisterAgencyAsync("51.522");
        var owner = WebhookOwner.Agency(agency);
        const string legacySecret = "old-secret-kept-in-clear-by-an-earlier-version";
        var container = host.Get<Database>().GetContainer(CosmosContainers.Clients.Name);
        await container.CreateItemAsync(new JsonObject
        {
            ["id"] = owner.DocumentId, ["type"] = "webhook", ["ownerKind"] = "agency", ["owner"] = agency,
            ["url"] = receiver.UrlOf(agency), ["secret"] = legacySecret,
            ["createdAt"] = "2022-10-01T00:00:00+00:00", ["updatedAt"] = "2022-10-01T00:00:00+00:00", ["secretIssuedAt"] = "2022-10-01T00:00:00+00:00",
        }, new PartitionKey(owner.DocumentId));
        receiver.Trust(agency, legacySecret);

        host.MorningOf(DayOfD14);
        await host.RunAsync();
        await host.Get<WebhookService>().RegisterAsync(ReminderHost.Admin, owner, new WebhookRegistration(receiver.UrlOf(agency)), null, CancellationToken.None);
        host.MorningOf(DayOfD7);
        await host.RunAsync();

        Assert.All(receiver.To(agency), post => Assert.True(post.SignatureValid, post.Problem));
        Assert.Equal(2, receiver.To(agency).Count);
        var raw = await RawDocumentAsync(host, owner.DocumentId);
        Assert.False(raw.ContainsKey("secret"));
        Assert.DoesNotContain(legacySecret, raw.ToJsonString(), StringComparison.Ordinal);
    }
}
