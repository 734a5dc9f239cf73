namespace CulturalServerless.UnitTests.Procedures;

/// <summary>One complete procedure as a <c>Procedures__Path</c> file gives it, for the tests to vary.</summary>
internal static class ProcedureFiles
{
    public static string Procedure(string id, string jurisdictions, string from, string symbol, string committee = "Ban Chỉ đạo {province}") => $$"""
        {
          "id": "{{id}}", "jurisdictions": {{jurisdictions}}, "validFrom": "{{from}}",
          "body": { "name": "LIÊN ĐOÀN LAO ĐỘNG {PROVINCE}", "parentBody": "TỔNG LĐLĐ VIỆT NAM", "symbol": "{{symbol}}",
                    "authority": "BAN THƯỜNG VỤ", "authorityInText": "Ban Thường vụ", "signerTitle": "CHỦ TỊCH",
                    "authorityPrefix": "TM. BAN THƯỜNG VỤ", "place": "{place}" },
          "steeringCommittee": "{{committee}}",
          "legalBases": [ "Căn cứ Hướng dẫn số 58/HD-TLĐ;", "Xét đề nghị của {steeringCommittee}." ],
          "firstRecognitionAfterYears": 2, "reRecognitionEveryYears": 5,
          "deadlines": { "submission": "12-15", "appraisalDays": 20, "explanationAnswerDays": 7 },
          "wording": { "title": "Về việc công nhận năm {year}", "articles": [ "Điều 1. Công nhận {count} cơ quan." ],
                       "recipients": [ "Lưu: VT" ], "annexTitle": "Năm {year}", "firstRecognition": "Lần đầu", "reRecognition": "Lại" }
        }
        """;
}
