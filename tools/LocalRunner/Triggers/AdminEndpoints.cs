using System.Text.Json.Nodes;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// <c>POST /admin/functions/{name}</c>: runs a non-HTTP function now, as the Functions host's admin
/// API does (202 Accepted; the run goes on in the background). The body may carry
/// <c>{"input": "container/blob"}</c> for a blob-triggered function, or the message's content for a
/// queue-triggered one.
/// </summary>
internal static partial class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IReadOnlyList<FunctionDescriptor> functions)
    {
        endpoints.MapPost("/admin/functions/{name}", async (string name, HttpContext context) =>
        {
            var function = functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (function is null)
            {
                return Results.Problem(statusCode: 404, title: $"No function named '{name}'.");
            }
            if (function.Trigger is HttpTrigger)
            {
                return Results.Problem(statusCode: 400, title: "HTTP-triggered functions are called on their route, not through the admin API.");
            }
            var input = await ReadInputAsync(context);
            var services = context.RequestServices;
            var invoker = services.GetRequiredService<FunctionInvoker>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CulturalServerless.LocalRunner.Admin");
            var configuration = services.GetRequiredService<IConfiguration>();
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(async () =>
            {
                try
                {
                    var (value, bindingData) = await TriggerValueAsync(function, input, configuration, stopping);
                    await invoker.InvokeAsync(function, value, bindingData, null, stopping);
                    LogRan(logger, function.Name);
                }
                catch (Exception exception)
                {
                    LogFailed(logger, exception, function.Name);
                }
            }, stopping);
            return Results.Accepted();
        });
    }

    private static async Task<string?> ReadInputAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0 or null && !context.Request.Headers.ContainsKey("Transfer-Encoding")) return null;
        var body = await JsonNode.ParseAsync(context.Request.Body);
        return body?["input"]?.ToString();
    }

    private static async Task<(object? Value, Dictionary<string, object?> BindingData)> TriggerValueAsync(
        FunctionDescriptor function, string? input, IConfiguration configuration, CancellationToken cancellationToken)
    {
        switch (function.Trigger)
        {
            case TimerTrigger:
                return (new TimerInfo { IsPastDue = false }, []);
            case BlobTrigger blob when !string.IsNullOrEmpty(input):
                var connection = configuration[blob.Connection ?? "AzureWebJobsStorage"];
                var parts = input.Split('/', 2);
                var client = new Azure.Storage.Blobs.BlobClient(connection, parts[0], parts[1]);
                var parameter = function.Method.GetParameters().Single(p => p.Name == blob.ParameterName);
                new BlobPathPattern(blob.BlobPattern).TryMatch(parts[1], out var bindingData);
                bindingData["blobTrigger"] = input;
                return (await BlobTriggerValue.BindAsync(client, parameter.ParameterType, cancellationToken), bindingData);
            case QueueTrigger queue when input is not null:
                // As the host does: the input is the message's content, dequeued once.
                var message = Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage("admin", "admin", BinaryData.FromString(input), 1);
                var queueParameter = function.Method.GetParameters().Single(p => p.Name == queue.ParameterName);
                return (QueueTriggerValue.Bind(message, queueParameter.ParameterType), QueueTriggerValue.BindingData(message));
            default:
                throw new InvalidOperationException($"Function {function.Name} needs an input such as {{\"input\": \"container/blob\"}} or a queue message's content.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin run of {Function} completed")]
    private static partial void LogRan(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin run of {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
