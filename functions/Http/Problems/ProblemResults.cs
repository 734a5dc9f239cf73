using System.Diagnostics;
using System.Globalization;
using CulturalServerless.Application.Problems;
using CulturalServerless.Serialization;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http.Problems;

/// <summary>Writes RFC 9457 problem details (<c>application/problem+json</c>) in the system's JSON shape.</summary>
public static class ProblemResults
{
    public const string ContentType = "application/problem+json";

    public static IActionResult From(ApiProblemException problem, HttpRequest request)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = problem.Type.Uri,
            ["title"] = problem.Type.Title,
            ["titleEn"] = problem.Type.TitleEn,
            ["status"] = problem.Type.Status,
            ["detail"] = problem.Detail,
            ["instance"] = request.Path.Value,
            ["traceId"] = Activity.Current?.Id ?? request.HttpContext.TraceIdentifier,
        };
        if (problem.Errors.Count > 0)
        {
            body["errors"] = problem.Errors;
        }
        if (problem.RetryAfterSeconds is { } seconds)
        {
            request.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (key, value) in problem.Extensions)
        {
            body[key] = value;
        }
        return new JsonResult(body, JsonDefaults.Options) { StatusCode = problem.Type.Status, ContentType = ContentType };
    }
}
