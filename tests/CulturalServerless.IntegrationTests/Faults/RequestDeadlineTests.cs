using System.Diagnostics;
using CulturalServerless.Functions.Http;
using CulturalServerless.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace CulturalServerless.IntegrationTests.Faults;

/// <summary>
/// The HTTP boundary's deadline (<c>Http__RequestDeadline</c>) over a handler that never finishes:
/// 503 with Retry-After once it passes, whether the handler honours its token or not; a client
/// that goes away gets no answer at all.
/// </summary>
public sealed class RequestDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    // CancelAfter counts on the runtime's millisecond tick, the test on a Stopwatch: the deadline can
    // fire a fraction of a millisecond before the Stopwatch says a second has passed.
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(20);
    private readonly AppServices app = AppServices.With(new Dictionary<string, string?> { ["Http:RequestDeadline"] = "00:00:01" });

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_handler_waiting_on_its_token_answers_503_when_the_configured_deadline_passes()
    {
        var (response, took) = await RunAsync(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new OkResult();
        });

        Assert.Equal(503, response.Status);
        Assert.Equal("/problems/unavailable", (string?)response.Json["type"]);
        Assert.Equal(DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.RetryAfter.ToString());
        Assert.InRange(took, Deadline - TimerResolution, Deadline + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_abandoned_just_after_the_deadline()
    {
        var never = new TaskCompletionSource<IActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);

        var (response, took) = await RunAsync((_, _) => never.Task);

        Assert.Equal(503, response.Status);
        Assert.Equal("/problems/unavailable", (string?)response.Json["type"]);
        Assert.InRange(took, Deadline - TimerResolution, Deadline + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_client_that_goes_away_gets_no_problem_answer()
    {
        using var client = new CancellationTokenSource();
        var request = app.Request(TestTokens.Admin, "GET", "/api/probe");
        request.HttpContext.RequestAborted = client.Token;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = HttpEndpoint.RunAsync(request, NullLogger.Instance, CancellationToken.None, async (_, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new OkResult();
        });
        await started.Task;
        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private async Task<(ApiResponse Response, TimeSpan Took)> RunAsync(Func<CulturalServerless.Application.Access.Caller, CancellationToken, Task<IActionResult>> handle)
    {
        var request = app.Request(TestTokens.Admin, "GET", "/api/probe");
        var watch = Stopwatch.StartNew();
        var response = await HttpCalls.ExecuteAsync(request, HttpEndpoint.RunAsync(request, NullLogger.Instance, CancellationToken.None, handle));
        return (response, watch.Elapsed);
    }
}
