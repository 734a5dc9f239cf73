using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Functions.Http.Decisions;
using CulturalServerless.Application.Paging;
using ApiClient = CulturalServerless.IntegrationTests.Api.ApiClient;

namespace CulturalServerless.IntegrationTests.Appraisals;

/// <summary>
/// Two decisions cannot recognise one agency: each attempt claims the agencies it lists before it
/// reads their prior decisions, so a concurrent one waits (409 with Retry-After) or sees the first
/// decision and is refused (422); a claim left by a crashed retry of the same request, or by an
/// attempt that died, does not block for ever.
/// </summary>
public sealed class DecisionClaimTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private AppraisalCalls Calls => new(app, api);
    private IRecognitionClaimStore Claims => app.Get<IRecognitionClaimStore>();

    private static JsonObject Body(string[] agencyIds) => new()
    {
        ["jurisdiction"] = "51", ["year"] = 2024, ["signerName"] = "Nguyễn Văn Chủ Tịch", ["agencyIds"] = new JsonArray([.. agencyIds.Select(id => (JsonNode)id)]),
    };

    private Task<ApiResponse> CreateAsync(string agencyId, string key, params string[] others) => CreateIn(app, Calls, agencyId, key, others);

    private static async Task<ApiResponse> CreateIn(AppServices app, AppraisalCalls calls, string agencyId, string key, params string[] others)
    {
        var functions = new DecisionFunctions(app.Get<DecisionService>(), app.Get<RecognitionHistoryService>(), NullLogger<DecisionFunctions>.Instance);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = key };
        var request = app.Request(await calls.TokenAsync(Roles.Decider, "51"), "POST", "/api/decisions", Body([agencyId, .. others]).ToJsonString(), headers: headers);
        return await HttpCalls.ExecuteAsync(request, functions.Create(request, CancellationToken.None));
    }

    /// <summary>The id the decider's request with <paramref name="key"/> creates its decision under.</summary>
    private async Task<string> DecisionIdOf(string key)
    {
        var request = app.Request(await Calls.TokenAsync(Roles.Decider, "51"), "GET", "/api/decisions");
        var caller = await app.Get<CallerAuthenticator>().AuthenticateAsync(request, CancellationToken.None);
        return DecisionKeys.IdOf(caller.ClientId, key);
    }

    private async Task<int> DecisionsListingAsync(string agencyId) =>
        (await app.Get<IDecisionStore>().ListForAgencyAsync(agencyId, CancellationToken.None)).Count;

    [Fact]
    public async Task Two_concurrent_requests_with_different_keys_recognise_the_agency_once()
    {
        var agencyId = await Calls.AppraisedForDecisionAsync("51.522");

        var both = await Task.WhenAll(CreateAsync(agencyId, Guid.NewGuid().ToString()), CreateAsync(agencyId, Guid.NewGuid().ToString()));

        Assert.Single(both, r => r.Status == 202);
        Assert.Single(both, r => r.Status is 409 or 422);
        Assert.Equal(1, await DecisionsListingAsync(agencyId));
        Assert.Null(await Claims.FindAsync(agencyId, CancellationToken.None));
    }

    [Fact]
    public async Task While_one_decision_holds_the_agency_another_is_refused_409_and_once_the_first_is_stored_422()
    {
        var agencyId = await Calls.AppraisedForDecisionAsync("51.523");
        var first = Guid.NewGuid().ToString();
        var firstId = await DecisionIdOf(first);
        // The first request claimed the agency and crashed before it stored its decision.
        Assert.NotNull(await Claims.TryCreateAsync(new RecognitionClaim(agencyId, firstId, DateTimeOffset.UtcNow), CancellationToken.None));

        var free = await Calls.AppraisedForDecisionAsync("51.522");

        var second = Guid.NewGuid().ToString();
        var waiting = await CreateAsync(free, second, agencyId);
        Assert.Equal(409, waiting.Status);
        Assert.Equal("/problems/agency-being-decided", (string?)waiting.Json["type"]);
        Assert.Equal(["$.agencyIds[1]"], waiting.ErrorPaths);
        Assert.Equal(["being-decided"], waiting.ErrorCodes);
        Assert.Equal([firstId], waiting.Json["decisionIds"]!.AsArray().Select(d => (string?)d));
        Assert.Equal($"{AgencyClaims.RetryAfterSeconds}", waiting.Headers.RetryAfter.ToString());
        Assert.Null(await app.Get<IDecisionStore>().FindAsync(await DecisionIdOf(second), CancellationToken.None));
        Assert.Null(await Claims.FindAsync(free, CancellationToken.None)); // the claim it took on the free agency is let go

        // The first request's retry keeps its own claim and issues the decision.
        var created = await CreateAsync(agencyId, first);
        Assert.Equal(202, created.Status);
        Assert.Equal(firstId, (string?)created.Json["id"]);

        var refused = await CreateAsync(free, second, agencyId);
        Assert.Equal(422, refused.Status);
        Assert.Equal(["$.agencyIds[1]"], refused.ErrorPaths);
        Assert.Equal(["not-eligible"], refused.ErrorCodes);
        Assert.Null(await Claims.FindAsync(free, CancellationToken.None));
        Assert.Equal(1, await DecisionsListingAsync(agencyId));
        Assert.Null(await Claims.FindAsync(agencyId, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_outliving_its_lease_was_left_by_a_dead_attempt_and_is_taken_over()
    {
        var agencyId = await Calls.AppraisedForDecisionAsync("51.522");
        Assert.NotNull(await Claims.TryCreateAsync(
            new RecognitionClaim(agencyId, "qd-died-while-deciding", DateTimeOffset.UtcNow - RecognitionClaimRule.Lease - TimeSpan.FromSeconds(1)), CancellationToken.None));

        var created = await CreateAsync(agencyId, Guid.NewGuid().ToString());

        Assert.Equal(202, created.Status);
        Assert.Equal(1, await DecisionsListingAsync(agencyId));
        Assert.Null(await Claims.FindAsync(agencyId, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_taken_over_from_a_stored_decision_counts_that_decision_even_when_the_query_has_not_seen_it_yet()
    {
        // Session consistency: another instance's query may be served by a replica behind the
        // point read that found the holder. The store below hides the first decision from queries.
        var lagging = new List<string>();
        await using var own = AppServices.With(new Dictionary<string, string?>(), services => services.AddSingleton<IDecisionStore>(
            sp => new QueriesBehind(sp.GetRequiredService<CulturalServerless.Storage.Cosmos.DecisionRepository>(), lagging)));
        await own.InitializeAsync();
        var calls = new AppraisalCalls(own, new ApiClient(own));
        var agencyId = await calls.AppraisedForDecisionAsync("51.522");
        var first = await CreateIn(own, calls, agencyId, Guid.NewGuid().ToString());
        Assert.Equal(202, first.Status);
        var firstId = (string)first.Json["id"]!;
        // Its claim was not released (best effort): the next decision finds it held by a stored decision.
        var claims = own.Get<IRecognitionClaimStore>();
        Assert.NotNull(await claims.TryCreateAsync(new RecognitionClaim(agencyId, firstId, DateTimeOffset.UtcNow), CancellationToken.None));
        lagging.Add(firstId);

        var second = await CreateIn(own, calls, agencyId, Guid.NewGuid().ToString());

        Assert.Equal(422, second.Status);
        Assert.Equal(["not-eligible"], second.ErrorCodes);
        Assert.Null(await claims.FindAsync(agencyId, CancellationToken.None));
    }

    /// <summary>The real store, whose queries do not return the decisions named in <paramref name="behind"/> yet.</summary>
    private sealed class QueriesBehind(IDecisionStore store, IReadOnlyCollection<string> behind) : IDecisionStore
    {
        public Task<Stored<RecognitionDecisionRecord>?> FindAsync(string id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

        public Task<bool> TryCreateAsync(RecognitionDecisionRecord decision, CancellationToken cancellationToken) => store.TryCreateAsync(decision, cancellationToken);

        public Task<bool> TryReplaceAsync(RecognitionDecisionRecord decision, string eTag, CancellationToken cancellationToken) =>
            store.TryReplaceAsync(decision, eTag, cancellationToken);

        public async Task<IReadOnlyList<RecognitionDecisionRecord>> ListForAgencyAsync(string agencyId, CancellationToken cancellationToken) =>
            [.. (await store.ListForAgencyAsync(agencyId, cancellationToken)).Where(d => !behind.Contains(d.Id))];

        public async Task<IReadOnlyList<RecognitionDecisionRecord>> ListForProvinceAsync(string province, CancellationToken cancellationToken) =>
            [.. (await store.ListForProvinceAsync(province, cancellationToken)).Where(d => !behind.Contains(d.Id))];

        public Task<Page<string>> FindStuckRequestedAsync(DateTimeOffset requestedBefore, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            store.FindStuckRequestedAsync(requestedBefore, continuationToken, pageSize, cancellationToken);
    }
}
