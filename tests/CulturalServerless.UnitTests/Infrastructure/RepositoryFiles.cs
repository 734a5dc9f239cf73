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
