using CulturalServerless.Application.Access;
using CulturalServerless.Functions.Http.Agencies;
using CulturalServerless.LocalRunner;

namespace CulturalServerless.IntegrationTests.Runner;

/// <summary><c>./run.sh token</c>: the LocalRunner's token command with the app's settings file.</summary>
public sealed class TokenCommandTests(AppServices app) : IClassFixture<AppServices>
{
    [Fact]
    public async Task Registers_the_development_client_and_prints_a_token_the_app_accepts_on_the_last_line()
    {
        var (exit, output, _) = await RunAsync(app.Settings, "--role", "submitter", "--agency", "vp-ubnd-quang-ngai");

        Assert.Equal(0, exit);
        var token = output.TrimEnd().Split('\n')[^1];
        var client = await app.Get<IApiClientStore>().FindAsync("dev-submitter-vp-ubnd-quang-ngai", CancellationToken.None);
        Assert.NotNull(client);
        Assert.Equal([Roles.Submitter], client.Roles);
        Assert.Equal(["vp-ubnd-quang-ngai"], client.AgencyIds);
        // The token works against the app: the agency is in its scope, so this is a plain 404, not a 401 or 403.
        var functions = new AgencyFunctions(app.Get<Application.Agencies.AgencyService>(), NullLogger<AgencyFunctions>.Instance);
        var request = app.Request(token, "GET", "/api/agencies/vp-ubnd-quang-ngai");
        var response = await HttpCalls.ExecuteAsync(request, functions.Get(request, "vp-ubnd-quang-ngai", CancellationToken.None));
        Assert.Equal(404, response.Status);
        Assert.Equal("/problems/not-found", (string?)response.Json["type"]);
    }

    [Fact]
    public async Task On_a_fresh_clone_the_app_refuses_to_start_without_a_key_and_the_token_command_makes_one_it_then_trusts()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), "cultural-serverless-tests", $"fresh-clone-{Guid.NewGuid():N}.json");
        var settings = new Dictionary<string, string?>(app.Settings) { ["Auth:DevelopmentIssuerKeyPath"] = keyPath };
        var sameDatabase = new Dictionary<string, string?> { ["Auth:DevelopmentIssuerKeyPath"] = keyPath, ["Cosmos:Database"] = app.Settings["Cosmos:Database"] };
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(() => AppServices.With(sameDatabase));
            Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(keyPath));

            var (exit, output, _) = await RunAsync(settings, "--role", "reviewer", "--jurisdiction", "51");

            Assert.Equal(0, exit);
            Assert.True(File.Exists(keyPath));
            await using var started = AppServices.With(sameDatabase);
            var functions = new AgencyFunctions(started.Get<Application.Agencies.AgencyService>(), NullLogger<AgencyFunctions>.Instance);
            var request = started.Request(output.TrimEnd().Split('\n')[^1], "GET", "/api/agencies");
            var response = await HttpCalls.ExecuteAsync(request, functions.List(request, CancellationToken.None));
            Assert.Equal(200, response.Status);
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task The_local_keys_command_makes_a_missing_key_once_and_keeps_it_after()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), "cultural-serverless-tests", $"local-keys-{Guid.NewGuid():N}.json");
        using var file = await LocalSettingsFile.WriteAsync(new Dictionary<string, string?>(app.Settings) { ["Auth:DevelopmentIssuerKeyPath"] = keyPath });
        try
        {
            using var first = new StringWriter();
            using var second = new StringWriter();

            Assert.Equal(0, LocalKeys.Run(file.Path, first, TextWriter.Null));
            var key = await File.ReadAllTextAsync(keyPath);
            Assert.Equal(0, LocalKeys.Run(file.Path, second, TextWriter.Null));

            Assert.Contains("created the development issuer's key", first.ToString(), StringComparison.Ordinal);
            Assert.Equal("", second.ToString());
            Assert.Equal(key, await File.ReadAllTextAsync(keyPath));
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task Refuses_when_the_app_is_configured_for_a_real_issuer()
    {
        var settings = new Dictionary<string, string?>(app.Settings) { ["Auth:Authority"] = "https://login.microsoftonline.com/contoso/v2.0" };
        settings.Remove("Auth:DevelopmentIssuerKeyPath");

        var (exit, output, error) = await RunAsync(settings, "--role", "admin");

        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Contains("real issuer", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--role", "superuser")]
    [InlineData("--role", "submitter")]
    [InlineData("--role", "admin", "--jurisdiction", "51")]
    [InlineData("--role", "reviewer", "--jurisdiction", "51..x")]
    public async Task Refuses_a_role_or_scope_that_makes_no_sense(params string[] args)
    {
        var (exit, output, error) = await RunAsync(app.Settings, args);

        Assert.Equal(64, exit);
        Assert.Equal("", output);
        Assert.Contains("usage: ./run.sh token", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        using var file = await LocalSettingsFile.WriteAsync(settings);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TokenCommand.RunAsync(args, file.Path, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
