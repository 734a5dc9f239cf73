using System.Diagnostics;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>Poppler's signature checker, an independent second opinion where it is installed.</summary>
internal static class Pdfsig
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => System.IO.Path.Combine(directory, "pdfsig"))
        .FirstOrDefault(File.Exists);

    public static string Check(byte[] pdf)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Path!, [file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return output.Result + errors.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A fact that runs where pdfsig (Debian poppler-utils) is installed and is skipped elsewhere.</summary>
internal sealed class PdfsigFactAttribute : FactAttribute
{
    public PdfsigFactAttribute()
    {
        if (Pdfsig.Path is null)
        {
            Skip = "pdfsig is not installed (apt-get install poppler-utils).";
        }
    }
}
