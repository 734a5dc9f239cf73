using Azure.Storage.Blobs;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>Turns the triggering blob into the parameter type the function asks for, as the worker's blob converter does.</summary>
internal static class BlobTriggerValue
{
    public static async Task<object> BindAsync(BlobClient blob, Type type, CancellationToken cancellationToken)
    {
        if (type == typeof(BlobClient)) return blob;
        if (type == typeof(Stream)) return await blob.OpenReadAsync(cancellationToken: cancellationToken);
        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        if (type == typeof(BinaryData)) return content;
        if (type == typeof(byte[])) return content.ToArray();
        if (type == typeof(string)) return content.ToString();
        throw new NotSupportedException($"The local runner binds blob triggers to BlobClient, Stream, BinaryData, byte[] or string, not {type.Name}.");
    }
}
