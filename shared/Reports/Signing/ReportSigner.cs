using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Signatures;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Writes a composed document (a report or a decision) as a signed PDF with a PAdES baseline B-T signature
/// (ETSI.CAdES.detached, see <see cref="CadesDetachedSigner"/>) covering the whole file, made with
/// the issuer's certificate (<see cref="SigningCertificates"/>), timestamped by the TSA, with a
/// visible stamp between the signer's title and name. Refuses to sign with a certificate that is
/// not valid now or not issued by a trusted CA, and without a timestamp.
/// </summary>
public sealed class ReportSigner
{
    public const string Reason = "Ký số báo cáo";

    public const string DecisionReason = "Ký số quyết định";

    /// <summary>Room for the timestamp token until a larger one is seen (the development TSA's is about 2.8 KB).</summary>
    public const int InitialTimestampRoom = 8 * 1024;

    private readonly SigningCertificates _certificates;
    private readonly ITimestampAuthority _timestamps;
    private readonly TrustedPathCache _signerPaths;
    private readonly TrustedPathCache _timestampPaths;
    private readonly TimeProvider _clock;
    private int _timestampRoom;

    public ReportSigner(ISigningCertificateSource certificates, ITimestampAuthority timestamps, SignatureTrust trust, TimeProvider clock)
        : this(new SigningCertificates(certificates), timestamps, trust, clock)
    {
    }

    public ReportSigner(SigningCertificates certificates, ITimestampAuthority timestamps, SignatureTrust trust, TimeProvider clock)
        : this(certificates, timestamps, trust, clock, InitialTimestampRoom)
    {
    }

    internal ReportSigner(
        SigningCertificates certificates, ITimestampAuthority timestamps, SignatureTrust trust, TimeProvider clock, int initialTimestampRoom)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(clock);
        _certificates = certificates;
        _timestamps = timestamps;
        _signerPaths = new TrustedPathCache(trust.SignerAuthorities);
        _timestampPaths = new TrustedPathCache(trust.TimestampAuthorities, SignatureOids.TimeStampingUsage);
        _clock = clock;
        _timestampRoom = initialTimestampRoom;
    }

    /// <summary>Signs with the system's certificate.</summary>
    public async Task<byte[]> SignAsync(ComposedDocument report, CancellationToken cancellationToken = default) =>
        (await SignReportAsync(report, SigningIssuer.System, cancellationToken).ConfigureAwait(false)).Pdf;

    /// <summary>Signs with <paramref name="issuer"/>'s certificate (or the nearest one configured above it).</summary>
    public async Task<SignedReport> SignReportAsync(ComposedDocument report, SigningIssuer issuer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issuer);
        ReportFonts.EnsureRegistered();
        var (certificates, _) = _certificates.For(issuer);
        var key = await certificates.GetSigningKeyAsync(cancellationToken).ConfigureAwait(false);
        var signingTime = _clock.GetUtcNow();
        var issuers = CheckCertificate(key, signingTime);

        using var output = new MemoryStream();
        var signer = new CadesDetachedSigner(
            key, issuers, _timestamps, _timestampPaths, output, signingTime, Volatile.Read(ref _timestampRoom), cancellationToken);
        var slot = report.SignatureSlot;
        var page = report.Document.Pages[slot.PageIndex];
        // The widget rectangle is in PDF user space, whose origin is the bottom-left corner.
        var rectangle = new XRect(
            slot.Bounds.X, page.Height.Point - slot.Bounds.Bottom, slot.Bounds.Width, slot.Bounds.Height);
        var organisation = report.Organisation;

        DigitalSignatureHandler.ForDocument(report.Document, signer, new DigitalSignatureOptions
        {
            PageIndex = slot.PageIndex,
            Rectangle = rectangle,
            AppearanceHandler = new SignatureStampAppearance(organisation, signer.CertificateName, signingTime),
            Reason = report.SigningReason,
            Location = report.Place,
            ContactInfo = organisation,
            AppName = ReportRenderer.Creator,
        });

        try
        {
            await report.Document.SaveAsync(output, closeStream: false).ConfigureAwait(false);
        }
        catch (SignatureRoomException exception)
        {
            // The document is written once: this attempt fails, the next reserves room for a token this size.
            InterlockedMax(ref _timestampRoom, exception.NeededTimestampRoom + 1024);
            throw;
        }

        return new SignedReport(output.ToArray(), CertificateThumbprints.Of(key.Certificate), key.Certificate.Subject,
            signingTime, signer.TimestampedAt ?? throw new TimestampAuthorityException("The signature was made without a timestamp."));
    }

    // A report is never signed with a certificate outside its validity or one our verification
    // would refuse; the CA certificates on the path are embedded with the signature.
    private IReadOnlyList<X509Certificate2> CheckCertificate(SigningKey key, DateTimeOffset now)
    {
        var certificate = key.Certificate;
        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw new SigningCertificateException(string.Create(CultureInfo.InvariantCulture,
                $"The signing certificate {certificate.Subject} is not valid yet: from {certificate.NotBefore.ToUniversalTime():u}, now {now.UtcDateTime:u}."));
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw new SigningCertificateException(string.Create(CultureInfo.InvariantCulture,
                $"The signing certificate {certificate.Subject} expired on {certificate.NotAfter.ToUniversalTime():u}; renew it (docs/deploy.md)."));
        }

        var path = _signerPaths.Build(certificate, () => key.Issuers, now);
        if (!path.Trusted)
        {
            throw new SigningCertificateException(
                $"The signing certificate {certificate.Subject} does not chain to a CA in {SignatureTrust.SignerAuthoritiesSetting}: {path.Problem}.");
        }

        return path.Certificates.Skip(1).ToList();
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
