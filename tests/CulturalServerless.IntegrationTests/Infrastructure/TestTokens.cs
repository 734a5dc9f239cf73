using CulturalServerless.Application.Access;
using System.Collections.Concurrent;
using System.Security.Claims;
using CulturalServerless.Functions.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// The tests' token issuer: an RSA key generated for this test run (never a committed one), used
/// as the app's development issuer through AppServices' settings, and tokens signed with it.
/// </summary>
public static class TestTokens
{
    /// <summary>The tests' API: its application ID URI (<c>Auth__Audience</c>) and its client ID (<c>Auth__ClientId</c>).</summary>
    public const string Audience = "api://cultural-serverless-tests";

    /// <summary>The audience v2.0 access tokens carry, and so the one test tokens carry unless a test says otherwise.</summary>
    public const string ApiClientId = "5d2f7c1e-8a4b-4c39-9e60-3b1a0f7d2c84";

    /// <summary>The tests' admin app; like every role, admin counts only with its registry entry (<see cref="RegisterAdminAsync"/>).</summary>
    public const string AdminClientId = "tests-admin-app";

    /// <summary>Writes the admin app's registry entry, as the first-admin bootstrap does in a real deployment.</summary>
    public static Task RegisterAdminAsync(IServiceProvider services) =>
        services.GetRequiredService<IApiClientStore>().UpsertAsync(new CulturalServerless.Application.Access.ApiClient
        {
            Id = CulturalServerless.Application.Access.ApiClient.DocumentId(AdminClientId),
            ClientId = AdminClientId,
            Name = "Tests' admin",
            Roles = [Roles.Admin],
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = new Actor("tests", AdminClientId),
        }, CancellationToken.None);

    public static readonly string KeyPath = Path.Combine(Path.GetTempPath(), "cultural-serverless-tests", $"issuer-{Guid.NewGuid():N}.json");

    public static readonly JsonWebKey Key = LoadKey();

    private static JsonWebKey LoadKey()
    {
        DevelopmentIssuer.CreateKeyIfMissing(KeyPath);
        var key = DevelopmentIssuer.LoadKey(KeyPath);
        // The private key is for this run only: gone with the test process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(KeyPath);
        return key;
    }

    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static string Admin => For(AdminClientId, Roles.Admin);

    /// <summary>A valid token for <paramref name="clientId"/> claiming <paramref name="roles"/>; cached per client and roles.</summary>
    public static string For(string clientId, params string[] roles) =>
        Cache.GetOrAdd(clientId + "|" + string.Join(",", roles), _ => Create(new SecurityTokenDescriptor
        {
            Subject = Identity("user-of-" + clientId, clientId, roles),
        }));

    public static ClaimsIdentity Identity(string subject, string? clientId, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (clientId is not null) claims.Add(new Claim("azp", clientId));
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        return new ClaimsIdentity(claims);
    }

    /// <summary>
    /// Signs <paramref name="descriptor"/> with the test key, filling in what it leaves out with
    /// valid values (issuer, the API's client ID as audience, ver 2.0, one hour of lifetime), so a
    /// test changes only what it tests.
    /// </summary>
    public static string Create(SecurityTokenDescriptor descriptor, SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        descriptor.Issuer ??= DevelopmentIssuer.Issuer;
        descriptor.Audience ??= ApiClientId;
        descriptor.Claims ??= new Dictionary<string, object>();
        if (!descriptor.Claims.ContainsKey("ver") && descriptor.Subject?.HasClaim(c => c.Type == "ver") != true)
        {
            descriptor.Claims["ver"] = "2.0";
        }
        descriptor.Subject ??= Identity("tests-user", AdminClientId, [Roles.Admin]);
        descriptor.NotBefore ??= now.AddMinutes(-1);
        descriptor.IssuedAt ??= descriptor.NotBefore;
        descriptor.Expires ??= now.AddHours(1);
        descriptor.SigningCredentials = credentials ?? new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
