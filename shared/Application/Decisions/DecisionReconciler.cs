using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Decisions;

/// <summary>
/// Requests again the decisions whose document is still requested past <c>Reports__StuckAfter</c>:
/// the process stopped between storing the decision and writing its render request, or the render
/// request was written and its trigger never rendered it. Each is claimed with If-Match (its
/// request time moved to now, so of two runs at once only one goes on and the next run waits
/// another <c>Reports__StuckAfter</c>), then its render request is written again, which sets the
/// renderer off. A failed decision is left alone: the host already retried its render and the
/// record holds no retry time; once its cause is fixed, an admin has it rendered again
/// (<see cref="RetryAsync"/>). At most <c>Reports__ReconcileMaxPerRun</c> decisions a run.
/// </summary>
public sealed partial class DecisionReconciler(
    IDecisionStore decisions,
    IDecisionDocumentStore documents,
    IOptions<ReportRetryOptions> options,
    TimeProvider clock,
    ILogger<DecisionReconciler> logger)
{
    /// <summary>One reconciler run over the decisions.</summary>
    public async Task<DecisionReconcileSummary> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var stuckBefore = now - settings.StuckAfter;
        var pass = await ReconcilePass.RunAsync<string>(
            (token, size) => decisions.FindStuckRequestedAsync(stuckBefore, token, size, cancellationToken),
            id => RequestAgainAsync(id, stuckBefore, now, cancellationToken),
            (exception, id) => LogDecisionFailed(exception, id),
            settings.ReconcilePageSize, Math.Max(1, settings.ReconcileMaxPerRun), cancellationToken);
        var summary = new DecisionReconcileSummary(pass.Seen, pass.Handled, pass.Skipped, pass.Errors, pass.Capped);
        LogSummary(summary.Due, summary.Requested, summary.Skipped, summary.Errors, summary.Capped);
        return summary;
    }

    /// <summary>
    /// An admin has a decision's document rendered again (one that failed through the host's tries,
    /// or is still requested): requested now, its attempts counted from 0 and its failure cleared,
    /// and its render request written again, which sets the renderer off. 409 once it is signed.
    /// </summary>
    public async Task<DecisionView> RetryAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "cho tạo lại quyết định", Roles.Admin);
        var stored = await decisions.FindAsync(id, cancellationToken) ?? throw ApiProblemException.NotFound($"Không có quyết định '{id}'.");
        var now = clock.GetUtcNow();
        var requested = await decisions.ChangeAsync(id, current => current.Document.State == ReportState.Ready ? null : current with
        {
            Document = current.Document with { State = ReportState.Requested, RequestedAt = now, Attempts = 0, FailureReason = null, RetryAt = null },
        }, clock, cancellationToken)
            ?? throw new ApiProblemException(ProblemType.Conflict,
                $"Quyết định {stored.Value.DocumentNumber} đã được ký; không cần tạo lại.");
        await documents.RewriteRequestAsync(id, cancellationToken);
        LogRetryRequested(id, requested.DocumentNumber, caller.Actor.Subject);
        return DecisionView.From(requested);
    }

    private async Task<bool> RequestAgainAsync(string id, DateTimeOffset stuckBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await decisions.ChangeAsync(id, current => IsStuck(current, stuckBefore)
            ? current with { Document = current.Document with { RequestedAt = now } }
            : null, clock, cancellationToken);
        if (claimed is null) return false;
        await documents.RewriteRequestAsync(id, cancellationToken);
        LogRequestedAgain(id, claimed.DocumentNumber);
        return true;
    }

    private static bool IsStuck(RecognitionDecisionRecord decision, DateTimeOffset stuckBefore) =>
        decision.Document.State == ReportState.Requested && (decision.Document.RequestedAt ?? decision.RequestedAt) <= stuckBefore;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler: {Due} decisions stuck requested, {Requested} requested again, {Skipped} skipped (taken by another run or no longer due); {Errors} errors; capped {Capped}")]
    private partial void LogSummary(int due, int requested, int skipped, int errors, bool capped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {DecisionId} ({DocumentNumber}) requested again")]
    private partial void LogRequestedAgain(string decisionId, string documentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {DecisionId} ({DocumentNumber}) requested again by {Actor}")]
    private partial void LogRetryRequested(string decisionId, string documentNumber, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler could not request decision {DecisionId} again; the next run tries")]
    private partial void LogDecisionFailed(Exception exception, string decisionId);
}

/// <summary>What one reconciler run did with the decisions.</summary>
public sealed record DecisionReconcileSummary(int Due, int Requested, int Skipped, int Errors, bool Capped);
