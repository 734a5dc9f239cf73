namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>The repository's root folder, found above the test output: where node_modules and tools/ are.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CulturalServerless.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("The repository root (CulturalServerless.sln) was not found above the test output.");
    }
}
