namespace CulturalServerless.Scoring.Rules;

public enum RuleKind
{
    /// <summary>Full points at or above a bar, else the first graduated step reached, else zero.</summary>
    Threshold,
    /// <summary>Any violation takes the whole item to zero.</summary>
    ZeroTolerance,
    /// <summary>Points in proportion to where the value lies between a zero mark and a full mark.</summary>
    Proportional,
    /// <summary>A violation takes the item to zero and refuses recognition whatever the total.</summary>
    KnockOut,
    /// <summary>Points per unit up to a cap; used by bonus and penalty items.</summary>
    PerUnit,
}
