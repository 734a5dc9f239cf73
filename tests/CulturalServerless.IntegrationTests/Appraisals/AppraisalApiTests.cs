using CulturalServerless.Application.Access;
using ApiClient = CulturalServerless.IntegrationTests.Api.ApiClient;

namespace CulturalServerless.IntegrationTests.Appraisals;

/// <summary>Every step of the appraisal and every refusal, through the function classes, against the emulators.</summary>
public sealed class AppraisalApiTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private AppraisalCalls Calls => new(app, api);

    private static JsonObject Seed() => ApiClient.Sample("assessment-2022.json");

    private async Task<string> SubmittedAsync(string? jurisdiction = null)
    {
        var agencyId = await api.RegisterAgencyAsync(jurisdiction);
        Assert.Equal(201, (await api.SubmitAsync(agencyId, Seed())).Status);
        return agencyId;
    }

    private static string Today(int days = 0) =>
        CulturalServerless.Calendar.VietnamCalendar.Today(TimeProvider.System).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_assessment_appraised_as_computed_passes_at_once_and_is_locked_against_superseding()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();

        var final = await calls.PassAsync(agencyId);

        Assert.Equal("final", (string?)final.Json["state"]);
        Assert.Equal("meets", (string?)final.Json["result"]);
        Assert.Equal((decimal)final.Json["computedTotal"]!, (decimal)final.Json["appraisedTotal"]!);
        Assert.Equal(12, final.Json["items"]!.AsArray().Count);
        Assert.Equal(["appraisal-recorded", "appraisal-final"], final.Json["history"]!.AsArray().Select(h => (string?)h!["action"]));
        var assessment = await api.GetLatestAsync(agencyId);
        Assert.Equal("final", (string?)assessment.Json["appraisal"]!["state"]);
        Assert.Equal("meets", (string?)assessment.Json["appraisal"]!["result"]);
        Assert.Contains(assessment.Json["history"]!.AsArray(), h => (string?)h!["action"] == "appraisal-final" && ((string?)h["actor"]!["client"])!.StartsWith("reviewer-51", StringComparison.Ordinal));

        var correction = await api.ResubmitAsync(agencyId, Seed());
        Assert.Equal(409, correction.Status);
        Assert.Equal("/problems/assessment-locked", (string?)correction.Json["type"]);
        var withoutIfMatch = await api.SubmitAsync(agencyId, Seed());
        Assert.Equal(409, withoutIfMatch.Status);
        Assert.Equal("/problems/assessment-locked", (string?)withoutIfMatch.Json["type"]);
        Assert.Equal(1, (int?)(await api.GetLatestAsync(agencyId)).Json["latestVersion"]);
    }

    [Fact]
    public async Task Appraised_points_below_the_self_score_show_item_by_item_and_an_explanation_round_leads_to_a_pass()
    {
        var calls = Calls;
        var agencyId = await api.RegisterAgencyAsync();
        var seed = Seed();
        seed["criteria"]!["1.4"]!["selfScore"] = 5;
        var submitted = await api.SubmitAsync(agencyId, seed);
        Assert.True(submitted.Status == 201, submitted.Body?.ToJsonString());
        var first = await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId, new Dictionary<string, decimal> { ["1.4"] = 3 }));
        Assert.Equal(200, first.Status);
        var item = first.Json["items"]!.AsArray().Single(i => (string?)i!["code"] == "1.4")!;
        Assert.Equal(3m, (decimal?)item["appraisedPoints"]);
        Assert.True((bool?)item["differsFromSelf"]);
        Assert.Equal(5m, (decimal?)item["selfScore"]);
        Assert.Equal(-2m, (decimal?)item["differenceFromSelf"]);
        Assert.Equal(3m - (decimal)item["computedPoints"]!, (decimal?)item["differenceFromComputed"]);

        var asked = await calls.RequestExplanationAsync(agencyId, new JsonObject
        {
            ["deadline"] = Today(7),
            ["message"] = "Đề nghị bổ sung minh chứng.",
            ["items"] = new JsonArray(new JsonObject { ["code"] = "1.4", ["question"] = "Số liệu hài lòng lấy từ đâu?" }),
        }, first.Headers.ETag.ToString());
        Assert.Equal(200, asked.Status);
        Assert.Equal("explanation-requested", (string?)asked.Json["state"]);

        // The agency's portal sees the request, and answers it.
        var seen = await calls.GetAsync(agencyId, await api.PortalTokenAsync(agencyId));
        Assert.Equal(200, seen.Status);
        Assert.Equal("1.4", (string?)seen.Json["explanationRequest"]!["items"]![0]!["code"]);
        var answered = await calls.AnswerAsync(agencyId, new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["code"] = "1.4", ["explanation"] = "Theo phần mềm đánh giá của Trung tâm Phục vụ hành chính công.",
                ["evidence"] = new JsonArray("Báo cáo 1979/BC-VP ngày 11/11/2022"),
            }),
        }, seen.Headers.ETag.ToString());
        Assert.Equal(200, answered.Status);
        Assert.Equal("second-round", (string?)answered.Json["state"]);
        Assert.Equal(2, (int?)answered.Json["round"]);

        var second = await calls.RecordAsync(agencyId, new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["code"] = "1.4", ["points"] = (decimal)item["computedPoints"]!, ["comment"] = "Giải trình đạt." }),
        }, answered.Headers.ETag.ToString());
        Assert.Equal(200, second.Status);
        var again = second.Json["items"]!.AsArray().Single(i => (string?)i!["code"] == "1.4")!;
        Assert.Equal(3m, (decimal?)again["firstRound"]!["points"]);
        Assert.Equal((decimal)item["computedPoints"]!, (decimal?)again["appraisedPoints"]);
        var final = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" }, second.Headers.ETag.ToString());
        Assert.Equal(200, final.Status);
        Assert.Equal(
            ["appraisal-recorded", "explanation-requested", "explanation-answered", "appraisal-recorded", "appraisal-final"],
            final.Json["history"]!.AsArray().Select(h => (string?)h!["action"]));
    }

    [Fact]
    public async Task An_agency_that_does_not_meet_the_standard_gets_the_reasons_on_its_assessment()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        var low = await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId, new Dictionary<string, decimal> { ["1.1"] = 0, ["1.2"] = 0, ["1.4"] = 0 }));
        Assert.Equal(200, low.Status);

        var claimedPass = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" }, low.Headers.ETag.ToString());
        var withoutReasons = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "does-not-meet" }, low.Headers.ETag.ToString());
        var final = await calls.FinalizeAsync(agencyId, new JsonObject
        {
            ["result"] = "does-not-meet", ["reasons"] = new JsonArray("Tổng điểm thẩm định dưới 85 điểm."),
        }, low.Headers.ETag.ToString());

        Assert.Equal(400, claimedPass.Status);
        Assert.Contains("below-threshold", claimedPass.ErrorCodes);
        Assert.Equal(400, withoutReasons.Status);
        Assert.Contains("$.reasons", withoutReasons.ErrorPaths);
        Assert.Equal(200, final.Status);
        var appraisal = (await api.GetLatestAsync(agencyId)).Json["appraisal"]!;
        Assert.Equal("does-not-meet", (string?)appraisal["result"]);
        Assert.Equal("Tổng điểm thẩm định dưới 85 điểm.", (string?)appraisal["reasons"]![0]);
        var row = (await api.ListAsync($"year=2022&jurisdiction=51.522&pageSize=100")).Json["items"]!.AsArray().Single(r => (string?)r!["agencyId"] == agencyId)!;
        Assert.Equal("final", (string?)row["appraisalState"]);
        Assert.Equal("does-not-meet", (string?)row["appraisalResult"]);
        Assert.True((decimal)row["appraisedTotal"]! < 85m);
    }

    [Fact]
    public async Task Appraising_an_agency_with_only_a_draft_is_409_not_submitted()
    {
        var calls = Calls;
        var agencyId = await api.RegisterAgencyAsync();
        var drafts = new Functions.Http.Assessments.AssessmentDraftFunctions(app.Get<AssessmentDraftService>(), NullLogger<Functions.Http.Assessments.AssessmentDraftFunctions>.Instance);
        var save = app.Request(await api.PortalTokenAsync(agencyId), "PUT", $"/api/agencies/{agencyId}/assessments/2022/draft", Seed().ToJsonString());
        Assert.Equal(201, (await HttpCalls.ExecuteAsync(save, drafts.Save(save, agencyId, "2022", CancellationToken.None))).Status);

        var response = await calls.RecordAsync(agencyId, await ItemsOfSeedAsync(), ifMatch: "\"anything\"");

        Assert.Equal(409, response.Status);
        Assert.Equal("/problems/not-submitted", (string?)response.Json["type"]);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    private static Task<JsonObject> ItemsOfSeedAsync() => Task.FromResult(new JsonObject
    {
        ["items"] = new JsonArray(new JsonObject { ["code"] = "1.1", ["points"] = 1 }),
    });

    [Fact]
    public async Task A_committee_out_of_scope_gets_404_and_a_portal_or_admin_gets_403()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        var body = await ItemsOfSeedAsync();

        var otherProvince = await calls.RecordAsync(agencyId, body, token: await calls.ReviewerAsync("52"));
        var otherDistrict = await calls.RecordAsync(agencyId, body, token: await calls.ReviewerAsync("51.523"));
        var portal = await calls.RecordAsync(agencyId, body, token: await api.PortalTokenAsync(agencyId));
        var admin = await calls.RecordAsync(agencyId, body, token: TestTokens.Admin);
        var decider = await calls.RecordAsync(agencyId, body, token: await calls.TokenAsync(Roles.Decider, "51"));
        var read = await calls.GetAsync(agencyId, await calls.ReviewerAsync("52"));

        Assert.Equal(404, otherProvince.Status);
        Assert.Equal(404, otherDistrict.Status);
        Assert.Equal(404, read.Status);
        Assert.Equal(403, portal.Status);
        Assert.Equal(403, admin.Status);
        Assert.Equal(403, decider.Status);
        Assert.Equal(404, (await calls.GetAsync(agencyId)).Status); // nothing was recorded
    }

    [Fact]
    public async Task Concurrent_appraisers_need_If_Match_428_without_and_the_second_with_a_stale_ETag_gets_412()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        var seen = await calls.ETagAsync(agencyId);
        var body = await calls.AllItemsAsync(agencyId);

        var without = await calls.RecordAsync(agencyId, body, AppraisalCalls.NoIfMatch);
        var one = await calls.RecordAsync(agencyId, body, seen, await calls.ReviewerAsync("51", "-a"));
        var other = await calls.RecordAsync(agencyId, body, seen, await calls.ReviewerAsync("51", "-b"));
        var garbage = await calls.RecordAsync(agencyId, body, "\"not-ours\"");

        Assert.Equal(428, without.Status);
        Assert.Contains("$.headers.If-Match", without.ErrorPaths);
        Assert.Equal(200, one.Status);
        Assert.Equal(412, other.Status);
        Assert.Equal("/problems/precondition-failed", (string?)other.Json["type"]);
        Assert.Equal(412, garbage.Status);
        Assert.Single((await calls.GetAsync(agencyId)).Json["history"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_marks_are_refused_with_every_problem_at_once_and_a_JSON_null_is_400()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["code"] = "9.9", ["points"] = 1 },
                new JsonObject { ["code"] = "1.1", ["points"] = 1000 },
                new JsonObject { ["code"] = "1.2", ["points"] = null },
                null,
                new JsonObject { ["code"] = "1.3", ["points"] = 1, ["comment"] = new string('x', 3000) }),
        };

        var response = await calls.RecordAsync(agencyId, body);
        var nullItems = await calls.RecordAsync(agencyId, new JsonObject { ["items"] = null });

        Assert.Equal(400, response.Status);
        Assert.Equal(["$.items[0].code", "$.items[1].points", "$.items[2].points", "$.items[3]", "$.items[4].comment"], response.ErrorPaths);
        Assert.All(response.Json["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["messageEn"])));
        Assert.Equal(400, nullItems.Status);
        Assert.Contains("$.items", nullItems.ErrorPaths);
    }

    [Fact]
    public async Task Refused_transitions_answering_without_a_request_finalising_while_waiting_and_appraising_after_final()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        var answer = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["code"] = "1.1", ["explanation"] = "…" }) };

        var answerBeforeAnything = await calls.AnswerAsync(agencyId, answer);
        var finalBeforeAnything = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" });
        var requestBeforeAnything = await calls.RequestExplanationAsync(agencyId, Question("1.1"));
        Assert.Equal(200, (await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId))).Status);
        var pastDeadline = await calls.RequestExplanationAsync(agencyId, Question("1.1", Today(-1)));
        var unknownItem = await calls.RequestExplanationAsync(agencyId, Question("7.7"));
        Assert.Equal(200, (await calls.RequestExplanationAsync(agencyId, Question("1.1"))).Status);
        var secondRequest = await calls.RequestExplanationAsync(agencyId, Question("1.2"));
        var finalWhileWaiting = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" });
        var recordWhileWaiting = await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId));
        var answerByReviewer = await calls.AnswerAsync(agencyId, answer, token: await calls.ReviewerAsync());
        var answerNotAsked = await calls.AnswerAsync(agencyId, new JsonObject { ["items"] = new JsonArray(new JsonObject { ["code"] = "1.2", ["explanation"] = "x" }) });
        Assert.Equal(200, (await calls.AnswerAsync(agencyId, answer)).Status);
        var answerTwice = await calls.AnswerAsync(agencyId, answer);
        Assert.Equal(200, (await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" })).Status);
        var recordAfterFinal = await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId));
        var finalAgain = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" });

        foreach (var refused in new[] { answerBeforeAnything, finalBeforeAnything, requestBeforeAnything, secondRequest, finalWhileWaiting, recordWhileWaiting, answerTwice, recordAfterFinal, finalAgain })
        {
            Assert.Equal(409, refused.Status);
            Assert.Equal("/problems/invalid-transition", (string?)refused.Json["type"]);
        }
        Assert.Equal(400, pastDeadline.Status);
        Assert.Contains("$.deadline", pastDeadline.ErrorPaths);
        Assert.Equal(400, unknownItem.Status);
        Assert.Contains("$.items[0].code", unknownItem.ErrorPaths);
        Assert.Equal(403, answerByReviewer.Status);
        Assert.Equal(400, answerNotAsked.Status);
        Assert.Contains("not-asked", answerNotAsked.ErrorCodes);
        Assert.Contains("unanswered", answerNotAsked.ErrorCodes);
    }

    [Fact]
    public async Task Without_a_deadline_the_request_for_explanation_takes_the_procedures_answer_period()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        Assert.Equal(200, (await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId))).Status);
        var days = app.Get<CulturalServerless.Application.Procedures.IRecognitionProcedures>()
            .For("51.522", CulturalServerless.Calendar.VietnamCalendar.Today(TimeProvider.System)).Deadlines.ExplanationAnswerDays;

        var asked = await calls.RequestExplanationAsync(agencyId, new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["code"] = "2.1", ["question"] = "Minh chứng?" }),
        });

        Assert.Equal(200, asked.Status);
        Assert.Equal(Today(days), (string?)asked.Json["explanationRequest"]!["deadline"]);
    }

    private static JsonObject Question(string code, string? deadline = null) => new()
    {
        ["deadline"] = deadline ?? Today(10),
        ["items"] = new JsonArray(new JsonObject { ["code"] = code, ["question"] = $"Đề nghị làm rõ tiêu chí {code}." }),
    };

    [Fact]
    public async Task A_correction_during_the_appraisal_keeps_the_points_and_must_be_appraised_again_before_the_final_result()
    {
        var calls = Calls;
        var agencyId = await SubmittedAsync();
        Assert.Equal(200, (await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId))).Status);
        Assert.Equal(200, (await calls.RequestExplanationAsync(agencyId, Question("1.5"))).Status);

        var corrected = await api.ResubmitAsync(agencyId, Seed());
        Assert.Equal(201, corrected.Status);
        var outdated = await calls.GetAsync(agencyId);
        Assert.True((bool?)outdated.Json["outdated"]);
        Assert.Equal(1, (int?)outdated.Json["version"]);
        Assert.Equal(12, outdated.Json["items"]!.AsArray().Count(i => i!["firstRound"] is not null));

        Assert.Equal(200, (await calls.AnswerAsync(agencyId, new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["code"] = "1.5", ["explanation"] = "Đã nộp phiên bản 2 bổ sung sáng kiến." }),
        })).Status);
        var beforeReappraisal = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" });
        Assert.Equal(409, beforeReappraisal.Status);
        Assert.Equal(200, (await calls.RecordAsync(agencyId, await calls.AllItemsAsync(agencyId))).Status);
        var final = await calls.FinalizeAsync(agencyId, new JsonObject { ["result"] = "meets" });

        Assert.Equal(200, final.Status);
        Assert.Equal(2, (int?)final.Json["version"]);
        Assert.Equal(2, (int?)final.Json["explanationAnswer"]!["version"]);
        Assert.False((bool?)final.Json["outdated"]);
    }
}
