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
            return Tool.Run(Path!, System.IO.Path.GetTempPath(), file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>Runs a command-line tool the tests check with (pdfsig, openssl) and returns what it printed.</summary>
internal static class Tool
{
    public static string Run(string fileName, string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return output.Result + errors.Result;
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

/// <summary>Changes a signed PDF by one bit where the signature covers it.</summary>
internal static class PdfTamper
{
    // Flips one bit inside the first compressed content stream: the file stays a well-formed PDF,
    // every signed byte range still has its length, and only the digest can tell.
    public static byte[] FlipSignedByte(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var text = Encoding.Latin1.GetString(copy);
        var contents = text.LastIndexOf("/Contents <", StringComparison.Ordinal);
        var position = text.IndexOf("stream\n", StringComparison.Ordinal) + 40;
        if (position <= 40 || Math.Abs(position - contents) <= 100)
        {
            throw new InvalidOperationException("No content stream away from the signature to change.");
        }
        copy[position] ^= 0x01;
        return copy;
    }
}
