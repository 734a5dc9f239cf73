using System.Net.Mime;
using CulturalServerless.Application.Exports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http.Exports;

/// <summary>
/// Streams a <see cref="TableExport"/> into the response as an attachment. The export was checked
/// and its first page read inside the request's deadline; the rest is written as it is read, for as
/// long as the client stays. A failure once the file has started cannot become a problem response
/// (the status is sent): the connection is aborted instead, so the client sees a broken transfer
/// rather than a file that looks complete.
/// </summary>
public sealed partial class ExportResult(TableExport export) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = export.ContentType;
        response.Headers[HeaderNames.ContentDisposition] =
            new ContentDisposition { DispositionType = "attachment", FileName = export.FileName }.ToString();
        response.Headers[HeaderNames.CacheControl] = "no-store";
        try
        {
            await export.WriteAsync(response.Body, http.RequestAborted);
        }
        catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<ExportResult>();
            if (logger is not null) LogAborted(logger, exception, http.Request.Path.Value, export.FileName);
            http.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {Path} ({FileName}) failed after it started; the connection was aborted")]
    private static partial void LogAborted(ILogger logger, Exception exception, string? path, string fileName);
}
