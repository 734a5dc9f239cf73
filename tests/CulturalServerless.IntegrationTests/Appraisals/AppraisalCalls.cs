using CulturalServerless.Application.Jurisdictions;
using System.Collections.Concurrent;
using CulturalServerless.Application.Access;
using ApiClient = CulturalServerless.IntegrationTests.Api.ApiClient;
using CulturalServerless.Application.Appraisals;
using CulturalServerless.Functions.Http.Appraisals;
using CulturalServerless.Functions.Http.Clients;

namespace CulturalServerless.IntegrationTests.Appraisals;

/// <summary>
/// Calls the appraisal's function classes as a steering committee's tool (a reviewer client
/// scoped to a jurisdiction) and the agency's portal would, through the registry of API clients.
/// </summary>
public sealed class AppraisalCalls(AppServices app, ApiClient api)
{
    private readonly ConcurrentDictionary<string, Task<string>> tokens = new();
    private readonly AppraisalFunctions appraisals = new(app.Get<AppraisalService>(), NullLogger<AppraisalFunctions>.Instance);
    private readonly ApiClientFunctions clients = new(app.Get<ApiClientService>(), app.Get<ClientJurisdictions>(), NullLogger<ApiClientFunctions>.Instance);

    /// <summary>A token of a client with <paramref name="role"/> scoped to <paramref name="jurisdiction"/>, registered on first use.</summary>
    public Task<string> TokenAsync(string role, string jurisdiction, string suffix = "") => tokens.GetOrAdd($"{role}-{jurisdiction}{suffix}", async clientId =>
    {
        var registration = new JsonObject { ["name"] = clientId, ["roles"] = new JsonArray(role), ["jurisdiction"] = jurisdiction };
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/clients/{clientId}", registration.ToJsonString());
        var response = await HttpCalls.ExecuteAsync(request, clients.Put(request, clientId, CancellationToken.None));
        Assert.True(response.Status is 200 or 201, response.Body?.ToJsonString());
        return TestTokens.For(clientId, role);
    });

    public Task<string> ReviewerAsync(string jurisdiction = "51", string suffix = "") => TokenAsync(Roles.Reviewer, jurisdiction, suffix);

    public async Task<ApiResponse> GetAsync(string agencyId, string? token = null, string year = "2022")
    {
        var request = app.Request(token ?? await ReviewerAsync(), "GET", Path(agencyId, year));
        return await HttpCalls.ExecuteAsync(request, appraisals.Get(request, agencyId, year, CancellationToken.None));
    }

    /// <summary>The assessment's ETag as its reader sees it now.</summary>
    public async Task<string> ETagAsync(string agencyId, string year = "2022") =>
        (await api.GetLatestAsync(agencyId, year)).Headers.ETag.ToString();

    public async Task<ApiResponse> RecordAsync(string agencyId, JsonObject body, string? ifMatch = null, string? token = null, string year = "2022")
    {
        var request = await RequestAsync(token, "PUT", Path(agencyId, year), body, ifMatch, agencyId, year);
        return await HttpCalls.ExecuteAsync(request, appraisals.Record(request, agencyId, year, CancellationToken.None));
    }

    public async Task<ApiResponse> RequestExplanationAsync(string agencyId, JsonObject body, string? ifMatch = null, string? token = null, string year = "2022")
    {
        var request = await RequestAsync(token, "POST", Path(agencyId, year) + "/explanation-request", body, ifMatch, agencyId, year);
        return await HttpCalls.ExecuteAsync(request, appraisals.RequestExplanation(request, agencyId, year, CancellationToken.None));
    }

    public async Task<ApiResponse> AnswerAsync(string agencyId, JsonObject body, string? ifMatch = null, string? token = null, string year = "2022")
    {
        var request = await RequestAsync(token ?? await api.PortalTokenAsync(agencyId), "POST", Path(agencyId, year) + "/explanation", body, ifMatch, agencyId, year);
        return await HttpCalls.ExecuteAsync(request, appraisals.AnswerExplanation(request, agencyId, year, CancellationToken.None));
    }

    public async Task<ApiResponse> FinalizeAsync(string agencyId, JsonObject body, string? ifMatch = null, string? token = null, string year = "2022")
    {
        var request = await RequestAsync(token, "POST", Path(agencyId, year) + "/final", body, ifMatch, agencyId, year);
        return await HttpCalls.ExecuteAsync(request, appraisals.Finalize(request, agencyId, year, CancellationToken.None));
    }

    /// <summary>Marks every sub-item of the latest version with its computed points, but <paramref name="overrides"/>.</summary>
    public async Task<JsonObject> AllItemsAsync(string agencyId, IDictionary<string, decimal>? overrides = null, string year = "2022")
    {
        var latest = await api.GetLatestAsync(agencyId, year);
        var items = new JsonArray();
        foreach (var sub in latest.Json["results"]!["subCriteria"]!.AsArray())
        {
            var code = (string)sub!["code"]!;
            var points = overrides is not null && overrides.TryGetValue(code, out var given) ? given : (decimal)sub["points"]!;
            items.Add(new JsonObject { ["code"] = code, ["points"] = points, ["comment"] = $"Đã đối chiếu hồ sơ tiêu chí {code}." });
        }
        return new JsonObject { ["items"] = items };
    }

    /// <summary>Appraises every item as computed and records the final result: the quickest pass.</summary>
    public async Task<ApiResponse> PassAsync(string agencyId, string year = "2022")
    {
        var recorded = await RecordAsync(agencyId, await AllItemsAsync(agencyId, year: year), year: year);
        Assert.Equal(200, recorded.Status);
        var final = await FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" }, recorded.Headers.ETag.ToString(), year: year);
        Assert.Equal(200, final.Status);
        return final;
    }

    /// <summary>A new agency of <paramref name="jurisdiction"/> appraised for 2023 and 2024: eligible for a first recognition in 2024 unless 2024 fails.</summary>
    public async Task<string> AppraisedForDecisionAsync(string jurisdiction, bool passes2024 = true)
    {
        var calls = this;
        var agencyId = await api.RegisterAgencyAsync(jurisdiction);
        foreach (var year in new[] { "2023", "2024" })
        {
            var body = ApiClient.Sample("assessment-2022.json");
            body["year"] = int.Parse(year, System.Globalization.CultureInfo.InvariantCulture);
            body.Remove("rubricId");
            var submitted = await api.SubmitAsync(agencyId, year, body.ToJsonString());
            Assert.True(submitted.Status == 201, submitted.Body?.ToJsonString());
            if (year == "2024" && !passes2024)
            {
                var low = await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId, new Dictionary<string, decimal> { ["1.1"] = 0, ["1.2"] = 0, ["1.4"] = 0 }, year), year: year);
                Assert.Equal(200, (await calls.FinalizeAsync(agencyId, new JsonObject
                {
                    ["result"] = "does-not-meet", ["reasons"] = new JsonArray("Tổng điểm thẩm định dưới mức đạt."),
                }, low.Headers.ETag.ToString(), year: year)).Status);
            }
            else
            {
                await calls.PassAsync(agencyId, year);
            }
        }
        return agencyId;
    }

    private static string Path(string agencyId, string year) => $"/api/agencies/{agencyId}/assessments/{year}/appraisal";

    /// <summary>With <paramref name="ifMatch"/> null, the assessment's current ETag; <see cref="NoIfMatch"/> sends none.</summary>
    private async Task<HttpRequest> RequestAsync(string? token, string method, string path, JsonObject body, string? ifMatch, string agencyId, string year)
    {
        ifMatch ??= await ETagAsync(agencyId, year);
        var headers = ifMatch == NoIfMatch ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch };
        return app.Request(token ?? await ReviewerAsync(), method, path, body.ToJsonString(), headers: headers);
    }

    public const string NoIfMatch = "";
}
