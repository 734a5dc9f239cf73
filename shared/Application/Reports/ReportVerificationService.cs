using System.Security.Cryptography;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.Application.Reports;

/// <summary>Which assessment version a verified report belongs to.</summary>
/// <summary>Which assessment version a verified report belongs to, and whether a later official version superseded it.</summary>
public sealed record VerifiedAssessment(string AgencyId, int Year, int Version, bool Superseded);

/// <summary>
/// The answer to "is this file a report we issued, unchanged?": valid only when the signature
/// verifies (PAdES B-T: intact, signer chained to a trusted CA, timestamped by a trusted TSA within
/// the certificate's validity), the file's SHA-256 is that of a report we stored, and it was signed
/// with the certificate we signed that report with. <see cref="SignedAt"/> is the timestamp's time.
/// </summary>
public sealed record ReportVerificationResult(
    bool Valid, string? Signer, DateTimeOffset? SignedAt, string? DocumentNumber, VerifiedAssessment? Assessment, IReadOnlyList<string> Problems);

public sealed class ReportVerificationService(ReportSignatureVerifier verifier, IAssessmentStore assessments)
{
    public Task<ReportVerificationResult> VerifyAsync(byte[] pdf, CancellationToken cancellationToken) =>
        VerifyAsync(new MemoryStream(pdf, writable: false), cancellationToken);

    /// <summary>Verifies the seekable <paramref name="pdf"/>, reading it twice and never holding it whole.</summary>
    public async Task<ReportVerificationResult> VerifyAsync(Stream pdf, CancellationToken cancellationToken)
    {
        pdf.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(pdf, cancellationToken));
        var signature = verifier.Verify(pdf);
        var problems = signature.Problems.Select(problem => $"Chữ ký số không hợp lệ: {problem}").ToList();

        var issued = await assessments.FindVersionByReportSha256Async(sha256, cancellationToken);
        if (issued is null)
        {
            problems.Add("Tệp không trùng với báo cáo nào hệ thống đã cấp (SHA-256 khác).");
        }
        else if (signature.IsValid && !CertificateThumbprints.Same(signature.CertificateThumbprint, issued.Report.CertificateThumbprint))
        {
            problems.Add("Tệp không được ký bằng chứng thư số của hệ thống.");
        }

        return new ReportVerificationResult(
            problems.Count == 0,
            signature.SignerSubject,
            signature.SigningTime,
            issued?.Report.DocumentNumber,
            issued is null ? null : new VerifiedAssessment(issued.AgencyId, issued.Year, issued.Version,
                Superseded: (await assessments.FindHeadAsync(issued.AgencyId, issued.Year, cancellationToken))?.Value.LatestVersion > issued.Version),
            problems);
    }
}
