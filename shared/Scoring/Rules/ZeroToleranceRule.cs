using System.Text.Json.Serialization;

namespace CulturalServerless.Scoring.Rules;

/// <summary>Any violation takes the whole sub-criterion to zero (e.g. a single ethics violation under 1.3).</summary>
public sealed record ZeroToleranceRule : GateRule
{
    [JsonIgnore]
    public override RuleKind Kind => RuleKind.ZeroTolerance;

    private protected override string ViolationConsequence => " → vi phạm, tiểu mục 0 điểm";
}
