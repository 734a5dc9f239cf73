using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Reports;

namespace CulturalServerless.Functions.Timers;

/// <summary>
/// The reconciler, on the NCRONTAB schedule in <c>RECONCILE_SCHEDULE</c> (every 5 minutes by
/// default): requests again the reports left requested past <c>Reports__StuckAfter</c> or failed
/// with their retry due, brings lagging heads in step, and requests again the recognition decisions
/// left requested as long (docs/reports.md). A run is bounded and safe to overlap with another; a
/// late run simply runs.
/// </summary>
public sealed partial class ReconcileReportsFunction(
    ReportReconciler reconciler, DecisionReconciler decisions, ILogger<ReconcileReportsFunction> logger)
{
    [Function("ReconcileReports")]
    public async Task Run([TimerTrigger("%RECONCILE_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue) LogPastDue(timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
        // Independent passes over different documents: one whose store fails does not keep the
        // other from running, and the run still fails for the host to log and count.
        await Task.WhenAll(reconciler.RunAsync(cancellationToken), decisions.RunAsync(cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ReconcileReports is running late (past due; last run {Last}, next {Next})")]
    private partial void LogPastDue(DateTime? last, DateTime? next);
}
