using CulturalServerless.Serialization;

namespace CulturalServerless.Functions.Http;

/// <summary>The one way HTTP functions write JSON: with the system's JSON shape (<see cref="JsonDefaults"/>).</summary>
public static class ApiResults
{
    public static JsonResult Json(object value, int statusCode = StatusCodes.Status200OK) =>
        new(value, JsonDefaults.Options) { StatusCode = statusCode };
}
