namespace CulturalServerless.Scoring;

/// <summary>What a reviewer should look at in one sub-criterion's result.</summary>
public enum ScoreFlag
{
    /// <summary>The agency's self-score differs from the computed points.</summary>
    SelfScoreDiffers,
    /// <summary>A zero-tolerance rule was violated: the item scores zero.</summary>
    ZeroTolerance,
    /// <summary>A knock-out rule was violated: the agency cannot be recognised.</summary>
    KnockOut,
    /// <summary>A figure a rule needs was missing or of the wrong kind, so the item scores zero.</summary>
    IndicatorMissing,
}
