using System.Globalization;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Functions.Http;
using CulturalServerless.Functions.Http.Agencies;
using CulturalServerless.Functions.Http.Assessments;
using CulturalServerless.Functions.Http.Clients;
using CulturalServerless.Functions.Http.Jurisdictions;
using CulturalServerless.Scoring.Rubrics;

namespace CulturalServerless.IntegrationTests.Jurisdictions;

/// <summary>
/// The app with a database of its own for one test, its functions called as the host calls them,
/// and the 2022 rubric also for 2023 (as <c>co-quan-2023</c>), so agencies can have two years of assessments.
/// </summary>
public sealed class JurisdictionApp : IAsyncLifetime
{
    public AppServices App { get; } = AppServices.With(new Dictionary<string, string?>(), services =>
    {
        var shipped = RubricCatalog.Shipped.Find("co-quan-2022")!;
        services.AddSingleton(new RubricCatalog([shipped, shipped with { Id = "co-quan-2023", Years = [2023] }]));
    });

    private AgencyFunctions agencies = null!;
    private AssessmentFunctions assessments = null!;
    private AssessmentListFunction list = null!;
    private ApiClientFunctions clients = null!;
    private JurisdictionFunctions jurisdictions = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        agencies = new AgencyFunctions(App.Get<AgencyService>(), NullLogger<AgencyFunctions>.Instance);
        assessments = new AssessmentFunctions(App.Get<AssessmentService>(), NullLogger<AssessmentFunctions>.Instance);
        list = new AssessmentListFunction(App.Get<AssessmentListService>(), NullLogger<AssessmentListFunction>.Instance);
        clients = new ApiClientFunctions(App.Get<ApiClientService>(), App.Get<ClientJurisdictions>(), NullLogger<ApiClientFunctions>.Instance);
        jurisdictions = new JurisdictionFunctions(App.Get<JurisdictionService>(), App.Get<ReorganisationService>(),
            App.Get<RequestDeadlineOptions>(), NullLogger<JurisdictionFunctions>.Instance);
    }

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>A client registered with a role and a jurisdiction (or agencies), and a token of it.</summary>
    public async Task<string> ClientTokenAsync(string clientId, string role, string? jurisdiction, params string[] agencyIds)
    {
        var entry = new JsonObject { ["name"] = "Ứng dụng thử", ["roles"] = new JsonArray(role) };
        if (jurisdiction is not null) entry["jurisdiction"] = jurisdiction;
        if (agencyIds.Length > 0) entry["agencyIds"] = new JsonArray(agencyIds.Select(a => (JsonNode?)a).ToArray());
        var response = await PutClientAsync(clientId, entry);
        Assert.Equal(201, response.Status);
        return TestTokens.For(clientId, role);
    }

    public Task<ApiResponse> PutClientAsync(string clientId, JsonObject entry)
    {
        var request = App.Request(TestTokens.Admin, "PUT", $"/api/clients/{clientId}", entry.ToJsonString());
        return HttpCalls.ExecuteAsync(request, clients.Put(request, clientId, CancellationToken.None));
    }

    public Task<ApiResponse> GetClientAsync(string clientId)
    {
        var request = App.Request(TestTokens.Admin, "GET", $"/api/clients/{clientId}");
        return HttpCalls.ExecuteAsync(request, clients.Get(request, clientId, CancellationToken.None));
    }

    public Task<ApiResponse> ListClientsAsync(string? query = null)
    {
        var request = App.Request(TestTokens.Admin, "GET", "/api/clients", query: query);
        return HttpCalls.ExecuteAsync(request, clients.List(request, CancellationToken.None));
    }

    /// <summary>The seed's agency under another id and jurisdiction, registered as of <paramref name="validFrom"/> (none: today).</summary>
    public static JsonObject Agency(string id, string jurisdiction, string? validFrom = "2022-01-01")
    {
        var agency = Api.ApiClient.Sample("agency.json");
        agency["id"] = id;
        agency["jurisdiction"] = jurisdiction;
        if (validFrom is null) agency.Remove("validFrom");
        else agency["validFrom"] = validFrom;
        return agency;
    }

    public Task<ApiResponse> PutAgencyAsync(string? token, string id, JsonObject body)
    {
        var request = App.Request(token, "PUT", $"/api/agencies/{id}", body.ToJsonString());
        return HttpCalls.ExecuteAsync(request, agencies.Put(request, id, CancellationToken.None));
    }

    public Task<ApiResponse> GetAgencyAsync(string? token, string id)
    {
        var request = App.Request(token, "GET", $"/api/agencies/{id}");
        return HttpCalls.ExecuteAsync(request, agencies.Get(request, id, CancellationToken.None));
    }

    /// <summary>Registers the agency (as an admin) under a 2022 code, and its desk: a submitter client scoped to it by id.</summary>
    public async Task RegisterWithDeskAsync(string agencyId, string jurisdiction)
    {
        var created = await PutAgencyAsync(TestTokens.Admin, agencyId, Agency(agencyId, jurisdiction));
        Assert.True(created.Status == 201, created.Body?.ToJsonString());
        await ClientTokenAsync("desk-" + agencyId, Roles.Submitter, null, agencyId);
    }

    /// <summary>Submits the seed's figures for <paramref name="year"/> as the agency's own desk (a client scoped to it by id).</summary>
    public async Task SubmitAsync(string agencyId, int year)
    {
        var token = TestTokens.For("desk-" + agencyId, Roles.Submitter);
        var body = Api.ApiClient.Sample("assessment-2022.json");
        body["year"] = year;
        body["rubricId"] = $"co-quan-{year}";
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var request = App.Request(token, "POST", $"/api/agencies/{agencyId}/assessments/{year}", body.ToJsonString(), headers: headers);
        var response = await HttpCalls.ExecuteAsync(request, assessments.Submit(request, agencyId, year.ToString(CultureInfo.InvariantCulture), CancellationToken.None));
        Assert.True(response.Status == 201, response.Body?.ToJsonString());
    }

    public Task<ApiResponse> GetAssessmentAsync(string? token, string agencyId, int year)
    {
        var text = year.ToString(CultureInfo.InvariantCulture);
        var request = App.Request(token, "GET", $"/api/agencies/{agencyId}/assessments/{text}");
        return HttpCalls.ExecuteAsync(request, assessments.GetLatest(request, agencyId, text, CancellationToken.None));
    }

    public Task<ApiResponse> ListAssessmentsAsync(string? token, string query)
    {
        var request = App.Request(token, "GET", "/api/assessments", query: query);
        return HttpCalls.ExecuteAsync(request, list.Run(request, CancellationToken.None));
    }

    public Task<ApiResponse> ListUnitsAsync(string? token, string query)
    {
        var request = App.Request(token, "GET", "/api/jurisdictions", query: query);
        return HttpCalls.ExecuteAsync(request, jurisdictions.List(request, CancellationToken.None));
    }

    public Task<ApiResponse> GetUnitAsync(string? token, string code, string? query = null)
    {
        var request = App.Request(token, "GET", $"/api/jurisdictions/{code}", query: query);
        return HttpCalls.ExecuteAsync(request, jurisdictions.Get(request, code, CancellationToken.None));
    }

    public Task<ApiResponse> ImportAsync(string? token, string csv)
    {
        var request = App.Request(token, "POST", "/api/jurisdictions/imports", csv, "text/csv");
        return HttpCalls.ExecuteAsync(request, jurisdictions.Import(request, CancellationToken.None));
    }

    public Task<ApiResponse> ReorganiseAsync(string? token, JsonObject body)
    {
        var request = App.Request(token, "POST", "/api/jurisdictions/reorganisations", body.ToJsonString());
        return HttpCalls.ExecuteAsync(request, jurisdictions.Reorganise(request, CancellationToken.None));
    }

    public static string SampleCommunes() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "communes-quang-ngai.csv"));
}
