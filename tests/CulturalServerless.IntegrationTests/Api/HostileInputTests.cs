using CulturalServerless.UnitTests.Scoring;

namespace CulturalServerless.IntegrationTests.Api;

/// <summary>
/// The seed submission with one field broken at a time (every property and array element nulled,
/// retyped or removed), sent to both endpoints that take one — the draft and the official
/// submission — through their function classes against the emulators: a client's mistake is a 4xx
/// problem, whatever it is, and a 5xx never.
/// </summary>
public sealed class HostileInputTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private readonly Functions.Http.Assessments.AssessmentDraftFunctions drafts =
        new(app.Get<AssessmentDraftService>(), NullLogger<Functions.Http.Assessments.AssessmentDraftFunctions>.Instance);

    [Fact]
    public async Task No_mutation_of_the_sample_gets_a_5xx_from_the_draft_or_the_submission()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var token = await api.PortalTokenAsync(agencyId);
        var mutations = JsonMutations.Of(ApiClient.Sample("assessment-2022.json")).ToList();
        Assert.True(mutations.Count > 300, $"Only {mutations.Count} mutations of the sample.");

        var failures = new List<string>();
        foreach (var mutation in mutations)
        {
            var draftRequest = app.Request(token, "PUT", $"/api/agencies/{agencyId}/assessments/2022/draft", mutation.Json);
            var draft = await HttpCalls.ExecuteAsync(draftRequest, drafts.Save(draftRequest, agencyId, "2022", CancellationToken.None));
            var submitted = await api.SubmitAsync(agencyId, "2022", mutation.Json,
                ifMatch: (await api.GetLatestAsync(agencyId)) is { Status: 200 } latest ? latest.Headers.ETag.ToString() : null);
            foreach (var (endpoint, response) in new[] { ("draft", draft), ("submission", submitted) })
            {
                if (response.Status >= 500 || (response.Status >= 400 && response.ContentType != "application/problem+json"))
                {
                    failures.Add($"{endpoint} {mutation.Path} {mutation.Change}: {response.Status} {response.Body?.ToJsonString()}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations.Count * 2} requests failed:\n" + string.Join("\n", failures.Take(20)));
    }
}
