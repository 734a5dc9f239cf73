using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Invocation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Serves every HTTP-triggered function on <c>/{routePrefix}/{route}</c> with the methods and route
/// template from functions.metadata, as the Functions host does. Function keys are not checked
/// locally (Azure Functions Core Tools does not check them either).
/// </summary>
internal static class HttpTriggerEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionDescriptor> functions, string routePrefix)
    {
        foreach (var function in functions)
        {
            if (function.Trigger is not HttpTrigger trigger) continue;
            var pattern = "/" + string.Join('/', new[] { routePrefix, trigger.Route }.Where(p => p.Length > 0).Select(p => p.Trim('/')));
            var methods = trigger.Methods.Count > 0 ? trigger.Methods : ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
            endpoints.MapMethods(pattern, methods, context => InvokeAsync(context, function)).WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDescriptor function)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var bindingData = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        var result = await invoker.InvokeAsync(function, context.Request, bindingData, context, context.RequestAborted);
        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType(), context.RequestAborted);
                break;
        }
    }
}
