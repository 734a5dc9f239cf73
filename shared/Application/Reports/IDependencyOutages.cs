namespace CulturalServerless.Application.Reports;

/// <summary>
/// Tells a dependency that is down or silent (Cosmos DB, Blob Storage, Key Vault unreachable,
/// throttled or timing out) from any other failure. The storage SDKs' exception types live outside
/// this layer, so the app supplies it (the same rules as the HTTP boundary's 503).
/// </summary>
public interface IDependencyOutages
{
    bool IsOutage(Exception exception);
}
