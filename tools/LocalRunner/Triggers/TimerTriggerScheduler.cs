using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Invocation;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Fires timer-triggered functions on their NCRONTAB schedule (six fields with seconds, or five),
/// in UTC as on Linux plans, with <c>%SETTING%</c> names resolved from the app settings.
/// </summary>
internal sealed partial class TimerTriggerScheduler(
    IReadOnlyList<FunctionDescriptor> functions,
    FunctionInvoker invoker,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions
            .Where(f => f.Trigger is TimerTrigger)
            .Select(f => RunScheduleAsync(f, (TimerTrigger)f.Trigger, stoppingToken)));

    public static CrontabSchedule ParseSchedule(string expression, IConfiguration configuration)
    {
        var resolved = AppSettingReference.Resolve(expression, configuration);
        var withSeconds = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6;
        return CrontabSchedule.Parse(resolved, new CrontabSchedule.ParseOptions { IncludingSeconds = withSeconds });
    }

    private async Task RunScheduleAsync(FunctionDescriptor function, TimerTrigger trigger, CancellationToken stoppingToken)
    {
        var schedule = ParseSchedule(trigger.Schedule, configuration);
        DateTime? last = null;
        if (trigger.RunOnStartup)
        {
            last = clock.GetUtcNow().UtcDateTime;
            await FireAsync(function, schedule, last, stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            LogNext(function.Name, next);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await FireAsync(function, schedule, last, stoppingToken);
            last = next;
        }
    }

    private async Task FireAsync(FunctionDescriptor function, CrontabSchedule schedule, DateTime? last, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var timer = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last ?? DateTime.MinValue, Next = schedule.GetNextOccurrence(now), LastUpdated = now },
        };
        try
        {
            await invoker.InvokeAsync(function, timer, new Dictionary<string, object?>(), null, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // As on the Functions host, a failed timer run is logged and not retried.
            LogFailed(exception, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function}: next run at {Next:o} UTC")]
    private partial void LogNext(string function, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Function} failed")]
    private partial void LogFailed(Exception exception, string function);
}
