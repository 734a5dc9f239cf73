using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Triggers;

namespace CulturalServerless.IntegrationTests.Runner;

public sealed class LocalRunnerTests
{
    // Whole blob poll cycles after which "nothing fired" is a fact, not a guess about timing.
    private const int QuietCycles = 3;

    private readonly ProbeLog log = new();
    private readonly string container = "probe-" + Guid.NewGuid().ToString("N")[..12];

    private static FunctionDescriptor Probe(string name, string method, Trigger trigger) =>
        new(name, typeof(ProbeFunctions).GetMethod(method)!, trigger, []);

    private Task<RunnerHost> StartAsync(params FunctionDescriptor[] functions) =>
        RunnerHost.StartAsync(functions, (services, _) => services.AddSingleton(log));

    [Fact]
    public async Task A_blob_written_to_a_watched_path_fires_its_function_exactly_once()
    {
        var blobs = new BlobContainerClient(EmulatorSettings.StorageConnectionString, container);
        await blobs.CreateIfNotExistsAsync();
        var blobFunction = Probe("ProbeBlob", nameof(ProbeFunctions.OnBlob), new BlobTrigger("content", $"{container}/in/{{name}}", "ReportStorage"));

        await using (var host = await StartAsync(blobFunction))
        {
            await blobs.UploadBlobAsync("in/vp-2022.json", BinaryData.FromString("v1"));
            await blobs.UploadBlobAsync("elsewhere/ignored.json", BinaryData.FromString("x"));
            await WaitForCallsAsync(1);
            await host.BlobPollCyclesAsync(QuietCycles); // whole polls that saw both blobs: nothing fires again
            Assert.Equal([$"vp-2022.json=v1@{container}/in/vp-2022.json"], log.Calls);

            // A new version of the blob is a new event.
            await blobs.GetBlobClient("in/vp-2022.json").UploadAsync(BinaryData.FromString("v2"), overwrite: true);
            await WaitForCallsAsync(2);
            // Stop only once the cycle that fired has written its receipt, or a stop in between loses it.
            await host.BlobPollCyclesAsync(1);
        }

        // A restarted runner remembers its receipts and fires nothing again.
        await using (var host = await StartAsync(blobFunction))
        {
            await host.BlobPollCyclesAsync(QuietCycles);
        }
        Assert.Equal(2, log.Calls.Count);
        await blobs.DeleteAsync();
    }

    [Fact]
    public async Task A_blob_function_that_keeps_failing_is_tried_5_times_then_recorded_as_poison()
    {
        // The poison queue's name is fixed, so the test has an Azurite of its own to read it whole.
        await using var storage = await PrivateAzurite.StartAsync();
        var blobs = new BlobContainerClient(storage.ConnectionString, container);
        await blobs.CreateIfNotExistsAsync();
        var poison = new QueueClient(storage.ConnectionString, BlobTriggerListener.PoisonQueue);

        await using (var host = await RunnerHost.StartAsync(
            [Probe("ProbeFailing", nameof(ProbeFunctions.OnBlobFailing), new BlobTrigger("content", $"{container}/{{name}}", "ReportStorage"))],
            (services, _) => services.AddSingleton(log),
            new Dictionary<string, string?> { ["ReportStorage"] = storage.ConnectionString, ["AzureWebJobsStorage"] = storage.ConnectionString }))
        {
            await blobs.UploadBlobAsync("bad.json", BinaryData.FromString("{}"));
            await WaitForCallsAsync(BlobTriggerListener.MaxAttempts);
            await host.BlobPollCyclesAsync(QuietCycles);
        }

        Assert.Equal(BlobTriggerListener.MaxAttempts, log.Calls.Count);
        var message = JsonNode.Parse(Assert.Single((await poison.ReceiveMessagesAsync(32)).Value).Body.ToString())!;
        Assert.Equal(container, (string?)message["ContainerName"]);
        Assert.Equal("bad.json", (string?)message["BlobName"]);
        Assert.Equal("ProbeFailing", (string?)message["FunctionId"]);
    }

    [Fact]
    public async Task Http_functions_are_served_on_their_route_template_and_methods()
    {
        await using var host = await StartAsync(Probe("Echo", nameof(ProbeFunctions.Echo),
            new HttpTrigger("request", "echo/{id}/{year:int}", ["GET"], "Function")));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var body = await http.GetFromJsonAsync<JsonObject>("/api/echo/vp/2022?q=x");
        Assert.Equal("vp", (string?)body!["id"]);
        Assert.Equal(2022, (int?)body["year"]);
        Assert.Equal("GET", (string?)body["method"]);
        Assert.Equal("x", (string?)body["query"]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("/api/echo/vp/2022", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/echo/vp/abc")).StatusCode);
    }

    [Fact]
    public async Task A_timer_function_runs_on_demand_through_the_admin_endpoint()
    {
        await using var host = await StartAsync(Probe("ProbeTimer", nameof(ProbeFunctions.OnTimer),
            new TimerTrigger("timer", "0 0 1 1 1 *", RunOnStartup: false)));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.PostAsJsonAsync("/admin/functions/ProbeTimer", new { input = "" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForCallsAsync(1);
        Assert.Equal(["timer pastDue=False"], log.Calls);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/admin/functions/Nope", new { })).StatusCode);
    }

    [Fact]
    public async Task The_app_runs_under_the_runner_from_its_own_functions_metadata()
    {
        var metadata = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        var functions = FunctionCatalog.Load(metadata, typeof(CulturalServerlessServiceCollectionExtensions).Assembly);
        var health = Assert.IsType<HttpTrigger>(functions.Single(f => f.Name == "Health").Trigger);
        Assert.Equal("health", health.Route);
        Assert.Equal(["GET"], health.Methods);
        Assert.Equal("Anonymous", health.AuthLevel);

        await using var appServices = new AppServices();
        await appServices.InitializeAsync();
        await using var host = await RunnerHost.StartAsync(functions,
            (services, configuration) => services.AddCulturalServerless(configuration), appServices.Settings);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (string?)body!["status"]);
        Assert.Equal(["up", "up"], body["dependencies"]!.AsArray().Select(d => (string?)d!["state"]));

        // Through the runner's real HTTP pipeline: no token is a 401 with the challenge; a valid one gets in.
        var anonymous = await http.GetAsync("/api/agencies");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        using var authorised = new HttpRequestMessage(HttpMethod.Get, "/api/agencies");
        authorised.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Admin);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(authorised)).StatusCode);
        await appServices.DisposeAsync();
    }

    private async Task WaitForCallsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (log.Calls.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.True(log.Calls.Count >= count, $"expected {count} invocations, saw {log.Calls.Count}");
    }
}
