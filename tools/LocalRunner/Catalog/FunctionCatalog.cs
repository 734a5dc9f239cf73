using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CulturalServerless.LocalRunner.Catalog;

/// <summary>
/// Reads the functions.metadata file that the Functions SDK writes at build time — the same file
/// the Azure Functions host reads — and resolves each entry point in the functions assembly.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Load(string metadataPath, Assembly functionsAssembly)
    {
        var entries = JsonNode.Parse(File.ReadAllText(metadataPath))?.AsArray()
            ?? throw new InvalidDataException($"{metadataPath} is not a JSON array.");
        return entries.Select(entry => Describe(entry!.AsObject(), functionsAssembly)).ToList();
    }

    private static FunctionDescriptor Describe(JsonObject entry, Assembly assembly)
    {
        var name = Required(entry, "name");
        var entryPoint = Required(entry, "entryPoint");
        var split = entryPoint.LastIndexOf('.');
        var type = assembly.GetType(entryPoint[..split], throwOnError: true)!;
        var method = type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new InvalidDataException($"Function {name}: {entryPoint} not found in {assembly.GetName().Name}.");
        var bindings = (entry["bindings"]?.AsArray() ?? []).Select(b => b!.AsObject()).ToList();
        return new FunctionDescriptor(name, method, ReadTrigger(name, bindings), bindings);
    }

    private static Trigger ReadTrigger(string functionName, IEnumerable<JsonObject> bindings)
    {
        var trigger = bindings.FirstOrDefault(b => Text(b, "type")?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidDataException($"Function {functionName} has no trigger binding.");
        var parameter = Required(trigger, "name");
        return Text(trigger, "type")!.ToLowerInvariant() switch
        {
            "httptrigger" => new HttpTrigger(
                parameter,
                Text(trigger, "route") ?? functionName,
                (trigger["methods"]?.AsArray() ?? []).Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList(),
                Text(trigger, "authLevel") ?? "Function"),
            "blobtrigger" => new BlobTrigger(parameter, Required(trigger, "path"), Text(trigger, "connection")),
            "queuetrigger" => new QueueTrigger(parameter, Required(trigger, "queueName"), Text(trigger, "connection")),
            "timertrigger" => new TimerTrigger(parameter, Required(trigger, "schedule"),
                trigger["runOnStartup"]?.GetValueKind() == JsonValueKind.True),
            var other => throw new NotSupportedException(
                $"Function {functionName}: the local runner does not host '{other}' triggers."),
        };
    }

    private static string? Text(JsonObject node, string property) =>
        node.TryGetPropertyValue(property, out var value) && value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    private static string Required(JsonObject node, string property) =>
        Text(node, property) ?? throw new InvalidDataException($"functions.metadata entry lacks '{property}'.");
}
