using CulturalServerless.Application.Documents;
using CulturalServerless.Storage;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.IntegrationTests.Reports;

/// <summary>
/// Where agency registers are kept: beside the assessments in a database this code created empty,
/// and in <c>counters</c> until the next calendar year in a database the code before numbered in,
/// whose registers must go on from their last number.
/// </summary>
public sealed class RegisterLayoutTests : IAsyncLifetime
{
    private const string Layout = "register-layout";
    private readonly List<AppServices> apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps) await app.DisposeAsync();
    }

    [Fact]
    public async Task A_database_created_empty_keeps_every_agency_register_beside_the_assessments_and_bodies_registers_in_counters()
    {
        var app = await StartedAsync(new SetClock(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero)));
        var register = app.Get<IDocumentRegister>();
        var agencyId = "vp-" + Guid.NewGuid().ToString("N")[..8];
        const string body = "body:51:UBND";

        Assert.Equal(1, await register.NumberForAsync(agencyId, 2022, "a", CancellationToken.None));
        Assert.Equal(1, await register.NumberForAsync(body, 2022, "decision", CancellationToken.None));

        Assert.Equal(2022, (int?)(await Assessments(app).ReadItemAsync<JsonObject>(
            AssessmentKeys.RegisterId(agencyId, 2022), new PartitionKey(AssessmentKeys.PartitionKey(agencyId, 2022)))).Resource["year"]);
        Assert.Null(await FindAsync(Counters(app), $"{agencyId}|2022"));
        Assert.NotNull(await FindAsync(Counters(app), $"{body}|2022"));
        Assert.Equal(1, (int?)(await FindAsync(Counters(app), Layout))!["agencyRegistersBesideAssessmentsFrom"]);
    }

    public static TheoryData<DateTimeOffset, int> FirstDeployments => new()
    {
        // 2 December, 10:00 in Viet Nam: from next year.
        { new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero), 2027 },
        // 31 December, 20:00 in Viet Nam: an instance of the code before may still number on 1 January.
        { new DateTimeOffset(2026, 12, 31, 13, 0, 0, TimeSpan.Zero), 2028 },
    };

    [Theory]
    [MemberData(nameof(FirstDeployments))]
    public async Task A_database_in_use_before_keeps_agency_registers_in_counters_until_a_later_year(DateTimeOffset now, int firstYearBeside)
    {
        var app = await InUseBeforeAsync(new SetClock(now));
        var register = app.Get<IDocumentRegister>();
        var agencyId = "vp-" + Guid.NewGuid().ToString("N")[..8];

        await register.NumberForAsync(agencyId, firstYearBeside - 1, "a", CancellationToken.None);
        await register.NumberForAsync(agencyId, firstYearBeside, "b", CancellationToken.None);

        Assert.NotNull(await FindAsync(Counters(app), $"{agencyId}|{firstYearBeside - 1}"));
        Assert.Null(await FindAsync(Counters(app), $"{agencyId}|{firstYearBeside}"));
        Assert.Equal(firstYearBeside, (int?)(await FindAsync(Counters(app), Layout))!["agencyRegistersBesideAssessmentsFrom"]);
    }

    [Fact]
    public async Task A_first_submission_in_a_database_in_use_before_goes_on_from_the_last_number_of_its_register_in_counters()
    {
        var app = await InUseBeforeAsync(new SetClock(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero)));
        var api = new ApiClient(app);
        var agencyId = await api.RegisterAgencyAsync();
        // Three documents numbered by the code before this year.
        await Counters(app).CreateItemAsync(new JsonObject
        {
            ["id"] = $"{agencyId}|2026", ["partitionKey"] = $"{agencyId}|2026", ["agencyId"] = agencyId, ["year"] = 2026, ["last"] = 3,
            ["issued"] = new JsonObject { ["x-2025-v2"] = 1, ["x-2025-v3"] = 2, ["x-2025-v4"] = 3 },
        }, new PartitionKey($"{agencyId}|2026"));
        var submitted = await api.SubmitAsync(agencyId, "2026", ApiClient.SeedFor(2026).ToJsonString());

        Assert.Equal(201, submitted.Status);
        Assert.Equal("04/BC-VP", (string?)submitted.Json["issue"]!["reference"]);
        Assert.Equal(4, (int?)(await FindAsync(Counters(app), $"{agencyId}|2026"))!["last"]);
        Assert.Null(await FindAsync(Assessments(app), AssessmentKeys.RegisterId(agencyId, 2026), AssessmentKeys.PartitionKey(agencyId, 2026)));
    }

    private async Task<AppServices> StartedAsync(SetClock clock)
    {
        var app = AppServices.With(new Dictionary<string, string?>(), services => services.AddSingleton<TimeProvider>(clock));
        apps.Add(app);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>A database as the code before left it: the same containers, registers in <c>counters</c>, no layout; the app restarted on it.</summary>
    private async Task<AppServices> InUseBeforeAsync(SetClock clock)
    {
        var app = await StartedAsync(clock);
        await Counters(app).DeleteItemAsync<JsonObject>(Layout, new PartitionKey(Layout));
        await app.Get<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return app;
    }

    private static Container Counters(AppServices app) => app.Get<Database>().GetContainer(CosmosContainers.Counters.Name);

    private static Container Assessments(AppServices app) => app.Get<Database>().GetContainer(CosmosContainers.Assessments.Name);

    private static async Task<JsonObject?> FindAsync(Container container, string id, string? partitionKey = null)
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey ?? id));
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return (JsonObject?)await JsonNode.ParseAsync(response.Content);
    }
}
