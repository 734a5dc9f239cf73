using System.Globalization;
using System.Security.Cryptography;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Reports;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Reports.Decisions;
using CulturalServerless.Reports.Signing;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Decisions;

/// <summary>
/// Renders, signs and stores a recognition decision from its stored record, when its render
/// request lands in report-requests (the same blob trigger as reports). In this order, so nothing
/// is half-written: the signed PDF is stored once (a second run finds it and signs nothing), then
/// the record is marked ready with what was stored, then the listed agencies are told. A run that
/// fails records why and throws, so the host tries again (5 times, then the poison queue).
/// </summary>
public sealed partial class DecisionRenderingService(
    IDecisionStore decisions,
    IDecisionDocumentStore documents,
    IRecognitionProcedures procedures,
    DecisionRenderer renderer,
    ReportSigner signer,
    AgencyNotifier notifier,
    TimeProvider clock,
    ILogger<DecisionRenderingService> logger)
{
    public async Task RenderAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await decisions.FindAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Decision request {id} names no stored decision.");
        var decision = stored.Value;
        if (decision.Document.State == ReportState.Ready)
        {
            LogAlreadySigned(id);
            return;
        }
        StoredReport document;
        try
        {
            document = await documents.FindAsync(id, cancellationToken) ?? await RenderAndStoreAsync(decision, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, id);
            await decisions.ChangeAsync(id, current => current.Document.State == ReportState.Ready ? null : current with
            {
                Document = current.Document with
                {
                    State = ReportState.Failed,
                    Attempts = current.Document.Attempts + 1,
                    FailureReason = $"Không tạo được quyết định: {exception.GetType().Name} (lần thử {current.Document.Attempts + 1})",
                },
            }, clock, cancellationToken);
            throw;
        }
        var signed = await decisions.ChangeAsync(id, current => current.Document.State == ReportState.Ready ? null : current with
        {
            Document = current.Document.Ready(document),
        }, clock, cancellationToken);
        if (signed is null) return; // another run recorded it and told the agencies
        LogSigned(id, decision.DocumentNumber, decision.Agencies.Count, document.Size);
        foreach (var agency in decision.Agencies)
        {
            await notifier.NotifyAsync(new AgencyEvent(
                $"decision-signed-{id}-{agency.AgencyId}", "decision-signed", agency.AgencyId, decision.Year,
                $"{agency.AgencyName} được công nhận “Cơ quan đạt chuẩn văn hóa” giai đoạn {agency.Period} theo Quyết định số {decision.DocumentNumber} ngày {decision.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.",
                $"/api/decisions/{id}"), cancellationToken);
        }
    }

    private async Task<StoredReport> RenderAndStoreAsync(RecognitionDecisionRecord decision, CancellationToken cancellationToken)
    {
        var procedure = procedures.For(decision.Jurisdiction, decision.Date);
        var content = RecognitionDecisionComposer.Compose(procedure, decision.Sequence, decision.Date, decision.SignerName, decision.Year,
            [.. decision.Agencies.Select(a => new RecognitionEntry(a.AgencyName, a.Place, a.AppraisedPoints, a.Kind, a.Period))]);
        using var composed = renderer.Compose(content);
        var signedPdf = await signer.SignReportAsync(composed, SigningIssuer.Committee(decision.Jurisdiction), cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(signedPdf.Pdf));
        return await documents.StoreAsync(decision.Id, signedPdf.Pdf, sha256, decision.DocumentNumber, clock.GetUtcNow(), signedPdf.CertificateThumbprint, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {DecisionId} is signed already; nothing to do")]
    private partial void LogAlreadySigned(string decisionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {DecisionId} signed as {DocumentNumber}: {Count} agencies, {Size} bytes")]
    private partial void LogSigned(string decisionId, string documentNumber, int count, long size);

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision {DecisionId} failed to render or sign")]
    private partial void LogFailed(Exception exception, string decisionId);
}
