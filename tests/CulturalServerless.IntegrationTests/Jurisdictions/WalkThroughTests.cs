using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Reports;

namespace CulturalServerless.IntegrationTests.Jurisdictions;

/// <summary>The README's walk-through of the 2025 reorganisation, with the samples as they ship.</summary>
public sealed class WalkThroughTests : IAsyncLifetime
{
    private const string Seed = "vp-ubnd-quang-ngai";
    private readonly JurisdictionApp api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task The_seed_agency_of_2022_is_placed_under_todays_structure_and_its_2022_report_keeps_the_citys_committee()
    {
        var cityPortal = await api.ClientTokenAsync("portal-tp-quang-ngai", Roles.Submitter, "51.522");
        Assert.Equal(201, (await api.PutAgencyAsync(cityPortal, Seed, Api.ApiClient.Sample("agency.json"))).Status);
        await api.ClientTokenAsync("desk-" + Seed, Roles.Submitter, null, Seed);
        await api.SubmitAsync(Seed, 2022);

        Assert.Equal(200, (await api.ImportAsync(TestTokens.Admin, JurisdictionApp.SampleCommunes())).Status);
        var first = await api.ReorganiseAsync(TestTokens.Admin, new JsonObject { ["effectiveDate"] = "2025-07-01" });
        Assert.Equal(Seed, (string)Assert.Single(first.Json["unplaceable"]!.AsArray())!["agencyId"]!);
        var named = await api.ReorganiseAsync(TestTokens.Admin, new JsonObject
        {
            ["effectiveDate"] = "2025-07-01",
            ["successions"] = new JsonArray(new JsonObject { ["from"] = "51.522", ["to"] = "51.21211" }),
        });
        Assert.Equal("51.21211", (string)Assert.Single(named.Json["moved"]!.AsArray())!["to"]!);
        var today = await api.PutAgencyAsync(TestTokens.Admin, Seed, Api.ApiClient.Sample("agency-2025.json"));

        Assert.Equal(200, today.Status);
        var periods = today.Json["registrations"]!.AsArray();
        Assert.Equal(2, periods.Count);
        Assert.Equal(("2022-01-01", "2025-06-30", "51.522"), ((string)periods[0]!["validFrom"]!, (string)periods[0]!["validTo"]!, (string)periods[0]!["jurisdiction"]!));
        Assert.Contains("thành phố Quảng Ngãi", (string)periods[0]!["steeringCommittee"]!);
        Assert.Equal(("2025-07-01", "51.21211"), ((string)periods[1]!["validFrom"]!, (string)periods[1]!["jurisdiction"]!));
        Assert.Contains("phường Cẩm Thành", (string)periods[1]!["steeringCommittee"]!);
        Assert.Equal("51.21211", (string)(await api.GetAssessmentAsync(TestTokens.Admin, Seed, 2022)).Json["jurisdiction"]!);

        // A new report for 2022, rendered now, asks the city's committee as the 2022 registration did.
        var agency = (await api.App.Get<IAgencyStore>().FindAsync(Seed, CancellationToken.None))!.Value;
        var version = (await api.App.Get<IAssessmentStore>().FindVersionAsync(Seed, 2022, 1, CancellationToken.None))!.Value;
        var report = OfficialReportMapper.Map(ReportRequest.Of(agency, version), 2, new DateOnly(2026, 12, 1), api.App.Get<IRecognitionProcedures>());
        Assert.Contains("thành phố Quảng Ngãi xem xét", report.Conclusion.RecognitionRequest);

        // The city portal's scope is a unit that no longer exists; the catalogue knows its successor
        // from the reorganisation above.
        var refused = await api.GetAgencyAsync(cityPortal, Seed);
        Assert.Equal(403, refused.Status);
        Assert.Contains("51.522 (Thành phố Quảng Ngãi) đã hợp nhất vào 51.21211 (Phường Cẩm Thành) từ 01/7/2025", (string)refused.Json["detail"]!);
    }

    [Fact]
    public async Task Registering_the_seed_today_under_Kon_Tum_is_refused_naming_Quang_Ngai()
    {
        var agency = Api.ApiClient.Sample("agency.json");
        agency["id"] = "kt-thu";
        agency["jurisdiction"] = "62";
        agency.Remove("validFrom");

        var refused = await api.PutAgencyAsync(TestTokens.Admin, "kt-thu", agency);

        Assert.Equal(400, refused.Status);
        Assert.StartsWith("62 (Kon Tum) đã hợp nhất vào 51 (Quảng Ngãi) từ 01/7/2025.", (string)refused.Json["detail"]!);
    }
}
