using System.Diagnostics;
using System.Globalization;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Telemetry;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Functions.Http.Problems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// The one boundary every HTTP function goes through (only the anonymous health check does not).
/// It authenticates the caller first, so no function can forget to, and gives the whole request a
/// deadline (<see cref="RequestDeadlineOptions"/>). It turns a client's mistake into its problem
/// response, a dependency that is down or silent (<see cref="DependencyFailures"/>) into 503 with
/// <c>Retry-After</c>, and anything else is logged with the trace id and answered with a 500
/// problem that carries no internals.
/// </summary>
/// <remarks>
/// The handler gets the request's token: the function's own, the client going away and the
/// deadline in one. Functions name its parameter <c>cancellationToken</c>, the name of their own
/// parameter, so that theirs cannot be passed on by mistake inside the handler.
/// </remarks>
public static partial class HttpEndpoint
{
    /// <summary>How long after the deadline a call that ignores its cancelled token is abandoned.</summary>
    private static readonly TimeSpan BackstopGrace = TimeSpan.FromSeconds(1);

    /// <summary>For a function that does not need to know who calls: the caller is still authenticated.</summary>
    public static Task<IActionResult> RunAsync(
        HttpRequest request, ILogger logger, CancellationToken cancellationToken, Func<Task<IActionResult>> handle) =>
        RunAsync(request, logger, cancellationToken, (_, _) => handle());

    public static async Task<IActionResult> RunAsync(
        HttpRequest request, ILogger logger, CancellationToken cancellationToken, Func<Caller, CancellationToken, Task<IActionResult>> handle)
    {
        // The request's span: locally the root of the trace; under the Functions host, inside the invocation's.
        using var activity = AppTelemetry.Source.StartActivity("HTTP " + request.Method);
        activity?.SetTag("http.request.method", request.Method);
        activity?.SetTag("url.path", request.Path.Value);
        var result = await RunInDeadlineAsync(request, logger, cancellationToken, handle);
        if (result is IStatusCodeActionResult { StatusCode: { } status })
        {
            activity?.SetTag("http.response.status_code", status);
            if (status >= 500) activity?.SetStatus(ActivityStatusCode.Error);
        }
        return result;
    }

    private static async Task<IActionResult> RunInDeadlineAsync(
        HttpRequest request, ILogger logger, CancellationToken cancellationToken, Func<Caller, CancellationToken, Task<IActionResult>> handle)
    {
        var services = request.HttpContext.RequestServices;
        var aborted = request.HttpContext.RequestAborted;
        var started = Stopwatch.GetTimestamp();
        var limit = services.GetRequiredService<RequestDeadlineOptions>().Deadline;
        using var deadline = new CancellationTokenSource(limit);
        using var requestToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted, deadline.Token);
        // The deadline cancels every call through the token, and the SDKs then say which call was
        // cut short. A call that ignores its token is abandoned a moment later, so the deadline
        // holds over it too.
        using var backstop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted);
        backstop.CancelAfter(limit + BackstopGrace);
        try
        {
            var authenticator = services.GetRequiredService<CallerAuthenticator>();
            var caller = await authenticator.AuthenticateAsync(request, requestToken.Token).WaitAsync(backstop.Token);
            return await handle(caller, requestToken.Token).WaitAsync(backstop.Token);
        }
        catch (AuthenticationFailedException failure)
        {
            request.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = failure.Challenge;
            return ProblemResults.From(new ApiProblemException(ProblemType.Unauthorized,
                $"Cần bearer token hợp lệ (Authorization: Bearer …): {failure.Description}."), request);
        }
        catch (ApiProblemException problem)
        {
            return ProblemResults.From(problem, request);
        }
        catch (Exception exception) when (!aborted.IsCancellationRequested)
        {
            return Failure(request, logger, exception, deadline.IsCancellationRequested, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The answer to an exception that is not a client's mistake: 503 <c>/problems/unavailable</c>
    /// with <c>Retry-After</c> when a dependency is down or silent (<see cref="DependencyFailures"/>),
    /// otherwise 500 <c>/problems/internal</c>. Both are logged; neither tells the caller more than the trace id.
    /// </summary>
    internal static IActionResult Failure(HttpRequest request, ILogger logger, Exception exception, bool deadlinePassed, TimeSpan elapsed)
    {
        if (DependencyFailures.Describe(exception, deadlinePassed) is { } failure)
        {
            LogUnavailable(logger, exception, request.Method, request.Path.Value, failure, (long)elapsed.TotalMilliseconds);
            request.HttpContext.Response.Headers[HeaderNames.RetryAfter] =
                DependencyFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ProblemResults.From(new ApiProblemException(ProblemType.Unavailable,
                $"Cơ sở dữ liệu hoặc kho lưu trữ tạm thời không phản hồi; vui lòng thử lại sau {DependencyFailures.RetryAfterSeconds} giây."), request);
        }
        LogUnexpected(logger, exception, request.Method, request.Path.Value);
        return ProblemResults.From(
            new ApiProblemException(ProblemType.Internal, "Đã có lỗi hệ thống; vui lòng thử lại sau hoặc báo cho quản trị viên kèm traceId."),
            request);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dependency unavailable: {Method} {Path} answered 503 after {ElapsedMs} ms: {Failure}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string? path, string failure, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string? path);
}
