using System.Text.Json.Serialization;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// A violation takes the sub-criterion to zero and refuses recognition whatever the total (e.g.
/// anyone disciplined at warning level or above under 3.2). <see cref="Reason"/> is the sentence the
/// verdict gives; without it the indicator's title is used.
/// </summary>
public sealed record KnockOutRule : GateRule
{
    public string? Reason { get; init; }

    [JsonIgnore]
    public override RuleKind Kind => RuleKind.KnockOut;

    private protected override string ViolationConsequence => " → loại trực tiếp: không công nhận dù tổng điểm bao nhiêu, tiểu mục 0 điểm";
}
