using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CulturalServerless.IntegrationTests.Runner;

/// <summary>What the probe functions saw, so a test can count invocations.</summary>
public sealed class ProbeLog
{
    public ConcurrentQueue<string> Calls { get; } = new();
    public int FailuresToGo { get; set; }

    /// <summary>Run by <see cref="ProbeFunctions.OnQueueThenGone"/> before it returns.</summary>
    public Func<Task>? WhileInvoked { get; set; }
}

/// <summary>Functions written as the app writes them, hosted by the local runner in the tests.</summary>
public sealed class ProbeFunctions(ProbeLog log)
{
    public Task OnBlob(string content, string name, FunctionContext context)
    {
        log.Calls.Enqueue($"{name}={content}@{context.BindingContext.BindingData["blobTrigger"]}");
        return Task.CompletedTask;
    }

    public void OnBlobFailing(BinaryData content, string name)
    {
        log.Calls.Enqueue(name);
        throw new InvalidOperationException("probe failure");
    }

    public IActionResult Echo(HttpRequest request, string id, int year) =>
        new OkObjectResult(new { id, year, method = request.Method, query = request.Query["q"].ToString() });

    public void OnQueue(string message, long dequeueCount) => log.Calls.Enqueue($"{message}#{dequeueCount}");

    public void OnQueueFailing(string message, long dequeueCount)
    {
        log.Calls.Enqueue($"{message}#{dequeueCount}");
        throw new InvalidOperationException("probe failure");
    }

    public async Task OnQueueThenGone(string message, long dequeueCount)
    {
        log.Calls.Enqueue($"{message}#{dequeueCount}");
        await (log.WhileInvoked?.Invoke() ?? Task.CompletedTask);
    }

    public void OnTimer(TimerInfo timer) => log.Calls.Enqueue($"timer pastDue={timer.IsPastDue}");
}
