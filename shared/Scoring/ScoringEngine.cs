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
    // One builder per thread, reused: explanations are built and copied out one at a time, and a
    // fresh builder per submission was a tenth of the scorer's allocations.
    [ThreadStatic]
    private static StringBuilder? cachedExplanation;

    public static ScoreResult Score(Rubric rubric, AssessmentSubmission submission)
    {
        var explanation = cachedExplanation ??= new StringBuilder(512);
        var wording = RubricWording.Of(rubric);
        // Sized once: with random self-scores every item and the total may differ.
        var discrepancyCapacity = wording.ItemCount + 1;
        var subCriteria = new SubCriterionScore[wording.ItemCount];
        var itemIndex = 0;
        var criteria = new CriterionScore[rubric.Criteria.Count];
        List<KnockOut>? knockOuts = null;
        List<Discrepancy>? discrepancies = null;
        var total = 0m;

        for (var c = 0; c < rubric.Criteria.Count; c++)
        {
            var criterion = rubric.Criteria[c];
            var itemWording = wording.Items[c];
            var subtotal = 0m;
            decimal? selfSubtotal = 0m;
            for (var i = 0; i < criterion.Items.Count; i++)
            {
                var item = criterion.Items[i];
                submission.Criteria.TryGetValue(item.Code, out var report);
                var score = ScoreItem(criterion, item, itemWording[i], report, explanation, ref knockOuts);
                subCriteria[itemIndex++] = score;
                var penalty = item.Kind == ItemKind.Penalty;
                subtotal = penalty ? subtotal - score.Points : subtotal + score.Points;
                selfSubtotal = score.SelfScore is { } self && selfSubtotal is { } soFar ? (penalty ? soFar - self : soFar + self) : null;
                if (score.SelfScore is { } selfScore && selfScore != score.Points)
                {
                    (discrepancies ??= new(discrepancyCapacity)).Add(ItemDiscrepancy(itemWording[i], item.Code, selfScore, score.Points, explanation));
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
            (discrepancies ??= new(discrepancyCapacity)).Add(TotalDiscrepancy(wording, selfTotal, total, explanation));
        }
        var (verdict, reasons) = Decide(rubric, total, knockOuts, explanation);
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
        RubricCriterion criterion, RubricItem item, ItemWording wording, SubCriterionReport? report, StringBuilder explanation, ref List<KnockOut>? knockOuts)
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
            var ruleWording = wording.Rules[r];
            var indicator = ruleWording.Indicator;
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
            var outcome = rule.Evaluate(value, ruleWording, explanation);
            if (rule.AwardsPoints)
            {
                hasPointRule = true;
                awarded += outcome.Points;
                decidedBy ??= rule.Kind;
            }
            else
            {
                decidedBy ??= rule.Kind;
                if (outcome.Violated)
                {
                    violatedGate = violatedGate == RuleKind.KnockOut ? RuleKind.KnockOut : rule.Kind;
                    if (rule is KnockOutRule knockOut)
                    {
                        (knockOuts ??= []).Add(new KnockOut(item.Code, indicator.Id, $"Tiểu mục {item.Code}: {knockOut.Reason ?? indicator.Title}"));
                    }
                }
            }
        }

        var points = missing || violatedGate is not null ? 0m : hasPointRule ? Math.Min(awarded, item.MaxPoints) : item.MaxPoints;
        if (item.Rules.Count != 1 || !hasPointRule || missing)
        {
            AppendWholeItem(explanation, points, item.MaxPoints, wording);
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
            wording.Explanation(explanation),
            Flags(missing, violatedGate, selfScore is { } self && self != points));
    }

    /// <summary>"; cả mục: 7,5/10 điểm", after the rules of an item with several of them or with gates.</summary>
    private static void AppendWholeItem(StringBuilder explanation, decimal points, decimal max, ItemWording wording)
    {
        if (points == 0m)
        {
            explanation.Append(wording.WholeItemNone);
        }
        else if (points == max)
        {
            explanation.Append(wording.WholeItemFull);
        }
        else
        {
            explanation.Append("; cả mục: ").AppendNumber(points).Append(wording.OutOfMax);
        }
    }

    private static IReadOnlyList<ScoreFlag> Flags(bool missing, RuleKind? violatedGate, bool selfDiffers)
    {
        if (!missing && violatedGate is null)
        {
            // The common cases share one array each instead of a list per item.
            return selfDiffers ? SelfScoreDiffersOnly : Array.Empty<ScoreFlag>();
        }
        var flags = new List<ScoreFlag>(2);
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

    private static readonly ScoreFlag[] SelfScoreDiffersOnly = [ScoreFlag.SelfScoreDiffers];

    private static Discrepancy ItemDiscrepancy(ItemWording wording, string code, decimal self, decimal computed, StringBuilder text)
    {
        var message = Kept(wording.Discrepancies, self, computed, text, wording.DiscrepancyLead, " điểm, tính theo tiêu chí ", " điểm (chênh ");
        return new Discrepancy(wording.SelfScorePath, code, self, computed, self - computed, message);
    }

    private static Discrepancy TotalDiscrepancy(RubricWording wording, decimal self, decimal computed, StringBuilder text)
    {
        var message = Kept(wording.TotalDiscrepancies, self, computed, text, "Tổng điểm tự chấm ", ", tổng điểm tính theo tiêu chí ", " (chênh ");
        return new Discrepancy("$.selfTotal", Discrepancy.TotalCode, self, computed, self - computed, message);
    }

    /// <summary>
    /// A discrepancy's message, "{lead}10{between}7{beforeDifference}+3).": kept per pair of whole
    /// scores once written, else written into the reused builder (an assessment may differ on every item).
    /// </summary>
    private static string Kept(
        WholePairTexts kept, decimal self, decimal computed, StringBuilder text, string lead, string between, string beforeDifference)
    {
        var index = kept.IndexOf(self, computed);
        if (index >= 0 && kept[index] is { } known)
        {
            return known;
        }

        var difference = self - computed;
        text.Clear().Append(lead).AppendNumber(self).Append(between).AppendNumber(computed).Append(beforeDifference);
        (difference > 0m ? text.Append('+') : text).AppendNumber(difference).Append(").");
        var message = text.ToString();
        if (index >= 0)
        {
            kept[index] = message;
        }

        return message;
    }

    private static (Verdict Verdict, IReadOnlyList<VerdictReason> Reasons) Decide(
        Rubric rubric, decimal total, List<KnockOut>? knockOuts, StringBuilder text)
    {
        var reached = total >= rubric.PassThreshold;
        var reasons = new VerdictReason[1 + (knockOuts?.Count ?? 0)];
        text.Clear().Append("Tổng điểm ").AppendNumber(total).Append('/').AppendNumber(rubric.TotalPoints)
            .Append(reached ? " ≥ " : " < ").AppendNumber(rubric.PassThreshold).Append(" điểm");
        reasons[0] = new VerdictReason(reached ? VerdictReason.TotalReached : VerdictReason.TotalBelow, text.ToString());
        for (var k = 0; k < (knockOuts?.Count ?? 0); k++)
        {
            reasons[k + 1] = new VerdictReason(VerdictReason.KnockOut, $"{knockOuts![k].Reason}: không công nhận dù đạt bao nhiêu điểm");
        }
        var passed = reached && (knockOuts is null || knockOuts.Count == 0);
        return (passed ? Verdict.Passed : Verdict.Failed, reasons);
    }
}
