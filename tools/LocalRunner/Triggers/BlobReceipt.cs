using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>What the runner has done with one blob version for one function, kept as blob metadata.</summary>
internal sealed record BlobReceipt(string Status, int Attempts)
{
    public static readonly BlobReceipt None = new("none", 0);

    public bool IsFinal => Status is "completed" or "poisoned";

    public static BlobReceipt Completed(int attempts) => new("completed", attempts);
    public static BlobReceipt Failed(int attempts) => new("failed", attempts);
    public static BlobReceipt Poisoned(int attempts) => new("poisoned", attempts);

    public static async Task<BlobReceipt> ReadAsync(BlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await receipt.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new BlobReceipt(
                properties.Metadata.TryGetValue("status", out var status) ? status : "none",
                properties.Metadata.TryGetValue("attempts", out var attempts) && int.TryParse(attempts, out var count) ? count : 0);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return None;
        }
    }

    public static Task WriteAsync(BlobClient receipt, BlobReceipt state, CancellationToken cancellationToken) =>
        receipt.UploadAsync(BinaryData.Empty, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                ["status"] = state.Status,
                ["attempts"] = state.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
}
