namespace CulturalServerless.UnitTests.Scoring;

/// <summary>
/// A small rubric for one jurisdiction that uses what the default rubric does not: proportional
/// points, "above" bars, a yes/no knock-out, a bonus item and a penalty item larger than its criterion.
/// </summary>
internal static class TrialRubric
{
    public const string Json = """
    {
      "id": "thu-nghiem-2024",
      "version": 2,
      "title": "Thang điểm thử nghiệm",
      "years": [2024, 2025],
      "jurisdictions": ["29"],
      "totalPoints": 20,
      "passThreshold": 15,
      "staffCategories": [{ "id": "officials", "title": "cán bộ, công chức" }],
      "criteria": [{
        "code": "1", "title": "Hoàn thành nhiệm vụ", "maxPoints": 20,
        "items": [
          { "code": "1.1", "title": "Kế hoạch", "requirement": "Hoàn thành kế hoạch công tác năm.", "maxPoints": 10,
            "indicators": [{ "id": "planShare", "kind": "percentage", "title": "Tỷ lệ hoàn thành kế hoạch" }],
            "rules": [{ "kind": "proportional", "indicator": "planShare", "points": 10, "zero": 50, "full": 100 }] },
          { "code": "1.2", "title": "Đúng hạn", "requirement": "Giải quyết hồ sơ đúng hạn; kiểm toán đạt.", "maxPoints": 10,
            "indicators": [
              { "id": "onTimeShare", "kind": "percentage", "title": "Tỷ lệ đúng hạn" },
              { "id": "auditPassed", "kind": "boolean", "title": "Kết quả kiểm toán đạt" },
              { "id": "seriousIncidents", "kind": "count", "title": "Số sự cố nghiêm trọng", "unit": "vụ" }],
            "rules": [
              { "kind": "threshold", "indicator": "onTimeShare", "points": 10, "above": 98, "steps": [{ "above": 90, "points": 5 }] },
              { "kind": "knock-out", "indicator": "auditPassed", "expected": true, "reason": "kiểm toán không đạt" },
              { "kind": "knock-out", "indicator": "seriousIncidents" }] },
          { "code": "1.3", "title": "Sáng kiến cấp tỉnh", "requirement": "Điểm cộng cho sáng kiến cấp tỉnh.", "maxPoints": 4, "kind": "bonus",
            "indicators": [{ "id": "provincialInitiatives", "kind": "count", "title": "Số sáng kiến cấp tỉnh", "unit": "sáng kiến" }],
            "rules": [{ "kind": "per-unit", "indicator": "provincialInitiatives", "pointsPerUnit": 1.5, "points": 4 }] },
          { "code": "1.4", "title": "Vi phạm", "requirement": "Điểm trừ cho mỗi vụ vi phạm.", "maxPoints": 30, "kind": "penalty",
            "indicators": [{ "id": "violations", "kind": "count", "title": "Số vụ vi phạm", "unit": "vụ" }],
            "rules": [{ "kind": "per-unit", "indicator": "violations", "pointsPerUnit": 2, "points": 30 }] }
        ]
      }]
    }
    """;

    public static Rubric Rubric { get; } = RubricLoader.Load(Json) is { IsValid: true } loaded
        ? loaded.Rubric!
        : throw new InvalidOperationException("The trial rubric is invalid.");

    public static AssessmentSubmission Submission(
        decimal planShare = 100m,
        IndicatorValue? onTimeShare = null,
        bool auditPassed = true,
        decimal seriousIncidents = 0m,
        decimal initiatives = 0m,
        decimal violations = 0m) => new()
        {
            RubricId = "thu-nghiem-2024",
            Year = 2024,
            Staff = new StaffCounts { Total = 5, Categories = new Dictionary<string, int> { ["officials"] = 5 } },
            GeneralSituation = "Cơ quan thử nghiệm.",
            Criteria = new Dictionary<string, SubCriterionReport>
            {
                ["1.1"] = Report(("planShare", IndicatorValue.Of(planShare))),
                ["1.2"] = Report(("onTimeShare", onTimeShare ?? IndicatorValue.Of(100m)), ("auditPassed", IndicatorValue.Of(auditPassed)), ("seriousIncidents", IndicatorValue.Of(seriousIncidents))),
                ["1.3"] = Report(("provincialInitiatives", IndicatorValue.Of(initiatives))),
                ["1.4"] = Report(("violations", IndicatorValue.Of(violations))),
            },
        };

    private static SubCriterionReport Report(params (string Id, IndicatorValue Value)[] values) =>
        new() { Indicators = values.ToDictionary(v => v.Id, v => v.Value) };
}
