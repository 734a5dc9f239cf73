using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// The development PKI and time-stamping authority of ./run.sh, made for this test run: the same
/// tools/dev-pki.sh into a temporary folder, and the same tools/timestamp-authority/server.js
/// (RFC 3161, signing in process) on a free loopback port. Made once per test process and shared; when the
/// process ends the TSA stops (it also exits by itself when its standard input closes) and the
/// folder is deleted.
/// </summary>
public sealed class DevelopmentPki
{
    private static readonly Lazy<DevelopmentPki> Instance = new(() => new DevelopmentPki(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _authority;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private DevelopmentPki()
    {
        Root = FindRoot();
        Directory = Path.Combine(Path.GetTempPath(), $"cultural-pki-{Guid.NewGuid():N}");
        Run("bash", Path.Combine(Root, "tools", "dev-pki.sh"), Directory);
        Authority = X509Certificate2.CreateFromPemFile(CaPath, Path.Combine(Directory, "ca.key"));
        Trust = SignatureTrust.Parse(CaPath, CaPath);

        (_authority, TimestampUrl) = StartAuthorityProcess(0);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public static DevelopmentPki Shared => Instance.Value;

    /// <summary>The repository root, where tools/ is.</summary>
    public string Root { get; }

    public string Directory { get; }

    /// <summary>The signing certificate with its key and the CA certificate, as Signing__PfxPath names it.</summary>
    public string PfxPath => Path.Combine(Directory, "signing.pfx");

    /// <summary>The development CA's certificate, as Signing__CaCertificates and Signing__TimestampCaCertificates name it.</summary>
    public string CaPath => Path.Combine(Directory, "ca.crt");

    public Uri TimestampUrl { get; }

    /// <summary>The development CA with its private key, to issue more certificates in a test.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The development CA trusted for signers and for the TSA, as the app's settings do locally.</summary>
    public SignatureTrust Trust { get; }

    public ITimestampAuthority TimestampAuthority => new HttpTimestampAuthority(TimestampUrl, _http);

    public PfxFileCertificateSource SigningCertificate() => new(PfxPath, string.Empty);

    public ReportSigner Signer(ISigningCertificateSource certificates, TimeProvider? clock = null) =>
        new(certificates, TimestampAuthority, Trust, clock ?? TimeProvider.System);

    public ReportSignatureVerifier Verifier() => new(Trust);

    /// <summary>A document-signing certificate issued by the development CA, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public X509Certificate2 Issue(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, string organisation = "CulturalServerless tests") =>
        IssueFrom(Authority, commonName, notBefore, notAfter, organisation);

    /// <summary>A document-signing certificate issued by the development CA, valid for a year from yesterday.</summary>
    public X509Certificate2 Issue(string commonName, string organisation = "CulturalServerless tests") =>
        Issue(commonName, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), organisation);

    /// <summary>A document-signing certificate with its key, issued by <paramref name="issuer"/>.</summary>
    public static X509Certificate2 IssueFrom(
        X509Certificate2 issuer, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, string organisation = "CulturalServerless tests")
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName(organisation);
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        // Signed with the CA's key directly: CertificateRequest.Create(issuer, …) would refuse a
        // validity starting before the CA's own, which tests of expired certificates need.
        using var issuerKey = issuer.GetRSAPrivateKey()!;
        using var issued = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1),
            notBefore, notAfter, RandomNumberGenerator.GetBytes(16).Select((b, i) => i == 0 ? (byte)(b & 0x7F) : b).ToArray());
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A CA of its own that nobody here trusts, with its key.</summary>
    public static X509Certificate2 ForeignAuthority(string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Somewhere else, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }

    /// <summary>A second timestamp authority of the same PKI on <paramref name="port"/> (0: a free one), stopped when disposed.</summary>
    public RunningAuthority StartAuthority(int port)
    {
        var (process, url) = StartAuthorityProcess(port);
        return new RunningAuthority(process, url);
    }

    private (Process Process, Uri Url) StartAuthorityProcess(int port)
    {
        var process = Process.Start(new ProcessStartInfo("node",
            [Path.Combine(Root, "tools", "timestamp-authority", "server.js"), "--pki", Directory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exit-with-stdin"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("node did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(30)) || line.Result is not { } announced || !announced.StartsWith("timestamp authority: ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The loopback timestamp authority did not start: {errors.Result}");
        }

        return (process, new Uri(announced["timestamp authority: ".Length..]));
    }

    private static void StopProcess(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>A timestamp authority started by a test; disposing it stops it.</summary>
    public sealed class RunningAuthority(Process process, Uri url) : IDisposable
    {
        public Uri Url { get; } = url;

        public void Dispose()
        {
            StopProcess(process);
            process.Dispose();
        }
    }

    private void Stop()
    {
        StopProcess(_authority);

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{errors.Result}");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tools", "dev-pki.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No tools/dev-pki.sh above {AppContext.BaseDirectory}.");
    }
}
