using CulturalServerless.Application.Access;
using CulturalServerless.Application.Caching;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// Two instances of the app over one registry (the emulator): the app's own services are "A", and
/// "B" is a second <see cref="ApiClientService"/> with a clock of its own. Each keeps registry entries
/// it read for 30 seconds; its own changes count at once, the other's within those 30 seconds.
/// </summary>
public sealed class RegistryCacheTests : IClassFixture<AppServices>
{
    private static readonly Caller Admin = new("admin", "admin-tool", new HashSet<string> { Roles.Admin }, AccessScope.None);
    private static readonly string[] AllRoles = [Roles.Admin, Roles.Submitter, Roles.Reviewer];

    private readonly AppServices app;
    private readonly FakeTimeProvider clockB = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly ApiClientService instanceB;

    public RegistryCacheTests(AppServices app)
    {
        this.app = app;
        instanceB = new ApiClientService(
            app.Get<IApiClientStore>(), new ReadCacheOptions(TimeSpan.FromSeconds(30)), clockB, NullLogger<ApiClientService>.Instance);
    }

    private ApiClientService InstanceA => app.Get<ApiClientService>();

    private static ApiClientRegistration Registration(params string[] roles) =>
        new() { Name = "Cổng tỉnh thử", Roles = roles, Jurisdiction = "51" };

    private Task<Caller> ResolveOnB(string clientId) =>
        instanceB.ResolveCallerAsync("portal-user", clientId, AllRoles, CancellationToken.None);

    [Fact]
    public async Task A_role_changed_on_another_instance_counts_there_within_the_cache_lifetime()
    {
        await InstanceA.PutAsync(Admin, "cache-portal-1", Registration(Roles.Submitter), CancellationToken.None);
        Assert.Equal(new[] { Roles.Submitter }, (await ResolveOnB("cache-portal-1")).Roles);

        await InstanceA.PutAsync(Admin, "cache-portal-1", Registration(Roles.Reviewer), CancellationToken.None);

        Assert.Equal(new[] { Roles.Submitter }, (await ResolveOnB("cache-portal-1")).Roles);
        clockB.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new[] { Roles.Reviewer }, (await ResolveOnB("cache-portal-1")).Roles);
    }

    [Fact]
    public async Task A_role_changed_on_the_same_instance_counts_at_once()
    {
        await instanceB.PutAsync(Admin, "cache-portal-2", Registration(Roles.Submitter), CancellationToken.None);
        Assert.Equal(new[] { Roles.Submitter }, (await ResolveOnB("cache-portal-2")).Roles);

        await instanceB.PutAsync(Admin, "cache-portal-2", Registration(Roles.Reviewer), CancellationToken.None);

        Assert.Equal(new[] { Roles.Reviewer }, (await ResolveOnB("cache-portal-2")).Roles);
    }

    [Fact]
    public async Task A_client_registered_elsewhere_a_moment_ago_is_found_at_its_first_request()
    {
        var before = await ResolveOnB("cache-portal-3");
        Assert.Empty(before.Roles); // no entry: not even the token's admin role counts

        await InstanceA.PutAsync(Admin, "cache-portal-3", Registration(Roles.Submitter), CancellationToken.None);

        var after = await ResolveOnB("cache-portal-3");
        Assert.Equal(new[] { Roles.Submitter }, after.Roles);
        Assert.Equal("51", after.Scope.Jurisdiction);
    }
}
