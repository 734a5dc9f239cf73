using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Faults;

/// <summary>One log entry as a structured sink keeps it: the message template and its named values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string? Template, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

/// <summary>A logger provider that keeps every entry, so a test can check what was logged and how.</summary>
public sealed class RecordedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILoggerFactory Factory() => LoggerFactory.Create(logging => logging.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            var named = values.ToDictionary(pair => pair.Key, pair => pair.Value);
            log.entries.Enqueue(new LogEntry(category, logLevel, named.GetValueOrDefault("{OriginalFormat}") as string, named, exception));
        }
    }
}
