namespace CulturalServerless.Validation;

/// <summary>Every problem found in one document; valid when there are none.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems)
{
    public static ValidationResult Valid { get; } = new(Array.Empty<ValidationProblem>());

    public bool IsValid => Problems.Count == 0;
}
