using System.Security.Cryptography.Pkcs;

namespace CulturalServerless.Reports.Signing;

/// <summary>An RFC 3161 time-stamping authority: the seam to the TSA named in <c>Signing__TimestampUrl</c>.</summary>
public interface ITimestampAuthority
{
    /// <summary>
    /// The TSA's token for <paramref name="request"/>, checked against it (status granted, the same
    /// message imprint and nonce). Throws <see cref="TimestampAuthorityUnavailableException"/> when the
    /// TSA does not answer, and <see cref="TimestampAuthorityException"/> when its answer is no token.
    /// </summary>
    Task<Rfc3161TimestampToken> TimestampAsync(Rfc3161TimestampRequest request, CancellationToken cancellationToken);
}
