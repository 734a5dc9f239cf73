using CulturalServerless.Agencies;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Functions.Hosting;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Storage;
using CulturalServerless.Storage.Cosmos;

namespace CulturalServerless.LocalRunner;

/// <summary>
/// <c>./run.sh token --role admin|submitter|reviewer|decider [--agency ID]... [--jurisdiction CODE]</c>:
/// registers a development API client with that role and scope in the registry (with the app's
/// own settings and services) and prints a token of the local development issuer on the last line.
/// Refuses when the app is configured for a real issuer: these tokens exist only on this machine.
/// </summary>
internal static class TokenCommand
{
    public const string Name = "token";

    private const string Usage =
        "usage: ./run.sh token --role admin|submitter|reviewer|decider [--agency ID]... [--jurisdiction CODE]";

    public static async Task<int> RunAsync(string[] args, string? settingsPath, TextWriter output, TextWriter error)
    {
        var configuration = LocalSettings.Configuration(settingsPath);
        if (!string.IsNullOrWhiteSpace(configuration["Auth:Authority"]))
        {
            error.WriteLine($"run.sh token: refused — the app is configured for a real issuer (Auth__Authority={configuration["Auth:Authority"]}); "
                + "development tokens are only for the local issuer (Auth__DevelopmentIssuer__Enabled=true).");
            return 2;
        }
        if (!TryParse(args, out var request, out var problem))
        {
            error.WriteLine($"run.sh token: {problem}");
            error.WriteLine(Usage);
            return 64;
        }

        AuthOptions auth;
        try
        {
            auth = AuthOptions.From(configuration);
            // On a fresh clone the token may be the first thing asked for: make the keys the app needs.
            LocalKeys.EnsureCreated(configuration, error);
        }
        catch (InvalidOperationException exception)
        {
            error.WriteLine($"run.sh token: {exception.Message}");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddCulturalServerless(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);

        var clientId = request.ClientId;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        await provider.GetRequiredService<IApiClientStore>().UpsertAsync(new ApiClient
        {
            Id = ApiClient.DocumentId(clientId),
            ClientId = clientId,
            Name = $"Local development {request.Role} ({clientId})",
            Roles = [request.Role],
            Jurisdiction = request.Jurisdiction,
            AgencyIds = request.AgencyIds,
            UpdatedAt = now,
            UpdatedBy = new Actor("run.sh token", clientId),
        }, CancellationToken.None);

        var key = DevelopmentIssuer.LoadKey(auth.DevelopmentIssuerKeyPath!);
        var subject = $"dev-user:{Environment.UserName}";
        var token = DevelopmentIssuer.IssueToken(key, auth.TokenAudience, subject, clientId, [request.Role], now, DevelopmentIssuer.DefaultLifetime);
        output.WriteLine($"Client '{clientId}' registered: role {request.Role}"
            + (request.Jurisdiction is null ? "" : $", jurisdiction {request.Jurisdiction}")
            + (request.AgencyIds.Count == 0 ? "" : $", agencies {string.Join(", ", request.AgencyIds)}")
            + $". Token for subject '{subject}', valid until {(now + DevelopmentIssuer.DefaultLifetime):u}:");
        output.WriteLine(token);
        return 0;
    }

    internal sealed record TokenRequest(string Role, string? Jurisdiction, IReadOnlyList<string> AgencyIds)
    {
        /// <summary>One client per role and scope, e.g. dev-submitter-vp-ubnd-quang-ngai, dev-reviewer-51, dev-admin.</summary>
        public string ClientId => string.Join("-", new[] { "dev", Role }
            .Concat(Jurisdiction is null ? [] : [Jurisdiction])
            .Concat(AgencyIds));
    }

    internal static bool TryParse(string[] args, out TokenRequest request, out string problem)
    {
        string? role = null, jurisdiction = null;
        var agencies = new List<string>();
        request = null!;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null: role = value; i++; break;
                case "--jurisdiction" when value is not null: jurisdiction = value; i++; break;
                case "--agency" when value is not null: agencies.Add(value); i++; break;
                case "--settings" or "--functions-dir" or "--port" when value is not null: i++; break;
                default:
                    problem = $"unexpected argument '{args[i]}'";
                    return false;
            }
        }
        if (role is null || !Roles.IsKnown(role))
        {
            problem = "--role must be admin, submitter, reviewer or decider";
            return false;
        }
        if (jurisdiction is not null && !JurisdictionCode.IsValid(jurisdiction))
        {
            problem = $"'{jurisdiction}' is not a jurisdiction code (e.g. 51 or 51.522)";
            return false;
        }
        if (agencies.FirstOrDefault(a => !AgencyId.IsValid(a)) is { } invalid)
        {
            problem = $"'{invalid}' is not an agency id (e.g. vp-ubnd-quang-ngai)";
            return false;
        }
        if (role == Roles.Admin && (jurisdiction is not null || agencies.Count > 0))
        {
            problem = "an admin has no scope: leave out --agency and --jurisdiction";
            return false;
        }
        if (role != Roles.Admin && jurisdiction is null && agencies.Count == 0)
        {
            problem = $"a {role} needs a scope: --agency ID and/or --jurisdiction CODE";
            return false;
        }
        request = new TokenRequest(role, jurisdiction, agencies);
        problem = "";
        return true;
    }
}
