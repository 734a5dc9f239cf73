using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>Turns a queue message into the parameter type the function asks for, as the worker's queue converter does.</summary>
internal static class QueueTriggerValue
{
    public static object? Bind(QueueMessage message, Type type)
    {
        if (type == typeof(QueueMessage)) return message;
        if (type == typeof(string)) return message.Body.ToString();
        if (type == typeof(BinaryData)) return message.Body;
        if (type == typeof(byte[])) return message.Body.ToArray();
        // A POCO, from JSON, as the worker's default serializer reads it.
        return JsonSerializer.Deserialize(message.Body.ToString(), type, JsonSerializerOptions.Web);
    }

    /// <summary>The binding data the host gives a queue-triggered function.</summary>
    public static Dictionary<string, object?> BindingData(QueueMessage message) => new()
    {
        ["queueTrigger"] = message.Body.ToString(),
        ["id"] = message.MessageId,
        ["popReceipt"] = message.PopReceipt,
        ["dequeueCount"] = message.DequeueCount,
        ["insertionTime"] = message.InsertedOn,
        ["expirationTime"] = message.ExpiresOn,
        ["nextVisibleTime"] = message.NextVisibleOn,
    };
}
