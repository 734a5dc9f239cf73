using CulturalServerless.Calendar;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Reminders;

/// <summary>What the timer did: the run it started, and how many lost reminders it queued again.</summary>
public sealed record ReminderRunStarted(DateOnly Date, int Year, int Reclaimed);

/// <summary>
/// The daily reminder run's start, all the timer does: it queues the run's first page
/// (<see cref="ReminderPageWorker"/> pages on from there, one queue message per page, and queues one
/// delivery per reminder), and queues again every reminder left <c>pending</c> longer than
/// <c>Reminders__ReclaimAfter</c>, whose message was lost, so that none stays pending. It takes
/// seconds whatever the number of agencies, and a run killed anywhere after it loses nothing: an
/// unfinished message reappears.
/// </summary>
public sealed partial class ReminderService(
    IReminderStore reminders,
    IReminderQueue queue,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    public async Task<ReminderRunStarted> RunAsync(CancellationToken cancellationToken)
    {
        var today = VietnamCalendar.Today(clock);
        var lost = await reminders.ListPendingAsync(today.Year, clock.GetUtcNow() - options.Value.ReclaimAfter, cancellationToken);
        foreach (var reminder in lost)
        {
            await queue.EnqueueDeliveryAsync(new ReminderDeliveryMessage(reminder.Year, reminder.Id), cancellationToken);
        }
        await queue.EnqueuePageAsync(ReminderPageMessage.FirstPage(today), cancellationToken);
        LogStarted(today, today.Year, lost.Count);
        return new ReminderRunStarted(today, today.Year, lost.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder run for {Date} (year {Year}) queued; {Reclaimed} pending reminder(s) queued again")]
    private partial void LogStarted(DateOnly date, int year, int reclaimed);
}
