using CulturalServerless.Application.Procedures;

namespace CulturalServerless.Application.Decisions;

/// <summary>An earlier recognition of an agency: its kind and the years it covers.</summary>
public sealed record PriorRecognition(RecognitionKind Kind, int FromYear, int ToYear, string DecisionId);

/// <summary>
/// What an agency may be recognised for in a year, and why not: a first recognition covers the
/// <c>FirstRecognitionAfterYears</c> years ending then, each of which met the standard in its final
/// appraisal; once recognised, a re-recognition covers the next <c>ReRecognitionEveryYears</c> years
/// after the last period, each met. Pure rules over the met years and the earlier recognitions.
/// </summary>
public static class RecognitionEligibility
{
    public sealed record Verdict(RecognitionKind Kind, int FromYear, int ToYear, IReadOnlyList<string> Reasons, IReadOnlyList<int> MissingYears)
    {
        public bool Eligible => Reasons.Count == 0;
    }

    public static Verdict For(int year, IReadOnlySet<int> metYears, IReadOnlyList<PriorRecognition> prior, int firstAfter, int reEvery)
    {
        var last = prior.OrderBy(p => p.ToYear).LastOrDefault();
        var kind = last is null ? RecognitionKind.First : RecognitionKind.ReRecognition;
        var span = kind == RecognitionKind.First ? firstAfter : reEvery;
        var from = year - span + 1;
        var reasons = new List<string>();
        if (last is not null && from <= last.ToYear)
        {
            reasons.Add($"đã được công nhận giai đoạn {Period(last.FromYear, last.ToYear)}; công nhận lại sau {reEvery} năm, sớm nhất năm {last.ToYear + reEvery}");
        }
        var missing = Enumerable.Range(from, span).Where(y => !metYears.Contains(y)).ToList();
        if (missing.Count > 0)
        {
            reasons.Add($"năm {string.Join(", ", missing)} chưa có kết quả thẩm định đạt chuẩn (cần {span} năm liên tục {Period(from, year)})");
        }
        return new Verdict(kind, from, year, reasons, missing);
    }

    /// <summary>
    /// The next recognition the agency can get: the earliest period whose years all either met the
    /// standard or are still open (<paramref name="firstOpenYear"/> and later, not yet appraised);
    /// eligible now when every year of it met the standard already.
    /// </summary>
    public static Verdict Next(int firstOpenYear, IReadOnlySet<int> metYears, IReadOnlySet<int> failedYears, IReadOnlyList<PriorRecognition> prior,
        int firstAfter, int reEvery)
    {
        var last = prior.OrderBy(p => p.ToYear).LastOrDefault();
        var span = last is null ? firstAfter : reEvery;
        var start = last is null ? (metYears.Count == 0 ? firstOpenYear : Math.Min(metYears.Min(), firstOpenYear)) + span - 1 : last.ToYear + reEvery;
        bool Blocks(int year) => failedYears.Contains(year) || (year < firstOpenYear && !metYears.Contains(year));
        for (var year = start; year < start + 100; year++)
        {
            if (!Enumerable.Range(year - span + 1, span).Any(Blocks)) return For(year, metYears, prior, firstAfter, reEvery);
        }
        return For(start, metYears, prior, firstAfter, reEvery);
    }

    public static string Period(int from, int to) => from == to ? $"{to}" : $"{from}–{to}";
}
