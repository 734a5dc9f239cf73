namespace CulturalServerless.Application.Procedures;

/// <summary>No recognition procedure covers the jurisdiction on the date (unknown province code, or a date before any procedure).</summary>
public sealed class ProcedureNotFoundException(string jurisdiction, DateOnly date, string reason)
    : Exception($"No recognition procedure for jurisdiction '{jurisdiction}' on {date:yyyy-MM-dd}: {reason}")
{
    public string Jurisdiction { get; } = jurisdiction;

    public DateOnly Date { get; } = date;
}
