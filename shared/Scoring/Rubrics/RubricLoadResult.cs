using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>A loaded rubric, usable only when <see cref="Validation"/> is valid.</summary>
public sealed record RubricLoadResult(Rubric? Rubric, ValidationResult Validation)
{
    public bool IsValid => Rubric is not null && Validation.IsValid;
}
