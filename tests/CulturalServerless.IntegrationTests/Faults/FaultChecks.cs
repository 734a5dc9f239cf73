using System.Diagnostics;
using CulturalServerless.Application.Health;
using CulturalServerless.Functions.Http.Health;
using CulturalServerless.IntegrationTests.Api;
using CulturalServerless.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CulturalServerless.IntegrationTests.Faults;

/// <summary>What every fault test arranges and checks: a portal to submit through, the 503, health, the log.</summary>
public static class FaultChecks
{
    /// <summary>The issue's bound: a dependency that is down or silent is answered within it.</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(15);

    /// <summary>Health probes each dependency within 3 s; the rest is slack for a busy machine.</summary>
    public static readonly TimeSpan HealthBound = TimeSpan.FromSeconds(6);

    /// <summary>A registered agency and its portal (registered too, while everything answers), logging to a record.</summary>
    public static async Task<(ApiClient Api, RecordedLog Log, string AgencyId)> PortalOfNewAgencyAsync(AppServices app)
    {
        var log = new RecordedLog();
        var api = new ApiClient(app, log.Factory());
        var agencyId = await api.RegisterAgencyAsync();
        await api.PortalTokenAsync(agencyId);
        return (api, log, agencyId);
    }

    /// <summary>
    /// Freezes a dependency, submits (503 with Retry-After within the bound), asks health (which
    /// names <paramref name="frozen"/>), thaws it, and answers the same submission sent again with
    /// the same Idempotency-Key.
    /// </summary>
    public static async Task<ApiResponse> SubmitFrozenThenThawedAsync(
        AppServices app, ApiClient api, string agencyId, string frozen, Action pause, Action resume, ITestOutputHelper output)
    {
        var body = ApiClient.Sample("assessment-2022.json");
        var key = Guid.NewGuid().ToString();
        pause();
        try
        {
            var (submitted, took) = await TimedAsync(() => api.SubmitAsync(agencyId, body, key));
            output.WriteLine($"{frozen} frozen: submission answered {submitted.Status} after {took.TotalMilliseconds:0} ms");
            AssertUnavailable(submitted, took);

            var (health, healthTook) = await TimedAsync(() => HealthAsync(app));
            output.WriteLine($"{frozen} frozen: health answered {health.Status} after {healthTook.TotalMilliseconds:0} ms: {health.Body?.ToJsonString()}");
            AssertHealthNames(frozen, health, healthTook);
        }
        finally
        {
            resume();
        }
        return await api.SubmitAsync(agencyId, body, key);
    }

    public static async Task<(ApiResponse Response, TimeSpan Took)> TimedAsync(Func<Task<ApiResponse>> call)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        return (response, watch.Elapsed);
    }

    public static Task<ApiResponse> HealthAsync(AppServices app)
    {
        var request = app.Request(null, "GET", "/api/health");
        return HttpCalls.ExecuteAsync(request, new HealthFunction(app.Get<HealthService>()).Run(request, CancellationToken.None));
    }

    public static void AssertUnavailable(ApiResponse response, TimeSpan took)
    {
        Assert.True(response.Status == 503, $"expected 503, got {response.Status}: {response.Body}");
        Assert.True(took < AnswerBound, $"answered after {took}, not within {AnswerBound}");
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("/problems/unavailable", (string?)response.Json["type"]);
        AssertRetryAfter(response);
    }

    /// <summary>Health answers 503 with Retry-After, in time, naming <paramref name="down"/> and only it.</summary>
    public static void AssertHealthNames(string down, ApiResponse health, TimeSpan took)
    {
        Assert.Equal(503, health.Status);
        Assert.True(took < HealthBound, $"health answered after {took}, not within {HealthBound}");
        AssertRetryAfter(health);
        var states = health.Json["dependencies"]!.AsArray().ToDictionary(d => (string)d!["name"]!, d => (string?)d!["state"]);
        Assert.Equal([HealthService.CosmosDb, HealthService.BlobStorage], states.Keys);
        Assert.All(states, state => Assert.Equal(state.Key == down ? "down" : "up", state.Value));
    }

    /// <summary>One warning with the structured template, its values named, and the exception.</summary>
    public static void AssertLoggedOnce(RecordedLog log, string agencyId, ITestOutputHelper output)
    {
        var unavailable = Assert.Single(log.Entries, entry => entry.Template?.StartsWith("Dependency unavailable", StringComparison.Ordinal) == true);
        output.WriteLine($"logged: {unavailable.Values["Failure"]} ({unavailable.Exception?.GetType().FullName})");
        Assert.Equal(LogLevel.Warning, unavailable.Level);
        Assert.Equal("POST", unavailable.Values["Method"]);
        Assert.Equal($"/api/agencies/{agencyId}/assessments/2022", unavailable.Values["Path"]);
        Assert.IsType<long>(unavailable.Values["ElapsedMs"]);
        Assert.NotNull(unavailable.Exception);
    }

    private static void AssertRetryAfter(ApiResponse response) =>
        Assert.True(int.TryParse(response.Headers.RetryAfter.ToString(), out var seconds) && seconds > 0,
            $"Retry-After: '{response.Headers.RetryAfter}'");
}
