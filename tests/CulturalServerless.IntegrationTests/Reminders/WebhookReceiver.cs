using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using CulturalServerless.Calendar;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>One post as a receiver saw it, with whether its signature checked out and how many signatures it carried.</summary>
public sealed record ReceivedPost(
    string Receiver, string Event, string DeliveryId, DateOnly Day, JsonObject Body, bool SignatureValid, string? Problem, int Signatures = 1);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel on a free port) for portals' webhooks: each receiver
/// name is a path with its own secret (the one it trusts now: <see cref="Trust"/> again to switch). It verifies every post the way docs/reminders.md tells a
/// portal to — written here independently of the app's signing code — and can be told to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, string> secrets = new();
    private readonly ConcurrentDictionary<string, int> failWith = new();
    private readonly ConcurrentDictionary<string, int> failuresLeft = new();

    private WebhookReceiver(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
    }

    public ConcurrentQueue<ReceivedPost> Posts { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public string UrlOf(string receiver) => $"{BaseUrl}/hooks/{receiver}";

    public void Trust(string receiver, string secret) => secrets[receiver] = secret;

    /// <summary>From now on the receiver answers every post with <paramref name="status"/>.</summary>
    public void Fail(string receiver, int status) => failWith[receiver] = status;

    /// <summary>The receiver fails only its next <paramref name="failures"/> posts, then accepts again.</summary>
    public void RecoverAfter(string receiver, int failures) => failuresLeft[receiver] = failures;

    public IReadOnlyList<ReceivedPost> To(string receiver) => Posts.Where(p => p.Receiver == receiver).ToList();

    public static async Task<WebhookReceiver> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock);
        app.MapPost("/hooks/{name}", (Func<HttpContext, string, Task<IResult>>)receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, string name)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var problem = Verify(name, headers["X-Cultural-Timestamp"].ToString(), headers["X-Cultural-Signature"].ToString(), body);
        Posts.Enqueue(new ReceivedPost(name, headers["X-Cultural-Event"].ToString(), headers["X-Cultural-Delivery"].ToString(),
            VietnamCalendar.Today(clock), JsonNode.Parse(body)!.AsObject(), problem is null, problem,
            headers["X-Cultural-Signature"].ToString().Split(',').Length));
        if (failWith.TryGetValue(name, out var status) && StillFailing(name)) return Results.StatusCode(status);
        return problem is null ? Results.NoContent() : Results.Unauthorized();
    }

    private bool StillFailing(string receiver) =>
        !failuresLeft.ContainsKey(receiver) || failuresLeft.AddOrUpdate(receiver, 0, (_, left) => left - 1) >= 0;

    private string? Verify(string receiver, string timestamp, string signature, byte[] body)
    {
        if (!secrets.TryGetValue(receiver, out var secret)) return "no secret for this receiver";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return "no timestamp";
        var age = clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > 300) return $"timestamp {age} s old";
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        // During a rotation's grace period the header lists a signature per valid secret, comma-separated.
        return signature.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)))
            ? null : "signature mismatch";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
