namespace CulturalServerless.UnitTests.Scoring;

/// <summary>The seed report's 2022 submission (samples/assessment-2022.json, copied to the test output).</summary>
internal static class SeedSubmission
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Scoring", "Samples", "assessment-2022.json");

    public static string Json => File.ReadAllText(Path);

    public static AssessmentSubmission Load() =>
        JsonSerializer.Deserialize<AssessmentSubmission>(Json, JsonDefaults.Options)
        ?? throw new InvalidOperationException("The sample submission is empty.");
}
