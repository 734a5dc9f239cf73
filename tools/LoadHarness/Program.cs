// Load harness for the daily reminder run (docs/reminders.md, "Scale"): registers N agencies
// (10,000 by default) in the local Cosmos DB emulator, with a mix of submitted, failed and missing
// assessments and of own and portal webhooks pointing at unfriendly receivers (5% answer after
// 8 s, 5% refuse, 1% hang), then runs one reminder morning and a repeat of it through the app's
// queue functions under tools/LocalRunner, and prints when every healthy receiver was reached,
// the reminders by state, the longest invocation and the peak memory. Everything stays on
// 127.0.0.1; the database and queues (and a submission run's report requests) are deleted afterwards
// unless --keep is given.
//
//   dotnet run -c Release --project tools/LoadHarness -- [--agencies 10000] [--keep]
//
// With --submissions N (and --concurrency C, default 16; --warmup W, default 500) it measures
// submissions instead: untimed rounds of W submissions and W floor iterations until the JIT is
// quiet, then N agencies each submit the seed's assessment through the submit function class, in
// rounds of W by turns (which goes first alternating) with the rate of the least storage a submission
// needs, one create and one blob, with each path's CPU and bytes per operation, beside the
// emulator's raw upsert rate for a document of the same size (docs/performance.md).
//
// With --export N it measures the committee's export instead: N submitted agency-years, exported as
// XLSX and as CSV, with the time and the peak memory of each (docs/performance.md, "Exports").
using System.Diagnostics;
using System.Globalization;
using CulturalServerless.Functions.Hosting;
using CulturalServerless.LoadHarness;
using CulturalServerless.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var count = ArgumentAfter("--agencies") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 10_000;
var keep = args.Contains("--keep");
var runId = Guid.NewGuid().ToString("N")[..8];
var database = "load-" + runId;
var settings = new Dictionary<string, string?>
{
    ["Cosmos:ConnectionString"] = Environment.GetEnvironmentVariable("Cosmos__ConnectionString")
        ?? "AccountEndpoint=https://127.0.0.1:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==;",
    ["Cosmos:Database"] = database,
    ["Cosmos:CreateIfMissing"] = "true",
    ["ReportStorage"] = Environment.GetEnvironmentVariable("ReportStorage") ?? "UseDevelopmentStorage=true",
    // Queues of the run's own, so that nothing else on the shared Azurite takes its messages.
    ["REMINDER_PAGE_QUEUE"] = $"load-{runId}-pages",
    ["REMINDER_DELIVERY_QUEUE"] = $"load-{runId}-deliveries",
    // The app authenticates every request: a development issuer of the harness's own, in a temp folder.
    ["Auth:Audience"] = "api://cultural-serverless-load",
    ["Auth:DevelopmentIssuer:Enabled"] = "true",
    // Every webhook points at the harness's receiver on 127.0.0.1.
    ["Webhooks:AllowPrivateTargets"] = "true",
    ["Auth:DevelopmentIssuerKeyPath"] = Path.Combine(Path.GetTempPath(), "cultural-serverless-load", "issuer-key.json"),
    ["Webhooks:SecretKeyPath"] = Path.Combine(Path.GetTempPath(), "cultural-serverless-load", "webhook-secrets-key.json"),
};
// The app only reads its development keys; the harness makes its own first, as ./run.sh does.
CulturalServerless.Functions.Auth.DevelopmentIssuer.CreateKeyIfMissing(settings["Auth:DevelopmentIssuerKeyPath"]!);
CulturalServerless.Storage.Secrets.LocalKeyWrapper.CreateKeyIfMissing(settings["Webhooks:SecretKeyPath"]!);
var services = new ServiceCollection();
services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
// 23 November 08:00 in Viet Nam: the d-7 morning, when every missing agency is due a reminder.
TimeProvider clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
services.AddSingleton(clock);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
services.AddCulturalServerless(configuration);
services.AddMvcCore();
await using var provider = services.BuildServiceProvider();
await using var receiver = await UnfriendlyReceiver.StartAsync();

try
{
    await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
    if (ArgumentAfter("--export-samples") is { } sampleDirectory)
    {
        Console.WriteLine(await ExportLoad.WriteSamplesAsync(provider, sampleDirectory));
        return;
    }
    if (ArgumentAfter("--export") is { } exportRows)
    {
        await ExportLoad.MeasureAsync(provider, int.Parse(exportRows, CultureInfo.InvariantCulture), Console.Out);
        return;
    }
    if (ArgumentAfter("--submissions") is { } submissions)
    {
        var concurrency = ArgumentAfter("--concurrency") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 16;
        var warmup = ArgumentAfter("--warmup") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : 500;
        Console.WriteLine(await SubmissionLoad.MeasureAsync(provider, CulturalServerless.Functions.Auth.AuthOptions.From(configuration), runId,
            int.Parse(submissions, CultureInfo.InvariantCulture), concurrency, warmup, keep));
        return;
    }
    var seeding = Stopwatch.StartNew();
    var seeded = await LoadSeeder.SeedAsync(provider, count, 2026, receiver.BaseUrl);
    Console.WriteLine($"Seeded {count} agencies ({seeded.Submitted} submitted, {seeded.ReportFailed} report-failed, " +
        $"{seeded.OwnWebhooks} own webhooks, {seeded.Committees} committee webhooks) in {seeding.Elapsed.TotalSeconds:F1} s");

    Console.WriteLine(await QueryCosts.MeasureAsync(provider, 2026));
    foreach (var label in new[] { "First run", "Repeat run (same day)" })
    {
        Console.WriteLine(await ReminderLoad.RunAsync(settings, clock, receiver, label, CancellationToken.None));
    }
}
finally
{
    if (!keep)
    {
        await provider.GetRequiredService<Database>().DeleteAsync();
        var queues = provider.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>();
        foreach (var name in new[] { settings["REMINDER_PAGE_QUEUE"], settings["REMINDER_DELIVERY_QUEUE"] })
        {
            await queues.GetQueueClient(name).DeleteIfExistsAsync();
            await queues.GetQueueClient(name + "-poison").DeleteIfExistsAsync();
        }
    }
}

string? ArgumentAfter(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
