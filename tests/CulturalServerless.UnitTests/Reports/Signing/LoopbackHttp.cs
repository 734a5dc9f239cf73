using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>A Kestrel server on a free 127.0.0.1 port answering every request with <c>handler</c>, for a test's lifetime.</summary>
internal sealed class LoopbackHttp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHttp(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static Task<LoopbackHttp> StartAsync(RequestDelegate handler) =>
        StartAsync(app => app.Run(handler));

    public static async Task<LoopbackHttp> StartAsync(Action<WebApplication> map, System.Security.Cryptography.X509Certificates.X509Certificate2? tls = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (tls is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (tls is not null)
            {
                listen.UseHttps(tls);
            }
        }));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackHttp(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
