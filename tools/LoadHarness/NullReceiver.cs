using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.LoadHarness;

/// <summary>A portal on 127.0.0.1 that accepts every post (204) and counts them, so the run pays for real HTTP.</summary>
internal sealed class NullReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int received;

    private NullReceiver(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public int Received => Volatile.Read(ref received);

    public static async Task<NullReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new NullReceiver(app);
        app.MapPost("/hooks/{name}", () =>
        {
            Interlocked.Increment(ref receiver.received);
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
