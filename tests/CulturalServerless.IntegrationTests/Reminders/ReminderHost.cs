using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Serialization;
using CulturalServerless.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>
/// The app's own services on a database of their own, with a <see cref="FakeTimeProvider"/> as the
/// clock so a test can walk the calendar. <see cref="SecondInstance"/> is another process's worth of
/// services on the same database, for runs racing each other.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    private readonly List<ServiceProvider> instances = [];
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? replace;
    private readonly string queuePrefix;

    /// <param name="start">Where the clock starts.</param>
    /// <param name="overrides">Settings that differ from the defaults below.</param>
    /// <param name="replace">Services replaced at a seam, e.g. the webhook hosts' resolver.</param>
    public ReminderHost(DateTimeOffset start, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? replace = null)
    {
        this.replace = replace;
        queuePrefix = "rq-" + Guid.NewGuid().ToString("N")[..12];
        Clock = new FakeTimeProvider(start);
        settings = new Dictionary<string, string?>
        {
            ["Cosmos:ConnectionString"] = EmulatorSettings.CosmosConnectionString,
            ["Cosmos:Database"] = "test-" + Guid.NewGuid().ToString("N")[..12],
            ["Cosmos:CreateIfMissing"] = "true",
            // Queues of this host's own on the shared Azurite, so hosts of parallel tests do not take each other's messages.
            ["REMINDER_PAGE_QUEUE"] = queuePrefix + "-pages",
            ["REMINDER_DELIVERY_QUEUE"] = queuePrefix + "-deliveries",
            ["ReportStorage"] = EmulatorSettings.StorageConnectionString,
            ["AzureWebJobsStorage"] = EmulatorSettings.StorageConnectionString,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:ClientId"] = TestTokens.ApiClientId,
            ["Auth:DevelopmentIssuer:Enabled"] = "true",
            ["Auth:DevelopmentIssuerKeyPath"] = TestTokens.KeyPath,
            ["Webhooks:SecretKeyPath"] = TestSecretKeys.Path,
            ["Webhooks:Timeout"] = "00:00:05",
            // The receivers are real HTTP servers on 127.0.0.1, which the sample's settings refuse.
            ["Webhooks:AllowPrivateTargets"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        Services = NewInstance();
    }

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services { get; private set; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A request through this host's services with the given bearer token.</summary>
    public HttpRequest Request(string token, string method, string path, string? query = null) =>
        HttpCalls.Request(method, path, (string?)null, null, query, new Dictionary<string, string> { ["Authorization"] = "Bearer " + token }, Services);

    public static async Task<ReminderHost> StartAsync(
        DateTimeOffset start, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? replace = null)
    {
        var host = new ReminderHost(start, overrides, replace);
        await host.Get<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        await TestTokens.RegisterAdminAsync(host.Services);
        return host;
    }

    /// <summary>Sets the clock to 01:00 UTC (08:00 in Viet Nam, the default schedule) of <paramref name="day"/>.</summary>
    public void MorningOf(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    /// <summary>Another instance on the same database and clock, with some settings changed (none by default).</summary>
    public ServiceProvider SecondInstance(IDictionary<string, string?>? overrides = null) => NewInstance(overrides);

    /// <summary>The registry's administrator, who sets up agencies and webhooks for the season.</summary>
    public static readonly Caller Admin = new("test-admin", "test-admin", new HashSet<string> { Roles.Admin }, AccessScope.None);

    public async Task<string> RegisterAgencyAsync(string jurisdiction, string? name = null)
    {
        var id = "ag-" + Guid.NewGuid().ToString("N")[..10];
        await Get<AgencyService>().RegisterAsync(Admin, id, new AgencyRegistration
        {
            Name = name ?? "Văn phòng " + id,
            ParentBody = "UBND TỈNH QUẢNG NGÃI",
            Symbol = "VP",
            Jurisdiction = jurisdiction,
            PlaceName = "Quảng Ngãi",
            Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Vũ Minh Tâm"),
        }, null, CancellationToken.None);
        return id;
    }

    public async Task<string> RegisterWebhookAsync(WebhookOwner owner, string url)
    {
        var result = await Get<WebhookService>().RegisterAsync(Admin, owner, new WebhookRegistration(url), null, CancellationToken.None);
        return result.View.Secret!;
    }

    /// <summary>Submits the seed report for <paramref name="year"/> as the agency's portal would.</summary>
    public async Task SubmitAsync(string agencyId, int year)
    {
        var body = Api.ApiClient.Sample("assessment-2022.json");
        body["year"] = year;
        var submission = System.Text.Json.JsonSerializer.Deserialize<AssessmentSubmission>(body.ToJsonString(), JsonDefaults.Options)!;
        var portal = new Caller("test-portal", "test-portal", new HashSet<string> { Roles.Submitter }, new AccessScope(null, [agencyId]));
        await Get<AssessmentService>().SubmitAsync(portal, agencyId, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            submission, Guid.NewGuid().ToString(), ifMatch: null, CancellationToken.None);
    }

    /// <summary>Marks the agency's head as the renderer does when the report could not be made.</summary>
    public async Task FailReportAsync(string agencyId, int year)
    {
        var repository = Get<IAssessmentStore>();
        var head = (await repository.FindHeadAsync(agencyId, year, CancellationToken.None))!;
        Assert.NotNull(await repository.TryReplaceHeadAsync(head.Value with { Status = AssessmentStatus.ReportFailed }, head.ETag, CancellationToken.None));
    }

    /// <summary>The timer's run, then its queued pages and deliveries worked until the queues are empty.</summary>
    public async Task<ReminderRunResult> RunAsync()
    {
        await Get<ReminderService>().RunAsync(CancellationToken.None);
        return await DrainAsync();
    }

    /// <summary>Works what is queued (by any instance: the queues are shared) until nothing is left.</summary>
    public Task<ReminderRunResult> DrainAsync() => new ReminderQueueDrain(Services).DrainAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Get<Microsoft.Azure.Cosmos.Database>().DeleteAsync();
        }
        catch (Microsoft.Azure.Cosmos.CosmosException)
        {
            // Best effort: the database may be gone already.
        }
        var queues = Get<Azure.Storage.Queues.QueueServiceClient>();
        foreach (var suffix in new[] { "-pages", "-deliveries", "-pages-poison", "-deliveries-poison" })
        {
            await queues.GetQueueClient(queuePrefix + suffix).DeleteIfExistsAsync();
        }
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    private ServiceProvider NewInstance(IDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddCulturalServerless(configuration);
        replace?.Invoke(services);
        // As under the Functions host's ASP.NET Core integration: results are executed by MVC's executors.
        services.AddMvcCore();
        var provider = services.BuildServiceProvider();
        instances.Add(provider);
        return provider;
    }
}
