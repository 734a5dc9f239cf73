using CulturalServerless.Functions.Auth;
using CulturalServerless.Storage.Secrets;

namespace CulturalServerless.LocalRunner;

/// <summary>
/// The machine-local keys of development (the development issuer's signing key, the key that
/// encrypts the webhook secrets), created on this machine when they are missing, by
/// <c>./run.sh</c> (<c>local-keys</c>, before the app starts) and by <c>./run.sh token</c>: the app
/// itself only reads them, so nothing but these development commands ever makes a key the app trusts.
/// </summary>
internal static class LocalKeys
{
    public const string CommandName = "local-keys";

    /// <summary>Creates what the settings ask for and is missing; writes a line per key created.</summary>
    public static void EnsureCreated(IConfiguration configuration, TextWriter output)
    {
        var auth = AuthOptions.From(configuration);
        if (auth.DevelopmentIssuerKeyPath is { } issuerKey && DevelopmentIssuer.CreateKeyIfMissing(issuerKey))
        {
            output.WriteLine($"run.sh: created the development issuer's key {Path.GetFullPath(issuerKey)}");
        }
        if (configuration["Webhooks:SecretKeyPath"] is { Length: > 0 } secretsKey && LocalKeyWrapper.CreateKeyIfMissing(secretsKey))
        {
            output.WriteLine($"run.sh: created the webhook secrets' key {Path.GetFullPath(secretsKey)}");
        }
    }

    /// <summary><c>local-keys --settings FILE</c>: 0 when the keys are there, 2 with the reason when the settings are wrong.</summary>
    public static int Run(string? settingsPath, TextWriter output, TextWriter error)
    {
        try
        {
            EnsureCreated(LocalSettings.Configuration(settingsPath), output);
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            error.WriteLine($"run.sh: {exception.Message}");
            return 2;
        }
    }
}
