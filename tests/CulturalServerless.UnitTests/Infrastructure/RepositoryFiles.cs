namespace CulturalServerless.UnitTests.Infrastructure;

/// <summary>
/// Files of the repository that infrastructure tests compare, read from the working tree (found by
/// walking up to CulturalServerless.sln) so that a test always sees the files as they are now,
/// not a copy from the last build.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string ReadAllText(string relativePath)
    {
        var path = Path.Combine(Root.Value, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Assert.True(File.Exists(path), $"Expected repository file {relativePath} at {path}.");
        return File.ReadAllText(path);
    }

    /// <summary>The repository-relative paths of the files under <paramref name="folder"/> that end in <paramref name="extension"/>, build output left out.</summary>
    public static IReadOnlyList<string> Under(string folder, string extension)
    {
        var root = Path.Combine(Root.Value, folder);
        return Directory.EnumerateFiles(root, "*" + extension, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root.Value, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CulturalServerless.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException(
            $"No CulturalServerless.sln above {AppContext.BaseDirectory}; infrastructure tests read the repository's files.");
    }
}
