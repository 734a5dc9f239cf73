using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Reads a set of CA certificates from a setting's value, in whichever form suits where it is set:
/// a path to a PEM (or DER) file — locally, where ./run.sh makes the file; PEM text; or base64 DER
/// certificates separated by commas — an app setting in Azure, which is one line.
/// </summary>
public static class CertificateSet
{
    public static X509Certificate2Collection Parse(string? value, string settingName)
    {
        var set = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(value))
        {
            return set;
        }

        var text = value.Trim();
        try
        {
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                set.ImportFromPem(text);
            }
            else if (LooksLikePath(text))
            {
                var path = Path.GetFullPath(text);
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"{settingName} names {path}, which does not exist.");
                }

                if (File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal))
                {
                    set.ImportFromPemFile(path);
                }
                else
                {
                    set.Add(X509CertificateLoader.LoadCertificateFromFile(path));
                }
            }
            else
            {
                foreach (var item in text.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    set.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(item)));
                }
            }
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or IOException)
        {
            throw new InvalidOperationException($"{settingName} holds no readable certificates: {exception.Message}", exception);
        }

        if (set.Count == 0)
        {
            throw new InvalidOperationException($"{settingName} is set but holds no certificate.");
        }

        return set;
    }

    // A certificate is a DER SEQUENCE with a two-byte length, so its base64 starts "MII"; a path does not.
    private static bool LooksLikePath(string text) => !text.StartsWith("MII", StringComparison.Ordinal);
}
