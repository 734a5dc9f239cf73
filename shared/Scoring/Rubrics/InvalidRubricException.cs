using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>A rubric shipped with the code failed its checks: a defect of the build, not of the caller.</summary>
public sealed class InvalidRubricException(string source, IReadOnlyList<ValidationProblem> problems)
    : Exception($"Rubric '{source}' is invalid: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.MessageEn}")))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
