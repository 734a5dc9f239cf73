using CulturalServerless.Storage.Secrets;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>The key that encrypts webhook secrets in the tests: made for this test run, as ./run.sh makes the local one.</summary>
public static class TestSecretKeys
{
    public static readonly string Path = Create();

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cultural-serverless-tests", $"webhook-secrets-{Guid.NewGuid():N}.json");
        LocalKeyWrapper.CreateKeyIfMissing(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
