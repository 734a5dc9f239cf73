using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>What a portal would receive: status, headers and the parsed JSON body.</summary>
public sealed record ApiResponse(int Status, IHeaderDictionary Headers, string? ContentType, JsonNode? Body)
{
    public JsonObject Json => Body!.AsObject();

    /// <summary>The JSON paths of the problems in a validation problem response.</summary>
    public IReadOnlyList<string> ErrorPaths => Json["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();

    public IReadOnlyList<string> ErrorCodes => Json["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList();
}

/// <summary>
/// Calls a function class as the Functions host's ASP.NET Core integration would: a real
/// HttpRequest in, the IActionResult executed into a real HttpResponse out.
/// </summary>
public static class HttpCalls
{
    private static readonly IServiceProvider Mvc = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    public static HttpRequest Request(
        string method, string path, string? body = null, string? contentType = "application/json",
        string? query = null, IDictionary<string, string>? headers = null, IServiceProvider? services = null) =>
        Request(method, path, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, query, headers, services);

    /// <summary>
    /// <paramref name="services"/> are the request's services (HttpContext.RequestServices), where
    /// the error boundary finds the authenticator: the app's (<see cref="AppServices.Request"/>).
    /// </summary>
    public static HttpRequest Request(
        string method, string path, byte[]? body, string? contentType, string? query = null, IDictionary<string, string>? headers = null,
        IServiceProvider? services = null)
    {
        var context = new DefaultHttpContext { RequestServices = services ?? Mvc };
        context.Request.Method = method;
        context.Request.Path = path;
        if (query is not null) context.Request.QueryString = new QueryString(query.StartsWith('?') ? query : "?" + query);
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }
        if (contentType is not null) context.Request.ContentType = contentType;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.Request.Headers[name] = value;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static async Task<ApiResponse> ExecuteAsync(HttpRequest request, Task<IActionResult> call)
    {
        var result = await call;
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new ApiResponse(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType,
            text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
