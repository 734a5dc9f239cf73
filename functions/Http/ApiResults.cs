using CulturalServerless.Serialization;

namespace CulturalServerless.Functions.Http;

/// <summary>The one way HTTP functions write JSON: with the system's JSON shape (<see cref="JsonDefaults"/>).</summary>
public static class ApiResults
{
    public static JsonResult Json(object value, int statusCode = StatusCodes.Status200OK) =>
        new(value, JsonDefaults.Options) { StatusCode = statusCode };

    /// <summary>
    /// A download link: kept out of shared caches (it is a bearer credential until it expires), and
    /// with <c>?redirect=true</c> a 302 to <paramref name="url"/> instead of <paramref name="link"/> as JSON.
    /// </summary>
    public static IActionResult Link(HttpRequest request, Uri url, object link)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return string.Equals(QueryParameters.Text(request, "redirect"), "true", StringComparison.OrdinalIgnoreCase)
            ? new RedirectResult(url.ToString(), permanent: false)
            : Json(link);
    }
}
