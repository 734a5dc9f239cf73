using CulturalServerless.Application.Webhooks;

namespace CulturalServerless.UnitTests.Reminders;

/// <summary>The signature receivers verify, against a vector computed outside .NET (openssl dgst -sha256 -hmac).</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "test-secret";
    private const long Timestamp = 1764550800;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"a\":1}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void The_signature_is_hex_HMAC_SHA256_of_timestamp_dot_body_keyed_with_the_secret_text()
    {
        Assert.Equal("v1=20f14a6b557a2b61501bf756b0617145ded4d7b6b10650810f18d26cdc74da3c", WebhookSignature.Sign(Secret, Timestamp, Body));
    }

    [Fact]
    public void A_receiver_accepts_a_fresh_post_and_refuses_a_tampered_an_old_or_a_foreign_one()
    {
        var signature = WebhookSignature.Sign(Secret, Timestamp, Body);
        var stamp = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(WebhookSignature.Verify(Secret, stamp, signature, Body, SentAt.AddMinutes(4)));
        Assert.False(WebhookSignature.Verify(Secret, stamp, signature, Encoding.UTF8.GetBytes("{\"a\":2}"), SentAt));
        Assert.False(WebhookSignature.Verify(Secret, stamp, signature, Body, SentAt.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify("other-secret", stamp, signature, Body, SentAt));
        Assert.False(WebhookSignature.Verify(Secret, "1764550801", signature, Body, SentAt));
        Assert.False(WebhookSignature.Verify(Secret, null, signature, Body, SentAt));
    }

    [Fact]
    public void During_a_grace_period_the_header_lists_a_signature_per_secret_and_either_secret_verifies()
    {
        var header = WebhookSignature.SignAll(["new-secret", Secret], Timestamp, Body);
        var stamp = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(WebhookSignature.Sign("new-secret", Timestamp, Body) + ",v1=20f14a6b557a2b61501bf756b0617145ded4d7b6b10650810f18d26cdc74da3c", header);
        Assert.True(WebhookSignature.Verify(Secret, stamp, header, Body, SentAt));
        Assert.True(WebhookSignature.Verify("new-secret", stamp, header, Body, SentAt));
        Assert.False(WebhookSignature.Verify("other-secret", stamp, header, Body, SentAt));
        Assert.Equal(WebhookSignature.Sign(Secret, Timestamp, Body), WebhookSignature.SignAll([Secret], Timestamp, Body));
    }

    [Fact]
    public void Secrets_are_32_random_bytes_in_base64url()
    {
        var one = WebhookSignature.NewSecret();
        Assert.Equal(43, one.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", one);
        Assert.NotEqual(one, WebhookSignature.NewSecret());
    }
}
