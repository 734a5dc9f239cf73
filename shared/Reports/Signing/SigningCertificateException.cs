namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The signing certificate cannot sign now: expired, not yet valid, disabled, without its key, or
/// not issued by a CA the system trusts. Nothing is signed; the message says which and until when.
/// </summary>
public sealed class SigningCertificateException : Exception
{
    public SigningCertificateException(string message) : base(message)
    {
    }

    public SigningCertificateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
