namespace CulturalServerless.Validation;

/// <summary>
/// Collects problems while a validator walks a document, so that the caller gets all of them at
/// once. Allocates nothing until the first problem: valid documents are the common case.
/// </summary>
public sealed class ValidationProblemList
{
    private List<ValidationProblem>? problems;

    public int Count => problems?.Count ?? 0;

    public void Add(string path, string code, string message, string messageEn) =>
        (problems ??= []).Add(new ValidationProblem(path, code, message, messageEn));

    public ValidationResult ToResult() => problems is null ? ValidationResult.Valid : new ValidationResult(problems.ToArray());
}
