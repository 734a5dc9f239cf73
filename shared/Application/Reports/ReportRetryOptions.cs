namespace CulturalServerless.Application.Reports;

/// <summary>The <c>Reports</c> settings: how failed and stuck renders are retried (docs/reports.md).</summary>
public sealed class ReportRetryOptions
{
    public const string Section = "Reports";

    /// <summary>Renders tried before a report is failed for good (only an admin's retry then renders it).</summary>
    public int MaxRenderAttempts { get; set; } = 5;

    /// <summary>The pause after the first failed render; it doubles after each further one (1, 2, 4, 8 minutes).</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a report may stay requested before the reconciler requests it again.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Versions the reconciler reads per query page.</summary>
    public int ReconcilePageSize { get; set; } = 100;

    /// <summary>Versions (and heads) the reconciler handles in one run at most; the next run takes the rest.</summary>
    public int ReconcileMaxPerRun { get; set; } = 500;

    /// <summary>The pause before the retry that follows failed render number <paramref name="attempts"/> (1-based).</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks(RetryBackoff.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20)));
}
