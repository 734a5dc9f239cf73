using System.Buffers.Text;
using System.Text;

namespace CulturalServerless.Application.Concurrency;

/// <summary>
/// Turns store ETags into HTTP entity tags and back. The HTTP form is an opaque quoted string,
/// because Cosmos DB's own form differs between the service (quoted) and the emulator (bare), and
/// If-Match must hand back exactly what Cosmos DB gave.
/// </summary>
public static class EntityTags
{
    public static string ToHeader(string cosmosETag) =>
        "\"" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(cosmosETag)) + "\"";

    /// <summary>The Cosmos DB ETag in an If-Match header, or null when the header cannot be one of ours.</summary>
    public static string? FromHeader(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value.AsSpan(1, value.Length - 2)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
