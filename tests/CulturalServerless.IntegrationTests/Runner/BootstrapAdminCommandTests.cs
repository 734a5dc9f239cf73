using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Access;
using CulturalServerless.Functions.Http.Clients;
using CulturalServerless.LocalRunner;
using CulturalServerless.Storage;

namespace CulturalServerless.IntegrationTests.Runner;

/// <summary>
/// The first admin of a deployment: no role counts without a registry entry, so the first admin's
/// entry is written by <c>bootstrap-admin</c> straight into Cosmos DB, once.
/// </summary>
public sealed class BootstrapAdminCommandTests : IAsyncLifetime
{
    // A database of its own, without the admin entry AppServices.InitializeAsync would write.
    private readonly AppServices app = new();

    public Task InitializeAsync() => app.Get<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task The_first_admin_is_written_once_and_its_token_then_reaches_the_registry()
    {
        const string firstAdmin = "11111111-aaaa-bbbb-cccc-00000000ad01";
        var token = TestTokens.For(firstAdmin, Roles.Admin);
        var before = await ListClientsAsync(token);

        var first = await RunAsync("--client-id", firstAdmin, "--name", "Quản trị hệ thống");
        var after = await ListClientsAsync(token);
        var second = await RunAsync("--client-id", "22222222-aaaa-bbbb-cccc-00000000ad02", "--name", "Another");

        Assert.Equal(403, before.Status);
        Assert.Equal(0, first.Exit);
        Assert.Equal(200, after.Status);
        Assert.Equal([firstAdmin], after.Json["items"]!.AsArray().Select(i => (string?)i!["clientId"]));
        Assert.Equal(2, second.Exit);
        Assert.Contains("already has an admin", second.Error, StringComparison.Ordinal);
        Assert.Null(await app.Get<IApiClientStore>().FindAsync("22222222-aaaa-bbbb-cccc-00000000ad02", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_or_malformed_client_id_is_a_usage_error()
    {
        Assert.Equal(64, (await RunAsync("--name", "x")).Exit);
        Assert.Equal(64, (await RunAsync("--client-id", "bad id\n", "--name", "x")).Exit);
    }

    private async Task<ApiResponse> ListClientsAsync(string token)
    {
        var functions = new ApiClientFunctions(app.Get<ApiClientService>(), app.Get<ClientJurisdictions>(), NullLogger<ApiClientFunctions>.Instance);
        var request = app.Request(token, "GET", "/api/clients");
        return await HttpCalls.ExecuteAsync(request, functions.List(request, CancellationToken.None));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var file = await LocalSettingsFile.WriteAsync(app.Settings);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BootstrapAdminCommand.RunAsync(args, file.Path, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
