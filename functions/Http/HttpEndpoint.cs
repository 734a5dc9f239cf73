using CulturalServerless.Application.Problems;
using CulturalServerless.Functions.Http.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// The one error boundary of the HTTP functions: a client's mistake becomes its problem response;
/// anything else is logged with the trace id and answered with a 500 problem that carries no internals.
/// </summary>
public static partial class HttpEndpoint
{
    public static async Task<IActionResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<IActionResult>> handle)
    {
        try
        {
            return await handle();
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
