using System.Text;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Rules;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Scoring;

/// <summary>
/// Turns a validated submission into points under its rubric. Pure: no clock, no I/O, decimal
/// arithmetic only, so the same submission always gets the same score and the stored result can
/// be recomputed and compared at any time.
/// </summary>
public static class ScoringEngine
{
    public static ScoreResult Score(Rubric rubric, AssessmentSubmission submission)
    {
        // One builder for the whole result: each explanation is written, copied out and cleared.
        var explanation = new StringBuilder(256);
        var subCriteria = new List<SubCriterionScore>();
        var criteria = new CriterionScore[rubric.Criteria.Count];
        List<KnockOut>? knockOuts = null;
        List<Discrepancy>? discrepancies = null;
        var total = 0m;

        for (var c = 0; c < rubric.Criteria.Count; c++)
        {
            var criterion = rubric.Criteria[c];
            var subtotal = 0m;
            decimal? selfSubtotal = 0m;
            foreach (var item in criterion.Items)
            {
                submission.Criteria.TryGetValue(item.Code, out var report);
                var score = ScoreItem(criterion, item, report, explanation, ref knockOuts);
                subCriteria.Add(score);
                var penalty = item.Kind == ItemKind.Penalty;
                subtotal = penalty ? subtotal - score.Points : subtotal + score.Points;
                selfSubtotal = score.SelfScore is { } self && selfSubtotal is { } soFar ? (penalty ? soFar - self : soFar + self) : null;
                if (score.SelfScore is { } selfScore && selfScore != score.Points)
                {
                    (discrepancies ??= []).Add(ItemDiscrepancy(item, selfScore, score.Points));
                }
            }
            // Penalties can take a criterion to zero, not below: one criterion's faults do not eat another's points.
            subtotal = Math.Max(0m, subtotal);
            criteria[c] = new CriterionScore(criterion.Code, criterion.Title, criterion.MaxPoints, subtotal,
                selfSubtotal is { } selfSum ? Math.Max(0m, selfSum) : null);
            total += subtotal;
        }

        if (submission.SelfTotal is { } selfTotal && selfTotal != total)
        {
            (discrepancies ??= []).Add(TotalDiscrepancy(selfTotal, total));
        }
        var (verdict, reasons) = Decide(rubric, total, knockOuts);
        return new ScoreResult
        {
            RubricId = rubric.Id,
            RubricVersion = rubric.Version,
            Year = submission.Year,
            SubCriteria = subCriteria,
            Criteria = criteria,
            Total = total,
            MaxTotal = rubric.TotalPoints,
            PassThreshold = rubric.PassThreshold,
            SelfTotal = submission.SelfTotal,
            Verdict = verdict,
            Reasons = reasons,
            KnockOuts = knockOuts ?? (IReadOnlyList<KnockOut>)Array.Empty<KnockOut>(),
            Discrepancies = discrepancies ?? (IReadOnlyList<Discrepancy>)Array.Empty<Discrepancy>(),
        };
    }

    private static SubCriterionScore ScoreItem(
        RubricCriterion criterion, RubricItem item, SubCriterionReport? report, StringBuilder explanation, ref List<KnockOut>? knockOuts)
    {
        explanation.Clear();
        var awarded = 0m;
        var hasPointRule = false;
        var missing = false;
        RuleKind? decidedBy = null;
        RuleKind? violatedGate = null;

        for (var r = 0; r < item.Rules.Count; r++)
        {
            var rule = item.Rules[r];
            if (r > 0)
            {
                explanation.Append("; ");
            }
            // The rubric validator guarantees the reference; a missing definition would be a loader bug.
            var indicator = item.FindIndicator(rule.Indicator)
                ?? throw new InvalidOperationException($"Rule of {item.Code} reads undefined indicator '{rule.Indicator}'.");
            var value = IndicatorReader.Read(report, indicator);
            if (!IndicatorReader.HasRightKind(indicator.Kind, value.Type))
            {
                // Scoring an unvalidated submission still gives a safe answer: no figure, no points.
                explanation.Append(indicator.Title).Append(": thiếu số liệu");
                missing = true;
                decidedBy ??= rule.Kind;
                hasPointRule |= rule.AwardsPoints;
                continue;
            }
            var outcome = rule.Evaluate(value, indicator, explanation);
            decidedBy ??= rule.Kind;
            if (rule.AwardsPoints)
            {
                hasPointRule = true;
                awarded += outcome.Points;
            }
            else if (outcome.Violated)
            {
                violatedGate = violatedGate == RuleKind.KnockOut ? RuleKind.KnockOut : rule.Kind;
                if (rule is KnockOutRule knockOut)
                {
                    (knockOuts ??= []).Add(new KnockOut(item.Code, indicator.Id, $"Tiểu mục {item.Code}: {knockOut.Reason ?? indicator.Title}"));
                }
            }
        }

        var points = missing || violatedGate is not null ? 0m : hasPointRule ? Math.Min(awarded, item.MaxPoints) : item.MaxPoints;
        if (item.Rules.Count != 1 || !hasPointRule || missing)
        {
            // In words rather than with ⇒, which the report font lacks.
            explanation.Append("; cả mục: ").AppendNumber(points).Append('/').AppendNumber(item.MaxPoints).Append(" điểm");
        }
        var selfScore = report?.SelfScore;
        return new SubCriterionScore(
            item.Code,
            criterion.Code,
            item.Title,
            item.Kind,
            item.MaxPoints,
            selfScore,
            points,
            violatedGate ?? decidedBy ?? RuleKind.Threshold,
            explanation.ToString(),
            Flags(missing, violatedGate, selfScore is { } self && self != points));
    }

    private static List<ScoreFlag> Flags(bool missing, RuleKind? violatedGate, bool selfDiffers)
    {
        var flags = new List<ScoreFlag>();
        if (missing)
        {
            flags.Add(ScoreFlag.IndicatorMissing);
        }
        if (violatedGate == RuleKind.KnockOut)
        {
            flags.Add(ScoreFlag.KnockOut);
        }
        else if (violatedGate == RuleKind.ZeroTolerance)
        {
            flags.Add(ScoreFlag.ZeroTolerance);
        }
        if (selfDiffers)
        {
            flags.Add(ScoreFlag.SelfScoreDiffers);
        }
        return flags;
    }

    private static Discrepancy ItemDiscrepancy(RubricItem item, decimal self, decimal computed) => new(
        $"{JsonPath.SubCriterion(item.Code)}.selfScore",
        item.Code,
        self,
        computed,
        self - computed,
        $"Tiểu mục {item.Code}: tự chấm {VietnameseNumbers.Format(self)} điểm, tính theo tiêu chí {VietnameseNumbers.Format(computed)} điểm (chênh {Signed(self - computed)}).");

    private static Discrepancy TotalDiscrepancy(decimal self, decimal computed) => new(
        "$.selfTotal",
        Discrepancy.TotalCode,
        self,
        computed,
        self - computed,
        $"Tổng điểm tự chấm {VietnameseNumbers.Format(self)}, tổng điểm tính theo tiêu chí {VietnameseNumbers.Format(computed)} (chênh {Signed(self - computed)}).");

    private static string Signed(decimal difference) =>
        difference > 0m ? $"+{VietnameseNumbers.Format(difference)}" : VietnameseNumbers.Format(difference);

    private static (Verdict Verdict, IReadOnlyList<VerdictReason> Reasons) Decide(Rubric rubric, decimal total, List<KnockOut>? knockOuts)
    {
        var reached = total >= rubric.PassThreshold;
        var reasons = new List<VerdictReason>
        {
            new(reached ? VerdictReason.TotalReached : VerdictReason.TotalBelow,
                $"Tổng điểm {VietnameseNumbers.Format(total)}/{VietnameseNumbers.Format(rubric.TotalPoints)} {(reached ? "≥" : "<")} {VietnameseNumbers.Format(rubric.PassThreshold)} điểm"),
        };
        foreach (var knockOut in knockOuts ?? [])
        {
            reasons.Add(new VerdictReason(VerdictReason.KnockOut, $"{knockOut.Reason}: không công nhận dù đạt bao nhiêu điểm"));
        }
        var passed = reached && knockOuts is null;
        return (passed ? Verdict.Passed : Verdict.Failed, reasons);
    }
}
