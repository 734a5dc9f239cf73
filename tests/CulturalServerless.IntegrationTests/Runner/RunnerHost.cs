using CulturalServerless.LocalRunner;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Runner;

/// <summary>The local runner started in-process on a free loopback port.</summary>
public sealed class RunnerHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunnerHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// Completes when the blob trigger listener has finished <paramref name="count"/> whole poll
    /// cycles that began after this call (at most 30 s): what a function has not done by then, the
    /// listener chose not to do.
    /// </summary>
    public Task BlobPollCyclesAsync(int count) =>
        app.Services.GetRequiredService<BlobPollCycles>().WaitForCyclesAsync(count).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Completes when <paramref name="queue"/> has had <paramref name="count"/> idle polls (nothing
    /// visible, nothing under way) that began after this call (at most 60 s).
    /// </summary>
    public Task QueueIdleAsync(string queue, int count = 1) =>
        app.Services.GetRequiredService<QueuePollCycles>().WaitForIdleAsync(queue, count).WaitAsync(TimeSpan.FromSeconds(60));

    public IServiceProvider Services => app.Services;

    /// <param name="functions">What the runner hosts.</param>
    /// <param name="addServices">The services the functions need.</param>
    /// <param name="settings">App settings over the shared emulator defaults.</param>
    /// <param name="queues">host.json's queue settings; by default those of the app's host.json.</param>
    public static async Task<RunnerHost> StartAsync(
        IReadOnlyList<FunctionDescriptor> functions,
        Action<IServiceCollection, IConfiguration> addServices,
        IDictionary<string, string?>? settings = null,
        QueueHostSettings? queues = null)
    {
        var options = new RunnerOptions
        {
            Port = 0, MetadataPath = "(given by the test)", BlobPollInterval = TimeSpan.FromMilliseconds(200),
            Queues = queues ?? QueueHostSettings.Read(Path.Combine(AppContext.BaseDirectory, "host.json")),
        };
        var app = LocalFunctionsHost.Build(options, () => functions, addServices, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = EmulatorSettings.StorageConnectionString,
                ["ReportStorage"] = EmulatorSettings.StorageConnectionString,
            });
            // The given settings win over the shared emulator defaults above.
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunnerHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
