using System.Net;

namespace CulturalServerless.Storage;

/// <summary>
/// The one place that decides whether an endpoint is a local emulator. Only such endpoints get
/// relaxed TLS validation (the Cosmos emulator serves a self-signed certificate); a real Azure
/// endpoint never does.
/// </summary>
public static class LocalEmulator
{
    public static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback
        || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));
}
