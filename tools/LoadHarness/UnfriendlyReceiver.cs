using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.LoadHarness;

/// <summary>How a receiver of the harness answers.</summary>
internal enum ReceiverKind
{
    /// <summary>204 at once.</summary>
    Healthy,
    /// <summary>204 after 8 s: healthy, but slow.</summary>
    Slow,
    /// <summary>503 every time: refuses every post.</summary>
    Refusing,
    /// <summary>Never answers: the sender's timeout ends each try.</summary>
    Hanging,
}

/// <summary>
/// The portals on 127.0.0.1 that the harness's webhooks point at, each one (agency or committee,
/// by its name in the url) of a fixed kind: 5 in 100 slow, 5 in 100 refusing, 1 in 100 hanging,
/// the rest healthy. It counts every post and notes when each delivery id first got a 2xx.
/// </summary>
internal sealed class UnfriendlyReceiver : IAsyncDisposable
{
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(8);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, long> answered = new(StringComparer.Ordinal);
    private int received;

    private UnfriendlyReceiver(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public int Received => Volatile.Read(ref received);

    /// <summary>Delivery ids that got a 2xx, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the first.</summary>
    public IReadOnlyDictionary<string, long> Answered => answered;

    /// <summary>The kind of the receiver with this number (an agency's index, or a committee's).</summary>
    public static ReceiverKind KindOf(int number) => (number % 100) switch
    {
        < 5 => ReceiverKind.Slow,
        < 10 => ReceiverKind.Refusing,
        10 => ReceiverKind.Hanging,
        _ => ReceiverKind.Healthy,
    };

    /// <summary>The kind of the receiver named by its number at the end: <c>load-000123</c>, <c>committee-07</c>, <c>agency:load-000123</c>.</summary>
    public static ReceiverKind KindOf(string name) =>
        KindOf(int.Parse(new string(name.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray()), System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<UnfriendlyReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new UnfriendlyReceiver(app);
        app.MapPost("/hooks/{name}", async (string name, HttpContext context) =>
        {
            Interlocked.Increment(ref receiver.received);
            switch (KindOf(name))
            {
                case ReceiverKind.Refusing:
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                case ReceiverKind.Hanging:
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return Results.Empty;
                case ReceiverKind.Slow:
                    await Task.Delay(SlowAnswer, context.RequestAborted);
                    break;
            }
            receiver.answered.TryAdd(context.Request.Headers["X-Cultural-Delivery"].ToString(), System.Diagnostics.Stopwatch.GetTimestamp());
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
