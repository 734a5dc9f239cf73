using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// The signature receivers check (docs/reminders.md): <c>v1=</c> and the lowercase hex
/// HMAC-SHA256, keyed with the secret's UTF-8 bytes, of <c>{timestamp}.{body}</c>. The timestamp is
/// inside the signed text so that a captured request cannot be replayed later with a new one.
/// During a rotation's grace period the header carries one such signature per valid secret,
/// comma-separated, the current secret's first; a receiver accepts the post when any one matches.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Cultural-Timestamp";
    public const string SignatureHeader = "X-Cultural-Signature";
    public const string DeliveryHeader = "X-Cultural-Delivery";
    public const string EventHeader = "X-Cultural-Event";
    public const string Version = "v1";

    /// <summary>How old a timestamp receivers should still accept.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return Version + "=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>The header value for a post signed with each of <paramref name="secrets"/>: <c>v1=…,v1=…</c>.</summary>
    public static string SignAll(IEnumerable<string> secrets, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var signatures = new List<string>();
        foreach (var secret in secrets) signatures.Add(Sign(secret, unixSeconds, body));
        return string.Join(",", signatures);
    }

    /// <summary>What a receiver does: one of the header's signatures matches (in constant time) and the timestamp is recent.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || signatureHeader is null)
        {
            return false;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age > ReplayWindow || age < -ReplayWindow) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var matched = false;
        foreach (var candidate in signatureHeader.Split(',', StringSplitOptions.TrimEntries))
        {
            // Every candidate is compared, so the time taken does not tell which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate));
        }
        return matched;
    }

    /// <summary>A new per-client secret: 32 random bytes, base64url.</summary>
    public static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
