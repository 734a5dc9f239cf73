using System.Globalization;
using CulturalServerless.Application.Access;

namespace CulturalServerless.IntegrationTests.Jurisdictions;

/// <summary>
/// Agencies registered under 2022 codes with two years of assessments; the reorganisation of 1 July
/// 2025 applied; the new provinces' committees list and read all of it, the former provinces'
/// scopes none; run again, nothing changes. Two provinces take part: 51 (with former Kon Tum, 62)
/// and 52 (Gia Lai since, with former Bình Định, once 52, and former Gia Lai, 64).
/// </summary>
public sealed class ReorganisationTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Registered2022 = new()
    {
        ["kt-so-van-hoa"] = "62",
        ["kt-van-phong"] = "62",
        ["qn-van-phong"] = "51",
        ["bd-van-phong"] = "52",
        ["gl-van-phong"] = "64",
    };

    private static readonly Dictionary<string, string> Today = new()
    {
        ["kt-so-van-hoa"] = "51", ["kt-van-phong"] = "51", ["qn-van-phong"] = "51", ["bd-van-phong"] = "52", ["gl-van-phong"] = "52",
    };

    private readonly JurisdictionApp api = new();

    public async Task InitializeAsync()
    {
        await api.InitializeAsync();
        foreach (var (agencyId, jurisdiction) in Registered2022)
        {
            await api.RegisterWithDeskAsync(agencyId, jurisdiction);
            await api.SubmitAsync(agencyId, 2022);
            await api.SubmitAsync(agencyId, 2023);
        }
    }

    public Task DisposeAsync() => api.DisposeAsync();

    private static JsonObject July2025 => new() { ["effectiveDate"] = "2025-07-01" };

    [Fact]
    public async Task After_the_reorganisation_each_new_province_lists_and_reads_every_year_of_its_agencies_and_the_former_provinces_none()
    {
        var reviewer51 = await api.ClientTokenAsync("committee-51", Roles.Reviewer, "51");
        var reviewer52 = await api.ClientTokenAsync("committee-52", Roles.Reviewer, "52");
        // Before: Kon Tum's agencies are not in Quảng Ngãi's list.
        Assert.Equal(["qn-van-phong"], await ListedAsync(reviewer51, 2022, "51"));

        var run = await api.ReorganiseAsync(TestTokens.Admin, July2025);

        Assert.Equal(200, run.Status);
        Assert.True((bool)run.Json["complete"]!);
        Assert.Equal(Registered2022.Keys.Order(), run.Json["moved"]!.AsArray().Select(m => (string)m!["agencyId"]!).Order());
        Assert.Equal(6, (int)run.Json["assessmentsMoved"]!); // the two years of the three agencies whose code changed (62 → 51, 64 → 52)
        foreach (var year in new[] { 2022, 2023 })
        {
            Assert.Equal(["kt-so-van-hoa", "kt-van-phong", "qn-van-phong"], await ListedAsync(reviewer51, year, "51"));
            Assert.Equal(["bd-van-phong", "gl-van-phong"], await ListedAsync(reviewer52, year, "52"));
            foreach (var (agencyId, jurisdiction) in Today)
            {
                var reviewer = jurisdiction == "51" ? reviewer51 : reviewer52;
                var read = await api.GetAssessmentAsync(reviewer, agencyId, year);
                Assert.Equal(200, read.Status);
                Assert.Equal(jurisdiction, (string)read.Json["jurisdiction"]!);
                Assert.Equal(404, (await api.GetAssessmentAsync(jurisdiction == "51" ? reviewer52 : reviewer51, agencyId, year)).Status);
            }
        }
        var agency = (await api.GetAgencyAsync(reviewer51, "kt-van-phong")).Json;
        Assert.Equal("51", (string)agency["jurisdiction"]!);
        var periods = agency["registrations"]!.AsArray();
        Assert.Equal(2, periods.Count);
        Assert.Equal(("62", "2025-06-30"), ((string)periods[0]!["jurisdiction"]!, (string)periods[0]!["validTo"]!));
        Assert.Equal(("51", "2025-07-01"), ((string)periods[1]!["jurisdiction"]!, (string)periods[1]!["validFrom"]!));
        // Each period says who recorded it: the admin's registration, then the admin's reorganisation run.
        Assert.All(periods, p => Assert.Equal((TestTokens.AdminClientId, "user-of-" + TestTokens.AdminClientId), ((string)p!["recordedBy"]!["client"]!, (string)p!["recordedBy"]!["subject"]!)));
        Assert.True(DateTimeOffset.Parse((string)periods[1]!["recordedAt"]!, CultureInfo.InvariantCulture) > DateTimeOffset.Parse((string)periods[0]!["recordedAt"]!, CultureInfo.InvariantCulture));
        var moved = agency["history"]!.AsArray().Last()!;
        Assert.Equal("moved", (string)moved["action"]!);
        Assert.Equal("2025-07-01: 62 (Kon Tum) → 51 (Quảng Ngãi)", (string)moved["detail"]!);

        var formerKonTum = await api.ClientTokenAsync("committee-62", Roles.Reviewer, "62");
        var formerGiaLai = await api.ClientTokenAsync("committee-64", Roles.Reviewer, "64");

        foreach (var token in new[] { formerKonTum, formerGiaLai })
        {
            var listed = await api.ListAssessmentsAsync(token, "year=2022");
            Assert.Equal(403, listed.Status);
            Assert.Contains("đã hợp nhất vào", (string)listed.Json["detail"]!);
            Assert.Equal(403, (await api.GetAssessmentAsync(token, "kt-van-phong", 2022)).Status);
        }
        // Below the authentication, the data alone: no head is stamped with a former code any more.
        var list = api.App.Get<AssessmentListService>();
        foreach (var former in new[] { "62", "64" })
        {
            var caller = new Caller("committee", "committee-" + former, new HashSet<string> { Roles.Reviewer }, new AccessScope(former, []));
            foreach (var year in new[] { 2022, 2023 })
            {
                var page = await list.ListAsync(caller, year, null, null, null, null, null, CancellationToken.None);
                Assert.Empty(page.Items);
            }
        }
    }

    [Fact]
    public async Task Running_it_again_changes_nothing_and_a_run_cut_short_is_completed_by_the_next()
    {
        var first = await api.ReorganiseAsync(TestTokens.Admin, July2025);
        Assert.Equal(5, first.Json["moved"]!.AsArray().Count);
        var after = await SnapshotAsync();

        // As if the first run had stopped after moving the agency but before its 2023 head.
        var store = api.App.Get<IAssessmentStore>();
        var head = (await store.FindHeadAsync("kt-so-van-hoa", 2023, CancellationToken.None))!;
        Assert.NotNull(await store.TryReplaceHeadAsync(head.Value with { Jurisdiction = "62", History = head.Value.History.SkipLast(1).ToList() }, head.ETag, CancellationToken.None));

        var second = await api.ReorganiseAsync(TestTokens.Admin, July2025);

        Assert.Equal(200, second.Status);
        Assert.Empty(second.Json["moved"]!.AsArray());
        Assert.Equal(Registered2022.Keys.Order(), second.Json["alreadyMoved"]!.AsArray().Select(a => (string)a!).Order());
        Assert.Equal(1, (int)second.Json["assessmentsMoved"]!);
        Assert.Equal(after, await SnapshotAsync());

        var third = await api.ReorganiseAsync(TestTokens.Admin, July2025);
        Assert.Equal(0, (int)third.Json["assessmentsMoved"]!);
        Assert.Equal(after, await SnapshotAsync());
    }

    /// <summary>Every agency's jurisdiction and registrations, and every head's jurisdiction and history length.</summary>
    private async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var agencyId in Registered2022.Keys.Order())
        {
            var agency = (await api.GetAgencyAsync(TestTokens.Admin, agencyId)).Json;
            lines.Add($"{agencyId} {agency["jurisdiction"]} {agency["registrations"]!.ToJsonString()} {agency["history"]!.AsArray().Count}");
            foreach (var year in new[] { 2022, 2023 })
            {
                var head = (await api.GetAssessmentAsync(TestTokens.Admin, agencyId, year)).Json;
                lines.Add($"{agencyId}/{year} {head["jurisdiction"]} {head["history"]!.AsArray().Count}");
            }
        }
        return string.Join("\n", lines);
    }

    private async Task<List<string>> ListedAsync(string token, int year, string jurisdiction)
    {
        var page = await api.ListAssessmentsAsync(token, $"year={year}&jurisdiction={jurisdiction}");
        Assert.Equal(200, page.Status);
        return page.Json["items"]!.AsArray().Select(i => (string)i!["agencyId"]!).Order().ToList();
    }
}
