namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// Standard items make up their criterion's points; bonus items add to it and penalty items take
/// from it, outside the criterion's own maximum (as in emulation scales with "điểm cộng"/"điểm trừ").
/// </summary>
public enum ItemKind
{
    Standard,
    Bonus,
    Penalty,
}
