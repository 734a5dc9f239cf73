using System.Reflection;
using System.Text.Json.Nodes;

namespace CulturalServerless.LocalRunner.Catalog;

/// <summary>One function of the app as the build declared it in functions.metadata.</summary>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, Trigger Trigger, IReadOnlyList<JsonObject> Bindings);

/// <summary>What starts a function; the runner supports the four trigger kinds the app uses.</summary>
public abstract record Trigger(string ParameterName);

public sealed record HttpTrigger(string ParameterName, string Route, IReadOnlyList<string> Methods, string AuthLevel) : Trigger(ParameterName);

/// <summary>A blob trigger on <c>container/pattern</c>, e.g. <c>report-requests/{name}</c>.</summary>
public sealed record BlobTrigger(string ParameterName, string Path, string? Connection) : Trigger(ParameterName)
{
    public string Container => Path.Split('/', 2)[0];
    public string BlobPattern => Path.Contains('/') ? Path.Split('/', 2)[1] : "{name}";
}

/// <summary>A queue trigger on <c>queueName</c> (<c>%SETTING%</c> names allowed), e.g. <c>%REMINDER_DELIVERY_QUEUE%</c>.</summary>
public sealed record QueueTrigger(string ParameterName, string QueueName, string? Connection) : Trigger(ParameterName);

public sealed record TimerTrigger(string ParameterName, string Schedule, bool RunOnStartup) : Trigger(ParameterName);
