using Azure.Storage.Blobs;

namespace CulturalServerless.IntegrationTests.Api;

/// <summary>Submitting and reading assessments through the function classes, against the emulators.</summary>
public sealed class AssessmentApiTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);

    private static JsonObject Seed() => ApiClient.Sample("assessment-2022.json");

    [Fact]
    public async Task The_seed_report_is_scored_passed_with_its_self_total_of_98_kept_beside_the_computed_total()
    {
        var agencyId = await api.RegisterAgencyAsync();

        var response = await api.SubmitAsync(agencyId, Seed());

        Assert.Equal(201, response.Status);
        Assert.Equal($"/api/agencies/{agencyId}/assessments/2022/versions/1", response.Headers.Location.ToString());
        var body = response.Json;
        Assert.Equal("scored", (string?)body["status"]);
        Assert.Equal(1, (int?)body["version"]);
        Assert.Equal("passed", (string?)body["verdict"]);
        Assert.Equal(98m, (decimal?)body["selfTotal"]);
        Assert.Equal("co-quan-2022", (string?)body["rubricId"]);
        Assert.InRange((decimal)body["computedTotal"]!, 85m, 100m);
        var subCriteria = body["results"]!["subCriteria"]!.AsArray();
        Assert.Equal(12, subCriteria.Count);
        Assert.All(subCriteria, s => Assert.False(string.IsNullOrWhiteSpace((string?)s!["explanation"])));
        Assert.Equal("requested", (string?)body["report"]!["state"]);
        Assert.Equal(["submitted", "scored", "report-requested"], body["history"]!.AsArray().Select(h => (string?)h!["action"]));

        var latest = await api.GetLatestAsync(agencyId);
        Assert.Equal(200, latest.Status);
        Assert.Equal(body.ToJsonString(), latest.Json.ToJsonString());
    }

    [Fact]
    public async Task Scoring_writes_the_report_request_snapshot_at_its_deterministic_path()
    {
        var agencyId = await api.RegisterAgencyAsync();
        await api.SubmitAsync(agencyId, Seed());

        var blob = app.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient($"{agencyId}/2022/v1.json");
        var snapshot = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;

        Assert.Equal(agencyId, (string?)snapshot["agency"]!["id"]);
        Assert.Equal("Vũ Minh Tâm", (string?)snapshot["agency"]!["signer"]!["name"]);
        Assert.Equal(1, (int?)snapshot["version"]);
        Assert.Equal(33090, (int?)snapshot["submission"]!["criteria"]!["1.4"]!["indicators"]!["satisfiedCount"]);
        Assert.Equal("passed", (string?)snapshot["score"]!["verdict"]);
    }

    [Fact]
    public async Task A_resubmission_with_If_Match_supersedes_the_official_version_which_stays_readable()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var firstResponse = await api.SubmitAsync(agencyId, Seed());
        var failing = Seed();
        failing["criteria"]!["3.2"]!["indicators"]!["disciplinedAtWarningOrAbove"] = 1;

        var second = await api.SubmitAsync(agencyId, failing, ifMatch: firstResponse.Headers.ETag.ToString());

        Assert.Equal(201, second.Status);
        Assert.Equal(2, (int?)second.Json["version"]);
        Assert.Equal("failed", (string?)second.Json["verdict"]);
        Assert.Equal("02/BC-VP", (string?)second.Json["issue"]!["reference"]);
        Assert.NotEmpty(second.Json["results"]!["knockOuts"]!.AsArray());
        var first = await api.GetVersionAsync(agencyId, "1");
        Assert.Equal(200, first.Status);
        Assert.Equal(1, (int?)first.Json["version"]);
        Assert.Equal(2, (int?)first.Json["latestVersion"]);
        Assert.True((bool?)first.Json["superseded"]);
        Assert.False((bool?)second.Json["superseded"]);
        Assert.Equal("passed", (string?)first.Json["verdict"]);
        Assert.Equal(2, (int?)(await api.GetLatestAsync(agencyId)).Json["version"]);
        var history = first.Json["history"]!.AsArray();
        Assert.Equal(7, history.Count);
        Assert.Contains(history, h => (string?)h!["action"] == "superseded" && (int?)h["version"] == 1);
    }

    [Fact]
    public async Task Without_If_Match_a_second_official_submission_is_428_and_with_a_stale_one_412()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var first = await api.SubmitAsync(agencyId, Seed());
        var second = await api.SubmitAsync(agencyId, Seed(), ifMatch: first.Headers.ETag.ToString());

        var withoutIfMatch = await api.SubmitAsync(agencyId, Seed());
        var stale = await api.SubmitAsync(agencyId, Seed(), ifMatch: first.Headers.ETag.ToString());
        var beforeAnything = await api.SubmitAsync(await api.RegisterAgencyAsync(), Seed(), ifMatch: first.Headers.ETag.ToString());

        Assert.Equal(201, second.Status);
        Assert.Equal(428, withoutIfMatch.Status);
        Assert.Equal("/problems/precondition-required", (string?)withoutIfMatch.Json["type"]);
        Assert.Contains("$.headers.If-Match", withoutIfMatch.ErrorPaths);
        Assert.Equal(412, stale.Status);
        Assert.Equal("/problems/precondition-failed", (string?)stale.Json["type"]);
        Assert.Equal(412, beforeAnything.Status);
        Assert.Equal(2, (int?)(await api.GetLatestAsync(agencyId)).Json["latestVersion"]);
    }

    [Fact]
    public async Task An_official_submission_without_an_Idempotency_Key_is_428_and_stores_nothing()
    {
        var agencyId = await api.RegisterAgencyAsync();

        var response = await api.SubmitAsync(agencyId, "2022", Seed().ToJsonString(), idempotencyKey: ApiClient.NoIdempotencyKey);

        Assert.Equal(428, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("$.headers.Idempotency-Key", response.ErrorPaths);
        Assert.Equal(404, (await api.GetLatestAsync(agencyId)).Status);
    }

    [Fact]
    public async Task The_document_number_is_taken_at_submission_and_the_response_and_ETag_show_it()
    {
        var agencyId = await api.RegisterAgencyAsync();

        var response = await api.SubmitAsync(agencyId, Seed());

        Assert.Equal(201, response.Status);
        Assert.Equal(1, (int?)response.Json["issue"]!["sequence"]);
        Assert.Equal("01/BC-VP", (string?)response.Json["issue"]!["reference"]);
        Assert.False(string.IsNullOrEmpty(response.Headers.ETag.ToString()));
        Assert.Equal(response.Headers.ETag.ToString(), (await api.GetLatestAsync(agencyId)).Headers.ETag.ToString());
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_first_result_without_a_second_version()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var key = Guid.NewGuid().ToString();

        var first = await api.SubmitAsync(agencyId, Seed(), key);
        var retry = await api.SubmitAsync(agencyId, Seed(), key);

        Assert.Equal(201, first.Status);
        Assert.Equal(200, retry.Status);
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(1, (int?)retry.Json["version"]);
        Assert.Equal(1, (int?)(await api.GetLatestAsync(agencyId)).Json["latestVersion"]);
        Assert.Equal(404, (await api.GetVersionAsync(agencyId, "2")).Status);
    }

    [Fact]
    public async Task An_Idempotency_Key_reused_for_a_different_submission_is_refused_with_409()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var key = Guid.NewGuid().ToString();
        await api.SubmitAsync(agencyId, Seed(), key);
        var different = Seed();
        different["recommendations"] = "Đề nghị tăng kinh phí";

        var response = await api.SubmitAsync(agencyId, different, key);

        Assert.Equal(409, response.Status);
        Assert.Equal("/problems/idempotency-key-reused", (string?)response.Json["type"]);
        Assert.Equal(1, (int?)(await api.GetLatestAsync(agencyId)).Json["latestVersion"]);
    }

    [Fact]
    public async Task Of_fifty_concurrent_first_submissions_one_becomes_version_1_and_the_rest_must_decide_knowingly()
    {
        var agencyId = await api.RegisterAgencyAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.SubmitAsync(agencyId, Seed())));

        // The first official report is one; the others saw nothing to supersede and are told that
        // one exists now (428: If-Match needed) or that it changed under them (412) — never a 5xx.
        Assert.Single(responses, r => r.Status == 201);
        Assert.All(responses.Where(r => r.Status != 201), r => Assert.Contains(r.Status, new[] { 412, 428 }));
        var latest = await api.GetLatestAsync(agencyId);
        Assert.Equal(1, (int?)latest.Json["latestVersion"]);
        Assert.Equal("01/BC-VP", (string?)latest.Json["issue"]!["reference"]);
        Assert.Single(latest.Json["history"]!.AsArray(), h => (string?)h!["action"] == "submitted");
        Assert.Equal(404, (await api.GetVersionAsync(agencyId, "2")).Status);
    }

    [Fact]
    public async Task Ten_superseding_submissions_in_a_row_each_with_the_ETag_just_read_all_land_numbered_in_order()
    {
        var agencyId = await api.RegisterAgencyAsync();
        Assert.Equal(201, (await api.SubmitAsync(agencyId, Seed())).Status);

        for (var i = 2; i <= 10; i++)
        {
            Assert.Equal(201, (await api.ResubmitAsync(agencyId, Seed())).Status);
        }

        var latest = await api.GetLatestAsync(agencyId);
        Assert.Equal(10, (int?)latest.Json["latestVersion"]);
        Assert.Equal("10/BC-VP", (string?)latest.Json["issue"]!["reference"]);
        for (var version = 1; version <= 10; version++)
        {
            var read = await api.GetVersionAsync(agencyId, version.ToString());
            Assert.Equal(version.ToString("00") + "/BC-VP", (string?)read.Json["issue"]!["reference"]);
        }
    }

    [Fact]
    public async Task Every_problem_of_a_submission_comes_back_at_once_with_its_JSON_path_and_nothing_is_stored()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var bad = ApiClient.SeedWithSixProblems();

        var response = await api.SubmitAsync(agencyId, bad);

        Assert.Equal(400, response.Status);
        Assert.Equal("/problems/validation", (string?)response.Json["type"]);
        ApiClient.AssertSixProblemPaths(response.ErrorPaths);
        Assert.Equal(404, (await api.GetLatestAsync(agencyId)).Status);
    }

    [Fact]
    public async Task A_body_year_that_differs_from_the_path_is_a_validation_problem()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var response = await api.SubmitAsync(agencyId, "2023", Seed().ToJsonString());
        Assert.Equal(400, response.Status);
        Assert.Equal(["$.year"], response.ErrorPaths);
    }

    [Theory]
    [InlineData("{\"year\": 2022,", "application/json", 400, "malformed-json")]
    [InlineData("", "application/json", 400, "empty-body")]
    [InlineData("<xml/>", "application/xml", 415, "unsupported-media-type")]
    [InlineData("{\"criteria\": {\"1.1\": {\"indicators\": {\"advancedWorkerShare\": \"nhiều\"}}}}", "application/json", 400, null)]
    public async Task Unreadable_submissions_get_a_clear_4xx_and_nothing_is_stored(string body, string contentType, int status, string? type)
    {
        var agencyId = await api.RegisterAgencyAsync();

        var response = await api.SubmitAsync(agencyId, "2022", body, contentType);

        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        if (type is not null) Assert.Equal($"/problems/{type}", (string?)response.Json["type"]);
        Assert.Equal(404, (await api.GetLatestAsync(agencyId)).Status);
    }

    [Fact]
    public async Task An_oversized_submission_gets_413_and_nothing_is_stored()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var huge = Seed();
        huge["generalSituation"] = new string('Ạ', 200 * 1024);

        var response = await api.SubmitAsync(agencyId, huge);

        Assert.Equal(413, response.Status);
        Assert.Equal(404, (await api.GetLatestAsync(agencyId)).Status);
    }

    [Fact]
    public async Task Unknown_agencies_years_and_versions_are_404_and_malformed_ones_400()
    {
        var agencyId = await api.RegisterAgencyAsync();
        await api.SubmitAsync(agencyId, Seed());

        Assert.Equal(404, (await api.SubmitAsync("vp-unknown-agency", Seed())).Status);
        Assert.Equal(404, (await api.GetLatestAsync("vp-unknown-agency")).Status);
        Assert.Equal(404, (await api.GetLatestAsync(agencyId, "2021")).Status);
        Assert.Equal(404, (await api.GetVersionAsync(agencyId, "2")).Status);
        var badYear = await api.GetLatestAsync(agencyId, "năm-nay");
        Assert.Equal(400, badYear.Status);
        Assert.Equal(["$.route.year"], badYear.ErrorPaths);
        Assert.Equal(["$.route.version"], (await api.GetVersionAsync(agencyId, "0")).ErrorPaths);
    }
}
