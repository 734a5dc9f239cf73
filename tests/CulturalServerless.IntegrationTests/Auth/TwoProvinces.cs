using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Functions.Http.Agencies;
using CulturalServerless.Functions.Http.Assessments;
using CulturalServerless.Functions.Http.Clients;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// Two provinces' data in one deployment: Quảng Ngãi (51) with a provincial office and one in the
/// city of Quảng Ngãi (51.522), Bình Định (52) with one office; each has a 2022 assessment submitted
/// by its province's portal. The callers are registered in the registry of API clients through the
/// API, as an admin would.
/// </summary>
public sealed class TwoProvinces : IAsyncLifetime
{
    public const string QuangNgaiOffice = "qn-van-phong-ubnd";
    public const string QuangNgaiCityOffice = "qn-van-phong-tp";
    public const string BinhDinhOffice = "bd-van-phong-ubnd";

    /// <summary>An agency no one has registered yet, listed in the scope of its own desk (and of portal-51's desk).</summary>
    public const string NewOffice = "qn-van-phong-moi";

    public static readonly IReadOnlyDictionary<string, string> AgencyJurisdictions = new Dictionary<string, string>
    {
        [QuangNgaiOffice] = "51",
        [QuangNgaiCityOffice] = "51.522",
        [BinhDinhOffice] = "52.540",
    };

    /// <summary>The callers by name: client id, token roles, and (null: no registry entry) the registry's roles and scope.</summary>
    public static readonly IReadOnlyDictionary<string, (string ClientId, string[] TokenRoles, JsonObject? Registry)> Callers =
        new Dictionary<string, (string, string[], JsonObject?)>
        {
            // Registered by AppServices.InitializeAsync, as the first-admin bootstrap would.
            ["admin"] = (TestTokens.AdminClientId, [Roles.Admin], null),
            // Claims admin, but its client is not in the registry: admin needs an entry like every role.
            ["unregistered-admin"] = ("admin-app-unknown", [Roles.Admin], null),
            ["portal-51"] = ("portal-quang-ngai", [Roles.Submitter], Entry([Roles.Submitter], "51")),
            ["portal-52"] = ("portal-binh-dinh", [Roles.Submitter], Entry([Roles.Submitter], "52")),
            ["desk-of-office"] = ("desk-qn-van-phong", [Roles.Submitter], Entry([Roles.Submitter], null, QuangNgaiOffice)),
            ["desk-of-new-office"] = ("desk-qn-van-phong-moi", [Roles.Submitter], Entry([Roles.Submitter], null, NewOffice)),
            ["portal-51-listing-new-office"] = ("portal-qn-moi", [Roles.Submitter], Entry([Roles.Submitter], "51", NewOffice)),
            ["reviewer-51"] = ("committee-quang-ngai", [Roles.Reviewer], Entry([Roles.Reviewer], "51")),
            ["reviewer-51.522"] = ("committee-tp-quang-ngai", [Roles.Reviewer], Entry([Roles.Reviewer], "51.522")),
            ["reviewer-52"] = ("committee-binh-dinh", [Roles.Reviewer], Entry([Roles.Reviewer], "52")),
            // Claims submitter, but its client is not in the registry: no roles, no scope.
            ["unregistered-submitter"] = ("portal-unknown", [Roles.Submitter], null),
            // Claims admin and reviewer; the registry grants it submitter only: nothing in common.
            ["token-roles-not-in-registry"] = ("portal-overreaching", [Roles.Admin, Roles.Reviewer], Entry([Roles.Submitter], "51")),
        };

    public AppServices App { get; } = new();
    public AgencyFunctions Agencies { get; private set; } = null!;
    public AssessmentFunctions Assessments { get; private set; } = null!;
    public AssessmentListFunction AssessmentList { get; private set; } = null!;
    public ApiClientFunctions Clients { get; private set; } = null!;

    public static string Token(string caller) => TestTokens.For(Callers[caller].ClientId, Callers[caller].TokenRoles);

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Agencies = new AgencyFunctions(App.Get<AgencyService>(), NullLogger<AgencyFunctions>.Instance);
        Assessments = new AssessmentFunctions(App.Get<AssessmentService>(), NullLogger<AssessmentFunctions>.Instance);
        AssessmentList = new AssessmentListFunction(App.Get<AssessmentListService>(), NullLogger<AssessmentListFunction>.Instance);
        Clients = new ApiClientFunctions(App.Get<ApiClientService>(), App.Get<ClientJurisdictions>(), NullLogger<ApiClientFunctions>.Instance);

        foreach (var (_, (clientId, _, registry)) in Callers)
        {
            if (registry is null) continue;
            var registered = await PutClientAsync(TestTokens.Admin, clientId, registry);
            Assert.Equal(201, registered.Status);
        }
        foreach (var (agencyId, jurisdiction) in AgencyJurisdictions)
        {
            Assert.Equal(201, (await PutAgencyAsync(TestTokens.Admin, agencyId, AgencyBody(agencyId, jurisdiction))).Status);
            var portal = jurisdiction.StartsWith("51", StringComparison.Ordinal) ? "portal-51" : "portal-52";
            Assert.Equal(201, (await SubmitAsync(Token(portal), agencyId)).Status);
        }
    }

    public Task DisposeAsync() => App.DisposeAsync();

    public static string AgencyBody(string agencyId, string jurisdiction, string signer = "Vũ Minh Tâm")
    {
        var agency = Api.ApiClient.Sample("agency.json");
        agency["id"] = agencyId;
        agency["jurisdiction"] = jurisdiction;
        agency["signer"]!["name"] = signer;
        return agency.ToJsonString();
    }

    public Task<ApiResponse> PutAgencyAsync(string? token, string agencyId, string body)
    {
        var request = App.Request(token, "PUT", $"/api/agencies/{agencyId}", body);
        return HttpCalls.ExecuteAsync(request, Agencies.Put(request, agencyId, CancellationToken.None));
    }

    public Task<ApiResponse> GetAgencyAsync(string? token, string agencyId)
    {
        var request = App.Request(token, "GET", $"/api/agencies/{agencyId}");
        return HttpCalls.ExecuteAsync(request, Agencies.Get(request, agencyId, CancellationToken.None));
    }

    public Task<ApiResponse> ListAgenciesAsync(string? token, string query = "")
    {
        var request = App.Request(token, "GET", "/api/agencies", query: query);
        return HttpCalls.ExecuteAsync(request, Agencies.List(request, CancellationToken.None));
    }

    /// <summary>
    /// An official submission as a well-behaved portal sends it: a fresh Idempotency-Key and, once
    /// the agency-year has a version, its current ETag as If-Match — so what is left to decide is access.
    /// </summary>
    public async Task<ApiResponse> SubmitAsync(string? token, string agencyId)
    {
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var current = await GetAssessmentAsync(TestTokens.Admin, agencyId);
        if (current.Status == 200) headers["If-Match"] = current.Headers.ETag.ToString();
        var request = App.Request(token, "POST", $"/api/agencies/{agencyId}/assessments/2022",
            Api.ApiClient.Sample("assessment-2022.json").ToJsonString(), headers: headers);
        return await HttpCalls.ExecuteAsync(request, Assessments.Submit(request, agencyId, "2022", CancellationToken.None));
    }

    public Task<ApiResponse> GetAssessmentAsync(string? token, string agencyId)
    {
        var request = App.Request(token, "GET", $"/api/agencies/{agencyId}/assessments/2022");
        return HttpCalls.ExecuteAsync(request, Assessments.GetLatest(request, agencyId, "2022", CancellationToken.None));
    }

    public Task<ApiResponse> GetVersionAsync(string? token, string agencyId)
    {
        var request = App.Request(token, "GET", $"/api/agencies/{agencyId}/assessments/2022/versions/1");
        return HttpCalls.ExecuteAsync(request, Assessments.GetVersion(request, agencyId, "2022", "1", CancellationToken.None));
    }

    public Task<ApiResponse> ListAssessmentsAsync(string? token, string query = "year=2022")
    {
        var request = App.Request(token, "GET", "/api/assessments", query: query);
        return HttpCalls.ExecuteAsync(request, AssessmentList.Run(request, CancellationToken.None));
    }

    public Task<ApiResponse> PutClientAsync(string? token, string clientId, JsonObject body)
    {
        var request = App.Request(token, "PUT", $"/api/clients/{clientId}", body.ToJsonString());
        return HttpCalls.ExecuteAsync(request, Clients.Put(request, clientId, CancellationToken.None));
    }

    public Task<ApiResponse> GetClientAsync(string? token, string clientId)
    {
        var request = App.Request(token, "GET", $"/api/clients/{clientId}");
        return HttpCalls.ExecuteAsync(request, Clients.Get(request, clientId, CancellationToken.None));
    }

    public Task<ApiResponse> ListClientsAsync(string? token)
    {
        var request = App.Request(token, "GET", "/api/clients");
        return HttpCalls.ExecuteAsync(request, Clients.List(request, CancellationToken.None));
    }

    public static JsonObject Entry(string[] roles, string? jurisdiction, params string[] agencyIds)
    {
        var entry = new JsonObject { ["name"] = "Ứng dụng thử", ["roles"] = new JsonArray(roles.Select(r => (JsonNode?)r).ToArray()) };
        if (jurisdiction is not null) entry["jurisdiction"] = jurisdiction;
        if (agencyIds.Length > 0) entry["agencyIds"] = new JsonArray(agencyIds.Select(a => (JsonNode?)a).ToArray());
        return entry;
    }
}
