using CulturalServerless.Application.Access;

namespace CulturalServerless.IntegrationTests.Jurisdictions;

/// <summary>
/// The catalogue over the API: provinces by date, one unit with its successions, registering an
/// agency under a unit that no longer exists, the CSV import, a client scoped to an ended unit,
/// a move by the portal that takes past years along, and reorganisation runs of a district.
/// </summary>
public sealed class JurisdictionApiTests : IAsyncLifetime
{
    private readonly JurisdictionApp api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    private static JsonObject July2025 => new() { ["effectiveDate"] = "2025-07-01" };

    [Fact]
    public async Task On_1_January_2026_there_are_34_provinces_and_on_15_November_2022_there_were_63()
    {
        var reviewer = await api.ClientTokenAsync("committee-51", Roles.Reviewer, "51");

        var today = await api.ListUnitsAsync(reviewer, "date=2026-01-01&level=province");
        var before = await api.ListUnitsAsync(reviewer, "date=2022-11-15&level=province");

        Assert.Equal(200, today.Status);
        Assert.Equal(34, (int)today.Json["count"]!);
        var names = today.Json["items"]!.AsArray().ToDictionary(u => (string)u!["code"]!, u => (string)u!["name"]!);
        Assert.Equal(("Quảng Ngãi", "Huế", "Gia Lai", "Hồ Chí Minh", "An Giang"), (names["51"], names["46"], names["52"], names["79"], names["91"]));
        Assert.Equal(63, (int)before.Json["count"]!);
        var then = before.Json["items"]!.AsArray().ToDictionary(u => (string)u!["code"]!, u => (string)u!["name"]!);
        Assert.Equal(("Bình Định", "Kon Tum", "Gia Lai"), (then["52"], then["62"], then["64"]));
        Assert.Equal(400, (await api.ListUnitsAsync(reviewer, "date=15/11/2022&level=town")).Status);
    }

    [Fact]
    public async Task A_unit_is_read_with_where_it_came_from_and_where_it_went()
    {
        var kontum = await api.GetUnitAsync(TestTokens.Admin, "62", "date=2022-11-15");
        var quangNgai = await api.GetUnitAsync(TestTokens.Admin, "51", "date=2026-01-01");

        Assert.Equal("Kon Tum", (string)kontum.Json["name"]!);
        var successor = Assert.Single(kontum.Json["successors"]!.AsArray())!;
        Assert.Equal(("51", "Quảng Ngãi", "2025-07-01"), ((string)successor["code"]!, (string)successor["name"]!, (string)successor["on"]!));
        Assert.Equal(["51", "62"], quangNgai.Json["predecessors"]!.AsArray().Select(p => (string)p!["code"]!).Order());
        Assert.Equal(404, (await api.GetUnitAsync(TestTokens.Admin, "62", "date=2026-01-01")).Status);
    }

    [Fact]
    public async Task Registering_an_agency_today_under_Kon_Tum_is_refused_naming_Quang_Ngai()
    {
        var refused = await api.PutAgencyAsync(TestTokens.Admin, "kt-moi", JurisdictionApp.Agency("kt-moi", "62", validFrom: null));

        Assert.Equal(400, refused.Status);
        Assert.Equal(["$.jurisdiction"], refused.ErrorPaths);
        var error = refused.Json["errors"]![0]!;
        Assert.Equal("unit-merged", (string)error["code"]!);
        Assert.Equal("62 (Kon Tum) đã hợp nhất vào 51 (Quảng Ngãi) từ 01/7/2025.", (string)error["message"]!);
        Assert.Equal("62 (Kon Tum) was merged into 51 (Quảng Ngãi) on 1 July 2025.", (string)error["messageEn"]!);
        // As of a date when Kon Tum existed, the same registration is history, and accepted.
        Assert.Equal(201, (await api.PutAgencyAsync(TestTokens.Admin, "kt-moi", JurisdictionApp.Agency("kt-moi", "62"))).Status);
        // Moving it today to 62.610 is refused as well; to 51 it is accepted.
        Assert.Equal(400, (await api.PutAgencyAsync(TestTokens.Admin, "kt-moi", JurisdictionApp.Agency("kt-moi", "62.610", validFrom: null))).Status);
        Assert.Equal(200, (await api.PutAgencyAsync(TestTokens.Admin, "kt-moi", JurisdictionApp.Agency("kt-moi", "51", validFrom: null))).Status);
    }

    [Fact]
    public async Task A_malformed_commune_file_is_refused_whole_with_every_bad_line_named()
    {
        var csv = "code,name,level,parent,valid from,valid to\n"
            + "21211,Phường Cẩm Thành,commune,51,2025-07-01,\n"
            + "21214,,commune,51,2025-07-01,\n"
            + "21217,Phường Trương Quang Trọng,ward,51,2025-07-01,\n"
            + "23302,Phường Kon Tum,commune,62,2025-07-01,\n";

        var refused = await api.ImportAsync(TestTokens.Admin, csv);

        Assert.Equal(400, refused.Status);
        Assert.Equal(["$.line[3].name", "$.line[4].level", "$.line[5].parent"], refused.ErrorPaths);
        Assert.Equal(0, (int)(await api.ListUnitsAsync(TestTokens.Admin, "date=2026-01-01&parent=51")).Json["count"]!);

        var imported = await api.ImportAsync(TestTokens.Admin, JurisdictionApp.SampleCommunes());
        Assert.Equal(200, imported.Status);
        Assert.Equal(8, (int)imported.Json["imported"]!);
        Assert.Equal(200, (await api.ImportAsync(TestTokens.Admin, JurisdictionApp.SampleCommunes())).Status); // the same file again: the same units
        var communes = await api.ListUnitsAsync(TestTokens.Admin, "date=2026-01-01&level=commune&parent=51");
        Assert.Equal(["51.21211", "51.21214", "51.21217", "51.23302"], communes.Json["items"]!.AsArray().Select(u => (string)u!["code"]!));
        Assert.Equal(3, (int)(await api.ListUnitsAsync(TestTokens.Admin, "date=2022-11-15&parent=51.522")).Json["count"]!);

        var portal = await api.ClientTokenAsync("portal-51", Roles.Submitter, "51");
        Assert.Equal(403, (await api.ImportAsync(portal, JurisdictionApp.SampleCommunes())).Status);
    }

    [Fact]
    public async Task A_token_scoped_to_a_unit_that_no_longer_exists_is_refused_and_its_registry_entry_says_so()
    {
        var token = await api.ClientTokenAsync("committee-kon-tum", Roles.Reviewer, "62");

        var refused = await api.ListAssessmentsAsync(token, "year=2022");

        Assert.Equal(403, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Contains("62 (Kon Tum) đã hợp nhất vào 51 (Quảng Ngãi) từ 01/7/2025", (string)refused.Json["detail"]!);
        Assert.Contains("was merged into 51 (Quảng Ngãi)", (string)refused.Json["detail"]!);
        Assert.Equal("ended", (string)refused.Json["scopeState"]!["state"]!);
        var entry = (await api.GetClientAsync("committee-kon-tum")).Json["scopeState"]!;
        Assert.Equal(("ended", "51"), ((string)entry["state"]!, (string)entry["successor"]!));
        await api.ClientTokenAsync("committee-quang-ngai", Roles.Reviewer, "51");
        var listed = (await api.ListClientsAsync()).Json["items"]!.AsArray().ToDictionary(c => (string)c!["clientId"]!, c => c!["scopeState"]!);
        Assert.Equal(("ended", "51"), ((string)listed["committee-kon-tum"]["state"]!, (string)listed["committee-kon-tum"]["successor"]!));
        Assert.Contains("đã hợp nhất vào 51 (Quảng Ngãi)", (string)listed["committee-kon-tum"]["reason"]!);
        Assert.Equal(("current", "51"), ((string)listed["committee-quang-ngai"]["state"]!, (string)listed["committee-quang-ngai"]["jurisdiction"]!));

        var rescoped = await api.PutClientAsync("committee-kon-tum", new JsonObject { ["name"] = "Ban chỉ đạo tỉnh Quảng Ngãi", ["roles"] = new JsonArray(Roles.Reviewer), ["jurisdiction"] = "51" });
        Assert.Equal("current", (string)rescoped.Json["scopeState"]!["state"]!);
        Assert.Equal(200, (await api.ListAssessmentsAsync(token, "year=2022")).Status);
    }

    [Fact]
    public async Task An_agency_moved_by_its_portal_takes_its_past_years_to_the_new_committee()
    {
        await api.RegisterWithDeskAsync("qn-so-noi-vu", "51");
        await api.SubmitAsync("qn-so-noi-vu", 2022);
        await api.SubmitAsync("qn-so-noi-vu", 2023);
        var reviewer51 = await api.ClientTokenAsync("committee-51", Roles.Reviewer, "51");
        var reviewer52 = await api.ClientTokenAsync("committee-52", Roles.Reviewer, "52");
        Assert.Equal(404, (await api.GetAssessmentAsync(reviewer52, "qn-so-noi-vu", 2022)).Status);

        var moved = await api.PutAgencyAsync(TestTokens.Admin, "qn-so-noi-vu", JurisdictionApp.Agency("qn-so-noi-vu", "52", validFrom: null));

        Assert.Equal(200, moved.Status);
        foreach (var year in new[] { 2022, 2023 })
        {
            Assert.Equal(200, (await api.GetAssessmentAsync(reviewer52, "qn-so-noi-vu", year)).Status);
            Assert.Equal(404, (await api.GetAssessmentAsync(reviewer51, "qn-so-noi-vu", year)).Status);
            Assert.Single((await api.ListAssessmentsAsync(reviewer52, $"year={year}")).Json["items"]!.AsArray());
            Assert.Empty((await api.ListAssessmentsAsync(reviewer51, $"year={year}")).Json["items"]!.AsArray());
        }
        var periods = moved.Json["registrations"]!.AsArray();
        Assert.Equal(["51", "52"], periods.Select(p => (string)p!["jurisdiction"]!));
    }

    [Fact]
    public async Task A_district_of_a_merged_province_is_left_to_place_by_hand_until_its_successor_is_given()
    {
        Assert.Equal(200, (await api.ImportAsync(TestTokens.Admin, JurisdictionApp.SampleCommunes())).Status);
        await api.RegisterWithDeskAsync("tp-qn-van-phong", "51.522");

        var run = await api.ReorganiseAsync(TestTokens.Admin, July2025);

        var unplaceable = Assert.Single(run.Json["unplaceable"]!.AsArray())!;
        Assert.Equal(("tp-qn-van-phong", "51.522"), ((string)unplaceable["agencyId"]!, (string)unplaceable["jurisdiction"]!));
        Assert.Contains("51.522 (Thành phố Quảng Ngãi) không còn từ 01/7/2025", (string)unplaceable["reason"]!);
        Assert.Equal("51.522", (string)(await api.GetAgencyAsync(TestTokens.Admin, "tp-qn-van-phong")).Json["jurisdiction"]!);

        var body = July2025;
        body["successions"] = new JsonArray(new JsonObject { ["from"] = "51.522", ["to"] = "51.21211" });
        var placed = await api.ReorganiseAsync(TestTokens.Admin, body);

        Assert.Equal("51.21211", (string)Assert.Single(placed.Json["moved"]!.AsArray())!["to"]!);
        Assert.Empty(placed.Json["unplaceable"]!.AsArray());
        Assert.Equal("51.21211", (string)(await api.GetAgencyAsync(TestTokens.Admin, "tp-qn-van-phong")).Json["jurisdiction"]!);
    }

    [Fact]
    public async Task A_successor_sent_with_a_reorganisation_is_kept_in_the_catalogue_and_applied_by_later_runs_of_the_date()
    {
        Assert.Equal(200, (await api.ImportAsync(TestTokens.Admin, JurisdictionApp.SampleCommunes())).Status);
        await api.RegisterWithDeskAsync("tp-qn-van-phong", "51.522");
        var body = July2025;
        body["successions"] = new JsonArray(new JsonObject { ["from"] = "51.522", ["to"] = "51.21211" });
        Assert.Equal(200, (await api.ReorganiseAsync(TestTokens.Admin, body)).Status);

        var city = await api.GetUnitAsync(TestTokens.Admin, "51.522", "date=2025-06-30");
        var successor = Assert.Single(city.Json["successors"]!.AsArray())!;
        Assert.Equal(("51.21211", "Phường Cẩm Thành", "2025-07-01", "reorganisation"),
            ((string)successor["code"]!, (string)successor["name"]!, (string)successor["on"]!, (string)successor["source"]!));
        var ward = Assert.Single((await api.GetUnitAsync(TestTokens.Admin, "51.21211", "date=2026-01-01")).Json["predecessors"]!.AsArray())!;
        Assert.Equal("51.522", (string)ward["code"]!);
        var refused = await api.PutAgencyAsync(TestTokens.Admin, "tp-qn-moi", JurisdictionApp.Agency("tp-qn-moi", "51.522", validFrom: null));
        Assert.Equal(400, refused.Status);
        Assert.Contains("đã hợp nhất vào 51.21211 (Phường Cẩm Thành) từ 01/7/2025", (string)refused.Json["detail"]!);

        // An agency of the city registered since (back-dated) is placed by a run that sends only the date.
        await api.RegisterWithDeskAsync("tp-qn-so-noi-vu", "51.522");
        var again = await api.ReorganiseAsync(TestTokens.Admin, July2025);
        Assert.Equal(("tp-qn-so-noi-vu", "51.21211"), ((string)Assert.Single(again.Json["moved"]!.AsArray())!["agencyId"]!, (string)again.Json["moved"]![0]!["to"]!));
        Assert.Empty(again.Json["unplaceable"]!.AsArray());

        // Sending another successor for the city replaces the first.
        body["successions"] = new JsonArray(new JsonObject { ["from"] = "51.522", ["to"] = "51.21214" });
        Assert.Equal(200, (await api.ReorganiseAsync(TestTokens.Admin, body)).Status);
        var now = Assert.Single((await api.GetUnitAsync(TestTokens.Admin, "51.522", "date=2025-06-30")).Json["successors"]!.AsArray())!;
        Assert.Equal("51.21214", (string)now["code"]!);
    }

    [Fact]
    public async Task Only_an_admin_applies_a_reorganisation_and_a_successor_must_exist_on_the_date()
    {
        var portal = await api.ClientTokenAsync("portal-51", Roles.Submitter, "51");
        Assert.Equal(403, (await api.ReorganiseAsync(portal, July2025)).Status);

        var body = July2025;
        body["successions"] = new JsonArray(new JsonObject { ["from"] = "51.522", ["to"] = "62" });
        var refused = await api.ReorganiseAsync(TestTokens.Admin, body);
        Assert.Equal(400, refused.Status);
        Assert.Equal(["$.successions[0].to"], refused.ErrorPaths);
        Assert.Equal(400, (await api.ReorganiseAsync(TestTokens.Admin, new JsonObject())).Status);
    }

}
