using System.Text.Json.Nodes;
using CulturalServerless.Application.Problems;
using CulturalServerless.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace CulturalServerless.UnitTests.Scoring;

/// <summary>
/// The seed submission with one field broken at a time — every property and every array element
/// set to null, to a value of another JSON type, or removed — read as the HTTP layer reads a body
/// (<see cref="JsonBody"/>) and evaluated. Each must end as problems with JSON paths: a JSON
/// reading problem (the 400 for unreadable JSON) or validation problems, never another exception.
/// </summary>
public sealed class SubmissionMutationTests
{
    private static readonly AssessmentEvaluator Evaluator = new(RubricCatalog.Shipped);

    [Fact]
    public async Task Every_field_nulled_retyped_or_removed_gives_problems_with_paths_and_never_throws()
    {
        var mutations = JsonMutations.Of(JsonNode.Parse(SeedSubmission.Json)!).ToList();
        Assert.True(mutations.Count > 300, $"Only {mutations.Count} mutations of the sample.");

        var failures = new List<string>();
        foreach (var mutation in mutations)
        {
            var outcome = await OutcomeAsync(mutation.Json);
            if (Check(outcome, mutation.Path, nulled: mutation.Change == "null") is { } failure)
            {
                failures.Add($"{mutation.Path} {mutation.Change}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations.Count} mutations failed:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Nulls_in_remarks_a_criterion_its_indicators_and_its_evidence_are_all_reported_at_once()
    {
        var json = JsonNode.Parse(SeedSubmission.Json)!;
        json["remarks"] = null;
        json["criteria"]!["2.1"] = null;
        json["criteria"]!["1.3"]!["indicators"] = null;
        json["criteria"]!["1.2"]!["evidence"]![1] = null;
        json["criteria"]!["1.4"]!["evidence"] = null;

        var outcome = await OutcomeAsync(json.ToJsonString());

        var problems = Assert.IsType<AssessmentEvaluation>(outcome.Evaluation).Validation.Problems;
        Assert.Equal(
            [
                ("$.criteria['1.2'].evidence[1]", "submission.required"),
                ("$.criteria['1.3'].indicators", "submission.null"),
                ("$.criteria['1.4'].evidence", "submission.null"),
                ("$.criteria['2.1']", "submission.null"),
                ("$.remarks", "submission.null"),
            ],
            problems.Select(p => (p.Path, p.Code)));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message) || string.IsNullOrWhiteSpace(p.MessageEn)));
    }

    [Theory]
    [InlineData("$.criteria['1.1'].narrative", """{ "criteria": { "1.1": { "narrative": 5 } } }""")]
    [InlineData("$.criteria['1.2'].evidence[1]", """{ "criteria": { "1.2": { "evidence": ["a", {}] } } }""")]
    [InlineData("$.criteria['1.4'].indicators.satisfiedCount", """{ "criteria": { "1.4": { "indicators": { "satisfiedCount": [1] } } } }""")]
    [InlineData("$.staff.categories.officials", """{ "staff": { "categories": { "officials": null } } }""")]
    [InlineData("$.year", """{ "year": null }""")]
    [InlineData("$.recommendations", """{ "recommendations": "\ud800" }""")]
    public async Task Unreadable_JSON_is_a_problem_at_the_path_where_reading_stopped(string path, string json)
    {
        var outcome = await OutcomeAsync(json);

        var problem = Assert.Single(Assert.IsType<ApiProblemException>(outcome.Refused).Errors);
        Assert.Equal((path, "malformed-json"), (problem.Path, problem.Code));
    }

    private sealed record Outcome(ApiProblemException? Refused, AssessmentEvaluation? Evaluation, Exception? Unexpected);

    /// <summary>The body read by <see cref="JsonBody"/>, as a request to the API is, then evaluated.</summary>
    private static async Task<Outcome> OutcomeAsync(string json)
    {
        AssessmentSubmission submission;
        try
        {
            submission = await JsonBody.ReadAsync<AssessmentSubmission>(Request(json), CancellationToken.None);
        }
        catch (ApiProblemException refused) when (refused.Type == ProblemType.MalformedJson)
        {
            return new Outcome(refused, null, null);
        }
        catch (Exception unexpected)
        {
            return new Outcome(null, null, unexpected);
        }
        try
        {
            return new Outcome(null, Evaluator.Evaluate(submission, jurisdiction: "51"), null);
        }
        catch (Exception unexpected)
        {
            return new Outcome(null, null, unexpected);
        }
    }

    /// <summary>Why the outcome is wrong, or null. A nulled field that makes the submission invalid must be named itself.</summary>
    private static string? Check(Outcome outcome, string path, bool nulled)
    {
        if (outcome.Unexpected is { } unexpected)
        {
            return $"threw {unexpected.GetType().Name}: {unexpected.Message}";
        }
        if (outcome.Refused is { } refused)
        {
            return refused.Errors.Count > 0 && refused.Errors.All(e => e.Path.StartsWith('$')) ? null : $"JSON refused without a $-path: {refused.Detail}";
        }
        var evaluation = outcome.Evaluation!;
        if (evaluation.IsValid)
        {
            return evaluation.Score is null ? "valid but not scored" : null;
        }
        IReadOnlyList<ValidationProblem> problems = evaluation.Validation.Problems;
        if (!problems.Any(p => p.Path.StartsWith('$')))
        {
            return "invalid without a problem that has a $-path";
        }
        return nulled && !problems.Any(p => p.Path == path)
            ? $"invalid, but no problem at {path}: {string.Join("; ", problems.Select(p => $"{p.Path} {p.Code}"))}"
            : null;
    }

    private static HttpRequest Request(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }
}
