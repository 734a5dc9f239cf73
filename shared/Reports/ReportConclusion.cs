namespace CulturalServerless.Reports;

/// <summary>
/// Section IV: "TỔNG ĐIỂM TỰ CHẤM: 98/100 điểm; đạt cơ quan văn hóa năm 2022." and the request to
/// the steering committee to recognise the agency.
/// </summary>
public sealed record ReportConclusion(decimal SelfScore, decimal MaxScore, string Verdict, string RecognitionRequest);
