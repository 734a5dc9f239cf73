using CulturalServerless.Application.Access;
using CulturalServerless.Application.Reports;

namespace CulturalServerless.Functions.Http.Reports;

/// <summary>
/// <c>GET /api/agencies/{agencyId}/assessments/{year}/report</c>: a short-lived download link to the
/// signed report (<c>?redirect=true</c> answers 302 to it); <c>POST /api/reports/verify</c>: is this
/// PDF a report we issued, unchanged?
/// </summary>
public sealed class ReportFunctions(ReportLinkService links, ReportVerificationService verification, ILogger<ReportFunctions> logger)
{
    [Function("GetReportLink")]
    public Task<IActionResult> GetLink(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/assessments/{year}/report")] HttpRequest request,
        string agencyId,
        string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var link = await links.GetAsync(caller, agencyId, year, QueryParameters.Text(request, "version"), cancellationToken);
            return ApiResults.Link(request, link.Url, link);
        });

    [Function("VerifyReport")]
    public Task<IActionResult> Verify(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/verify")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            // Any role may check a document it was given; the answer names only the assessment's id.
            AccessRules.RequireRole(caller, "kiểm tra báo cáo", AccessRules.Readers);
            return ApiResults.Json(await verification.VerifyAsync(await PdfBody.ReadAsync(request, cancellationToken), cancellationToken));
        });
}
