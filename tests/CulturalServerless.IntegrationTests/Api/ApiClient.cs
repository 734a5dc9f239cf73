using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Access;
using System.Collections.Concurrent;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Functions.Http.Agencies;
using CulturalServerless.Functions.Http.Assessments;
using CulturalServerless.Functions.Http.Clients;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Api;

/// <summary>
/// Calls the API's function classes the way a portal's requests reach them: agencies registered and
/// assessments read by an admin, submissions by a portal (a submitter client) scoped to the agency.
/// </summary>
/// <param name="app">The app's services.</param>
/// <param name="loggers">Where the function classes log (nowhere when null), for tests that check what was logged.</param>
public sealed class ApiClient(AppServices app, ILoggerFactory? loggers = null)
{
    private readonly ConcurrentDictionary<string, Task<string>> portals = new();

    private readonly AgencyFunctions agencies = new(app.Get<AgencyService>(), Logger<AgencyFunctions>(loggers));
    private readonly AssessmentFunctions assessments = new(app.Get<AssessmentService>(), Logger<AssessmentFunctions>(loggers));
    private readonly AssessmentListFunction list = new(app.Get<AssessmentListService>(), Logger<AssessmentListFunction>(loggers));
    private readonly ApiClientFunctions clients = new(app.Get<ApiClientService>(), app.Get<ClientJurisdictions>(), Logger<ApiClientFunctions>(loggers));
    private readonly AssessmentDraftFunctions drafts = new(app.Get<AssessmentDraftService>(), Logger<AssessmentDraftFunctions>(loggers));

    private static ILogger<T> Logger<T>(ILoggerFactory? loggers) => loggers is null ? NullLogger<T>.Instance : loggers.CreateLogger<T>();

    public static JsonObject Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name)))!.AsObject();

    /// <summary>The seed's 2022 assessment as an assessment of <paramref name="year"/>, under the rubric that year is scored by.</summary>
    public static JsonObject SeedFor(int year)
    {
        var body = Sample("assessment-2022.json");
        body["year"] = year;
        body["rubricId"] = year >= 2023 ? "co-quan-2023" : "co-quan-2022";
        return body;
    }

    /// <summary>The seed submission with six problems at once: a draft or a submission must be refused naming each (<see cref="AssertSixProblemPaths"/>).</summary>
    public static JsonObject SeedWithSixProblems()
    {
        var bad = Sample("assessment-2022.json");
        bad["staff"]!["total"] = 90;
        bad["criteria"]!["1.1"]!["indicators"]!["advancedWorkerShare"] = 120;
        bad["criteria"]!["1.4"]!["indicators"]!["satisfiedCount"] = -1;
        bad["criteria"]!.AsObject().Remove("2.3");
        bad["criteria"]!["9.9"] = new JsonObject { ["indicators"] = new JsonObject() };
        bad["criteria"]!["1.5"]!["selfScore"] = 1000;
        return bad;
    }

    public static void AssertSixProblemPaths(IReadOnlyList<string> paths)
    {
        Assert.Contains("$.staff.categories", paths);
        Assert.Contains(paths, p => p.StartsWith("$.criteria['1.1'].indicators.advancedWorkerShare", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.criteria['1.4'].indicators.satisfiedCount", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.criteria['2.3']", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.criteria['9.9']", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.criteria['1.5'].selfScore", StringComparison.Ordinal));
    }

    /// <summary>Registers the seed's agency under a new id (or <paramref name="id"/>, and the given jurisdiction and name) and returns the id.</summary>
    public async Task<string> RegisterAgencyAsync(string? jurisdiction = null, string? id = null, string? name = null)
    {
        id ??= "vp-" + Guid.NewGuid().ToString("N")[..10];
        var agency = Sample("agency.json");
        agency["id"] = id;
        if (jurisdiction is not null) agency["jurisdiction"] = jurisdiction;
        if (name is not null) agency["name"] = name;
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/agencies/{id}", agency.ToJsonString());
        var response = await HttpCalls.ExecuteAsync(request, agencies.Put(request, id, CancellationToken.None));
        Assert.Equal(201, response.Status);
        return id;
    }

    /// <summary>Passed as the Idempotency-Key, sends none.</summary>
    public const string NoIdempotencyKey = "";

    /// <summary>
    /// Submits officially as the agency's portal: with a fresh Idempotency-Key unless one is given
    /// (<see cref="NoIdempotencyKey"/> sends none), and <paramref name="ifMatch"/> when given.
    /// </summary>
    public async Task<ApiResponse> SubmitAsync(
        string agencyId, string year, string? body, string? contentType = "application/json", string? idempotencyKey = null,
        string? ifMatch = null, string? query = null)
    {
        var headers = new Dictionary<string, string>();
        var key = idempotencyKey ?? Guid.NewGuid().ToString();
        if (key != NoIdempotencyKey) headers["Idempotency-Key"] = key;
        if (ifMatch is not null) headers["If-Match"] = ifMatch;
        var token = await PortalTokenAsync(agencyId);
        var request = app.Request(token, "POST", $"/api/agencies/{agencyId}/assessments/{year}", body, contentType, query, headers);
        return await HttpCalls.ExecuteAsync(request, assessments.Submit(request, agencyId, year, CancellationToken.None));
    }

    /// <summary>Submits a version that supersedes the latest, with the ETag just read as If-Match.</summary>
    public async Task<ApiResponse> ResubmitAsync(string agencyId, JsonObject body, string year = "2022", string? idempotencyKey = null) =>
        await SubmitAsync(agencyId, year, body.ToJsonString(), idempotencyKey: idempotencyKey,
            ifMatch: (await GetLatestAsync(agencyId, year)).Headers.ETag.ToString());

    /// <summary>A submitter token of the agency's own portal, registered in the registry of API clients on first use.</summary>
    public Task<string> PortalTokenAsync(string agencyId) => portals.GetOrAdd(agencyId, async id =>
    {
        var clientId = "portal-" + id;
        var registration = new JsonObject { ["name"] = "Cổng của " + id, ["roles"] = new JsonArray(Roles.Submitter), ["agencyIds"] = new JsonArray(id) };
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/clients/{clientId}", registration.ToJsonString());
        var response = await HttpCalls.ExecuteAsync(request, clients.Put(request, clientId, CancellationToken.None));
        Assert.Equal(201, response.Status);
        return TestTokens.For(clientId, Roles.Submitter);
    });

    /// <summary>A reviewer token of the steering committee of <paramref name="jurisdiction"/>, registered in the registry of API clients on first use.</summary>
    public Task<string> CommitteeTokenAsync(string jurisdiction) => portals.GetOrAdd("committee|" + jurisdiction, async _ =>
    {
        var clientId = "committee-" + jurisdiction.Replace('.', '-');
        var registration = new JsonObject { ["name"] = "Ban chỉ đạo " + jurisdiction, ["roles"] = new JsonArray(Roles.Reviewer), ["jurisdiction"] = jurisdiction };
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/clients/{clientId}", registration.ToJsonString());
        var response = await HttpCalls.ExecuteAsync(request, clients.Put(request, clientId, CancellationToken.None));
        Assert.True(response.Status is 200 or 201, $"registering {clientId}: {response.Status}");
        return TestTokens.For(clientId, Roles.Reviewer);
    });

    public Task<ApiResponse> SubmitAsync(string agencyId, JsonObject body, string? idempotencyKey = null, string? ifMatch = null) =>
        SubmitAsync(agencyId, "2022", body.ToJsonString(), idempotencyKey: idempotencyKey, ifMatch: ifMatch);

    /// <summary>Saves the seed submission as the agency's 2022 draft, as its portal.</summary>
    public async Task SaveDraftAsync(string agencyId)
    {
        var request = app.Request(await PortalTokenAsync(agencyId), "PUT", $"/api/agencies/{agencyId}/assessments/2022/draft",
            Sample("assessment-2022.json").ToJsonString());
        Assert.Equal(201, (await HttpCalls.ExecuteAsync(request, drafts.Save(request, agencyId, "2022", CancellationToken.None))).Status);
    }

    public Task<ApiResponse> GetLatestAsync(string agencyId, string year = "2022")
    {
        var request = app.Request(TestTokens.Admin, "GET", $"/api/agencies/{agencyId}/assessments/{year}");
        return HttpCalls.ExecuteAsync(request, assessments.GetLatest(request, agencyId, year, CancellationToken.None));
    }

    public Task<ApiResponse> GetVersionAsync(string agencyId, string version, string year = "2022")
    {
        var request = app.Request(TestTokens.Admin, "GET", $"/api/agencies/{agencyId}/assessments/{year}/versions/{version}");
        return HttpCalls.ExecuteAsync(request, assessments.GetVersion(request, agencyId, year, version, CancellationToken.None));
    }

    public Task<ApiResponse> ListAsync(string query)
    {
        var request = app.Request(TestTokens.Admin, "GET", "/api/assessments", query: query);
        return HttpCalls.ExecuteAsync(request, list.Run(request, CancellationToken.None));
    }
}
