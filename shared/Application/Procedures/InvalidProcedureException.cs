namespace CulturalServerless.Application.Procedures;

/// <summary>A procedure file that cannot be used: every problem found, so that one fix round is enough. Raised at start-up.</summary>
public sealed class InvalidProcedureException(string source, IReadOnlyList<string> problems)
    : Exception($"The recognition procedures in {source} cannot be used: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
