using CulturalServerless.Application.Reminders;

namespace CulturalServerless.Functions.Timers;

/// <summary>
/// The daily reminder run, on the NCRONTAB schedule in <c>REMINDER_SCHEDULE</c> (UTC; 01:00 UTC is
/// 08:00 in Viet Nam): it only queues the run's first page (and reminders whose message was lost);
/// the queue functions do the rest. A late (past-due) run simply runs: the service works out today's
/// date in Viet Nam and skips whatever an earlier run already sent.
/// </summary>
public sealed partial class ReminderFunction(ReminderService reminders, ILogger<ReminderFunction> logger)
{
    [Function("SendReminders")]
    public async Task Run([TimerTrigger("%REMINDER_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue) LogPastDue(timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
        await reminders.RunAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendReminders is running late (past due; last run {Last}, next {Next}): catching up")]
    private partial void LogPastDue(DateTime? last, DateTime? next);
}
