using System.Diagnostics;

namespace CulturalServerless.LoadHarness;

/// <summary>Samples the managed heap and the working set while a run goes, keeping the highest of each.</summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peakManaged;
    private long peakWorkingSet;

    public PeakMemory()
    {
        GC.Collect();
        sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            try
            {
                do Sample();
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Stopped: the final sample is taken in DisposeAsync.
            }
        });
    }

    public long PeakManagedBytes => Interlocked.Read(ref peakManaged);
    public long PeakWorkingSetBytes => Interlocked.Read(ref peakWorkingSet);

    private void Sample()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        if (managed > peakManaged) Interlocked.Exchange(ref peakManaged, managed);
        var workingSet = Process.GetCurrentProcess().WorkingSet64;
        if (workingSet > peakWorkingSet) Interlocked.Exchange(ref peakWorkingSet, workingSet);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        Sample();
        stop.Dispose();
    }
}
