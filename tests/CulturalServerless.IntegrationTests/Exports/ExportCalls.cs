using CulturalServerless.Application.Exports;
using CulturalServerless.Functions.Http.Assessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace CulturalServerless.IntegrationTests.Exports;

/// <summary>What an export answered: status, headers and the raw bytes of the file (or the problem's JSON).</summary>
public sealed record ExportResponse(int Status, IHeaderDictionary Headers, string? ContentType, byte[] Body)
{
    public JsonObject Problem => JsonNode.Parse(Body)!.AsObject();
}

/// <summary>Calls <c>GET /api/assessments/export</c> through its function class, as the host would.</summary>
public sealed class ExportCalls(AppServices app)
{
    private readonly AssessmentExportFunction function = new(app.Get<AssessmentExportService>(), NullLogger<AssessmentExportFunction>.Instance);

    public async Task<ExportResponse> ExportAsync(string? token, string query)
    {
        var request = app.Request(token, "GET", "/api/assessments/export", query: query);
        return await ExecuteAsync(request, function.Run(request, CancellationToken.None));
    }

    /// <summary>Writes an export function's answer into the request's response, as the host would, and reads it back.</summary>
    public static async Task<ExportResponse> ExecuteAsync(HttpRequest request, Task<IActionResult> call)
    {
        var result = await call;
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var body = ((MemoryStream)context.Response.Body).ToArray();
        return new ExportResponse(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, body);
    }
}
