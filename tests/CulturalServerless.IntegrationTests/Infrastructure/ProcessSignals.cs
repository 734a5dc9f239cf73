using System.Diagnostics;
using System.Globalization;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>Freezes and thaws a process the test started itself (an emulator of its own), with kill(1).</summary>
public static class ProcessSignals
{
    /// <summary>SIGSTOP: the process keeps its sockets and the kernel still accepts connections, but nothing answers.</summary>
    public static void Pause(Process process) => Send(process, "-STOP");

    /// <summary>SIGCONT: the process goes on with what it had received.</summary>
    public static void Resume(Process process) => Send(process, "-CONT");

    private static void Send(Process process, string signal)
    {
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, pid])) ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {pid} failed with exit code {kill.ExitCode}.");
    }
}
