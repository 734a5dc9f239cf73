using CulturalServerless.Application.Access;
using CulturalServerless.Application.Problems;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Functions.Http.Problems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// The one boundary every HTTP function goes through (only the anonymous health check does not).
/// It authenticates the caller first, so no function can forget to, then turns a client's mistake
/// into its problem response; anything else is logged with the trace id and answered with a 500
/// problem that carries no internals.
/// </summary>
public static partial class HttpEndpoint
{
    /// <summary>For a function that does not need to know who calls: the caller is still authenticated.</summary>
    public static Task<IActionResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<IActionResult>> handle) =>
        RunAsync(request, logger, _ => handle());

    public static async Task<IActionResult> RunAsync(HttpRequest request, ILogger logger, Func<Caller, Task<IActionResult>> handle)
    {
        try
        {
            var authenticator = request.HttpContext.RequestServices.GetRequiredService<CallerAuthenticator>();
            var caller = await authenticator.AuthenticateAsync(request, request.HttpContext.RequestAborted);
            return await handle(caller);
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
        catch (Exception exception) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogUnexpected(logger, exception, request.Method, request.Path.Value);
            return ProblemResults.From(
                new ApiProblemException(ProblemType.Internal, "Đã có lỗi hệ thống; vui lòng thử lại sau hoặc báo cho quản trị viên kèm traceId."),
                request);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string? path);
}
