using CulturalServerless.Storage;
using CulturalServerless.UnitTests.Reports.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// The app's own service registration pointed at the emulators, with a database of the test's own
/// so that tests never see each other's data.
/// </summary>
public sealed class AppServices : IAsyncLifetime
{
    public AppServices() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// The app with some settings changed, e.g. a dependency pointed where nothing answers, and
    /// optionally some services replaced at a seam.
    /// </summary>
    public static AppServices With(IDictionary<string, string?> overrides, Action<IServiceCollection>? replace = null) => new(overrides, replace);

    private AppServices(IDictionary<string, string?> overrides, Action<IServiceCollection>? replace = null)
    {
        Settings = new Dictionary<string, string?>
        {
            ["Cosmos:ConnectionString"] = EmulatorSettings.CosmosConnectionString,
            ["Cosmos:Database"] = "test-" + Guid.NewGuid().ToString("N")[..12],
            ["Cosmos:CreateIfMissing"] = "true",
            ["ReportStorage"] = EmulatorSettings.StorageConnectionString,
            ["AzureWebJobsStorage"] = EmulatorSettings.StorageConnectionString,
            // The development PKI and loopback TSA of ./run.sh, made for this test run.
            ["Signing:PfxPath"] = DevelopmentPki.Shared.PfxPath,
            ["Signing:PfxPassword"] = string.Empty,
            ["Signing:CaCertificates"] = DevelopmentPki.Shared.CaPath,
            ["Signing:TimestampCaCertificates"] = DevelopmentPki.Shared.CaPath,
            ["Signing:TimestampUrl"] = DevelopmentPki.Shared.TimestampUrl.ToString(),
            // The SendReminders and ReconcileReports timers name these settings; the local runner refuses to start without it.
            ["REMINDER_SCHEDULE"] = "0 0 1 * * *",
            ["RECONCILE_SCHEDULE"] = "0 */5 * * * *",
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:ClientId"] = TestTokens.ApiClientId,
            ["Auth:DevelopmentIssuer:Enabled"] = "true",
            ["Auth:DevelopmentIssuerKeyPath"] = TestTokens.KeyPath,
            ["Webhooks:SecretKeyPath"] = TestSecretKeys.Path,
        };
        foreach (var (key, value) in overrides) Settings[key] = value;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // The Functions worker's ASP.NET Core integration executes IActionResult with MVC's executors.
        services.AddMvcCore();
        services.AddCulturalServerless(Configuration);
        replace?.Invoke(services);
        Provider = services.BuildServiceProvider();
    }

    public Dictionary<string, string?> Settings { get; }
    public IConfiguration Configuration { get; }
    public ServiceProvider Provider { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>
    /// A request as the host hands it to a function: the app's services behind it and, when
    /// <paramref name="token"/> is given, <c>Authorization: Bearer {token}</c>.
    /// </summary>
    /// <summary>A request with a binary body (a PDF to verify), through the app's services, with a bearer token.</summary>
    public HttpRequest Request(string? token, string method, string path, byte[] body, string contentType)
    {
        var headers = new Dictionary<string, string>();
        if (token is not null) headers["Authorization"] = "Bearer " + token;
        return HttpCalls.Request(method, path, body, contentType, null, headers, Provider);
    }

    public HttpRequest Request(
        string? token, string method, string path, string? body = null, string? contentType = "application/json",
        string? query = null, IDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>());
        if (token is not null) all["Authorization"] = "Bearer " + token;
        return HttpCalls.Request(method, path, body, contentType, query, all, Provider);
    }

    public async Task InitializeAsync()
    {
        await Get<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        await TestTokens.RegisterAdminAsync(Provider);
    }

    public async Task DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            // Bounded: a fault test may leave its emulator dead or frozen.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Get<Microsoft.Azure.Cosmos.Database>().DeleteAsync(cancellationToken: timeout.Token);
        }
        catch (Exception exception) when (exception is Microsoft.Azure.Cosmos.CosmosException or HttpRequestException or OperationCanceledException)
        {
            // Clean-up is best effort: the database is already gone, or the test pointed Cosmos
            // at an address where nothing answers.
        }
        await Provider.DisposeAsync();
    }

    private bool disposed;
}
