using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Serialization;

namespace CulturalServerless.Benchmarks;

/// <summary>
/// Validate + score (with the NFC check) of the seed submission, and of 10,000 varied submissions.
/// Both report time and allocation per submission (the batch uses OperationsPerInvoke).
/// Budget: under 100 µs and under 20 KB per submission. The Cosmos DB round trip around scoring
/// takes milliseconds, so code that is faster than this buys nothing a user feels (issue 12).
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int BatchSize = 10_000;
    private AssessmentEvaluator evaluator = null!;
    private Rubric rubric = null!;
    private AssessmentSubmission seed = null!;
    private AssessmentSubmission[] batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        evaluator = new AssessmentEvaluator(RubricCatalog.Shipped);
        var path = Path.Combine(AppContext.BaseDirectory, "assessment-2022.json");
        seed = JsonSerializer.Deserialize<AssessmentSubmission>(File.ReadAllText(path), JsonDefaults.Options)!;
        rubric = RubricCatalog.Shipped.Find(seed.RubricId!)!;
        batch = Variations.Of(rubric, seed, BatchSize, seed: 2022);
        if (!evaluator.Evaluate(seed).IsValid || batch.Any(s => !evaluator.Evaluate(s).IsValid))
        {
            throw new InvalidOperationException("The benchmark submissions must be valid, or only validation would be measured.");
        }
    }

    [Benchmark(Baseline = true, Description = "Validate + score the seed submission")]
    public ScoreResult? One() => evaluator.Evaluate(seed).Score;

    [Benchmark(Description = "of which: validate only")]
    public bool ValidateOnly() => SubmissionValidator.Validate(rubric, seed).IsValid;

    [Benchmark(Description = "of which: score only")]
    public ScoreResult ScoreOnly() => ScoringEngine.Score(rubric, seed);

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Validate + score 10,000 submissions (per submission)")]
    public decimal TenThousand()
    {
        var total = 0m;
        foreach (var submission in batch)
        {
            total += evaluator.Evaluate(submission).Score!.Total;
        }
        return total;
    }
}
