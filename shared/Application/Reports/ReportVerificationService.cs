using System.Security.Cryptography;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.Application.Reports;

/// <summary>Which assessment version a verified report belongs to, and whether a later official version superseded it.</summary>
public sealed record VerifiedAssessment(string AgencyId, int Year, int Version, bool Superseded);

/// <summary>Which recognition decision a verified document is.</summary>
public sealed record VerifiedDecision(string Id, string Jurisdiction, int Year, int AgencyCount);

/// <summary>A signed recognition decision as verification needs it: what it is, and the certificate that signed it.</summary>
public sealed record IssuedDecision(string Id, string Jurisdiction, int Year, int AgencyCount, string DocumentNumber, string? CertificateThumbprint);

/// <summary>Finds the recognition decision whose signed PDF has a SHA-256 (the decisions' store implements it).</summary>
public interface IIssuedDecisions
{
    Task<IssuedDecision?> FindBySha256Async(string sha256, CancellationToken cancellationToken);
}

/// <summary>
/// The answer to "is this file a document we issued, unchanged?" — a report or a recognition
/// decision: valid only when the signature verifies (PAdES B-T: intact, signer chained to a trusted
/// CA, timestamped by a trusted TSA within the certificate's validity), the file's SHA-256 is that of
/// a document we stored, and it was signed with the certificate we signed that document with.
/// <see cref="SignedAt"/> is the timestamp's time; <see cref="Kind"/> says which kind it is
/// (<c>report</c> with <see cref="Assessment"/>, or <c>decision</c> with <see cref="Decision"/>).
/// </summary>
public sealed record ReportVerificationResult(
    bool Valid, string? Signer, DateTimeOffset? SignedAt, string? DocumentNumber, VerifiedAssessment? Assessment, IReadOnlyList<string> Problems)
{
    public string? Kind => Assessment is not null ? "report" : Decision is not null ? "decision" : null;

    public VerifiedDecision? Decision { get; init; }
}

public sealed class ReportVerificationService(ReportSignatureVerifier verifier, IAssessmentStore assessments, IIssuedDecisions decisions)
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
        var decision = issued is null ? await decisions.FindBySha256Async(sha256, cancellationToken) : null;
        var issuedWith = issued?.Report.CertificateThumbprint ?? decision?.CertificateThumbprint;
        if (issued is null && decision is null)
        {
            problems.Add("Tệp không trùng với văn bản nào hệ thống đã ban hành (báo cáo hoặc quyết định; SHA-256 khác).");
        }
        else if (signature.IsValid && !CertificateThumbprints.Same(signature.CertificateThumbprint, issuedWith))
        {
            problems.Add("Tệp không được ký bằng chứng thư số của hệ thống.");
        }

        return new ReportVerificationResult(
            problems.Count == 0,
            signature.SignerSubject,
            signature.SigningTime,
            issued?.Report.DocumentNumber ?? decision?.DocumentNumber,
            issued is null ? null : new VerifiedAssessment(issued.AgencyId, issued.Year, issued.Version,
                Superseded: (await assessments.FindHeadAsync(issued.AgencyId, issued.Year, cancellationToken))?.Value.LatestVersion > issued.Version),
            problems)
        {
            Decision = decision is null ? null : new VerifiedDecision(decision.Id, decision.Jurisdiction, decision.Year, decision.AgencyCount),
        };
    }
}
