using System.Net.Http.Json;
using CulturalServerless.LocalRunner.Catalog;

namespace CulturalServerless.IntegrationTests.Runner;

/// <summary>The reconciler's timer is declared in the app's functions.metadata, on its schedule setting, and runs under the runner.</summary>
public sealed class ReconcileTimerTests
{
    [Fact]
    public async Task ReconcileReports_is_a_timer_on_RECONCILE_SCHEDULE_and_runs_through_the_runner()
    {
        var functions = FunctionCatalog.Load(Path.Combine(AppContext.BaseDirectory, "functions.metadata"),
            typeof(CulturalServerlessServiceCollectionExtensions).Assembly);
        var timer = Assert.IsType<TimerTrigger>(functions.Single(f => f.Name == "ReconcileReports").Trigger);
        Assert.Equal("%RECONCILE_SCHEDULE%", timer.Schedule);
        Assert.False(timer.RunOnStartup);

        await using var appServices = new AppServices();
        await appServices.InitializeAsync();
        await using var host = await RunnerHost.StartAsync(functions,
            (services, configuration) => services.AddCulturalServerless(configuration), appServices.Settings);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.PostAsJsonAsync("/admin/functions/ReconcileReports", new { input = "" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
