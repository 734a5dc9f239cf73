using CulturalServerless.Application.Access;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.IntegrationTests.Reminders;
using ApiClient = CulturalServerless.IntegrationTests.Api.ApiClient;

namespace CulturalServerless.IntegrationTests.Appraisals;

/// <summary>The agency's webhook hears of a request for explanation, signed as reminders are, to a real receiver on loopback.</summary>
public sealed class ProcessEventTests : IAsyncLifetime
{
    private readonly AppServices app = AppServices.With(new Dictionary<string, string?>
    {
        // The receiver is a real HTTP server on 127.0.0.1, which the sample's settings refuse.
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.020",
    });

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_request_for_explanation_is_posted_to_the_agency_webhook_signed_with_its_deadline()
    {
        var api = new ApiClient(app);
        var calls = new AppraisalCalls(app, api);
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        var agencyId = await api.RegisterAgencyAsync();
        var admin = new Caller("test-admin", TestTokens.AdminClientId, new HashSet<string> { Roles.Admin }, AccessScope.None);
        var registered = await app.Get<WebhookService>().RegisterAsync(admin, WebhookOwner.Agency(agencyId), new WebhookRegistration(receiver.UrlOf(agencyId)), null, CancellationToken.None);
        receiver.Trust(agencyId, registered.View.Secret!);
        Assert.Equal(201, (await api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        Assert.Equal(200, (await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId))).Status);
        var deadline = CulturalServerless.Calendar.VietnamCalendar.Today(TimeProvider.System).AddDays(5).ToString("yyyy-MM-dd");

        var asked = await calls.RequestExplanationAsync(agencyId, new JsonObject
        {
            ["deadline"] = deadline,
            ["items"] = new JsonArray(new JsonObject { ["code"] = "1.4", ["question"] = "Nguồn số liệu?" }),
        });

        Assert.Equal(200, asked.Status);
        var post = Assert.Single(receiver.To(agencyId));
        Assert.True(post.SignatureValid, post.Problem);
        Assert.Equal("explanation-requested", post.Event);
        Assert.Equal($"explanation-requested-{agencyId}-2022", post.DeliveryId);
        Assert.Equal(deadline, (string?)post.Body["deadline"]);
        Assert.Equal($"/api/agencies/{agencyId}/assessments/2022/appraisal", (string?)post.Body["link"]);
        Assert.Contains("1.4", (string?)post.Body["message"]);
    }
}
