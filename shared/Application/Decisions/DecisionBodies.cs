namespace CulturalServerless.Application.Decisions;

/// <summary>The body of <c>POST /api/decisions</c>; members nullable so a missing or null one is a validation problem.</summary>
public sealed record DecisionRequest
{
    /// <summary>The jurisdiction it is issued for (a dotted code); every agency listed lies within it.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The last year of the periods recognised: its final appraisal completes them.</summary>
    public int? Year { get; init; }

    /// <summary>The name of who signs for the recognising body (its title comes from the procedure).</summary>
    public string? SignerName { get; init; }

    public IReadOnlyList<string?>? AgencyIds { get; init; }
}
