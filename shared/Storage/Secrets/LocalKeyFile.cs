namespace CulturalServerless.Storage.Secrets;

/// <summary>A key file on a developer's machine, written once and readable by its owner only.</summary>
public static class LocalKeyFile
{
    /// <summary>Writes <paramref name="content"/> to a new file at <paramref name="path"/>; false when the file exists already.</summary>
    public static bool TryCreate(string path, string content)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            // CreateNew: of two commands starting at once (./run.sh and ./run.sh token), the first
            // writer's key is the one both keep, rather than the second replacing it.
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var writer = new StreamWriter(stream);
            writer.Write(content);
            return true;
        }
        catch (IOException) when (File.Exists(full))
        {
            return false;
        }
    }
}
