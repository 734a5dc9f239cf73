using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Invocation;
using CulturalServerless.LocalRunner.Triggers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CulturalServerless.LocalRunner;

/// <summary>
/// Hosts the function classes locally on 127.0.0.1, standing in for the Azure Functions host that
/// cannot be installed here. It adds no behaviour of its own: routes, triggers and schedules all
/// come from functions.metadata, and the app's services from the app's own registration.
/// </summary>
public static class LocalFunctionsHost
{
    public static WebApplication Build(
        RunnerOptions options,
        Func<IReadOnlyList<FunctionDescriptor>> loadFunctions,
        Action<IServiceCollection, IConfiguration> addAppServices,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (options.SettingsPath is { } settings)
        {
            // Settings file first, then environment variables over it, as under Core Tools.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = LocalSettings.Read(settings),
            });
        }
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        // The app's own logs matter locally; ASP.NET Core's per-request lines only bury them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);

        var functions = loadFunctions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(functions);
        builder.Services.AddSingleton<FunctionInvoker>();
        // The Functions worker's ASP.NET Core integration executes IActionResult with MVC's executors.
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<BlobPollCycles>();
        builder.Services.AddHostedService<BlobTriggerListener>();
        builder.Services.AddSingleton<QueuePollCycles>();
        builder.Services.AddHostedService<QueueTriggerListener>();
        builder.Services.AddHostedService<TimerTriggerScheduler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        addAppServices(builder.Services, builder.Configuration);

        var app = builder.Build();
        HttpTriggerEndpoints.Map(app, functions, options.RoutePrefix);
        AdminEndpoints.Map(app, functions);
        return app;
    }
}
