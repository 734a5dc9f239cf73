using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// The loopback TSA of ./run.sh and the tests (tools/timestamp-authority, signing in process): its
/// tokens are RFC 3161 tokens that openssl accepts, with unique serial numbers, and it refuses what
/// it cannot grant inside the reply rather than with a broken token.
/// </summary>
public sealed class TimestampAuthorityTests
{
    private readonly DevelopmentPki _pki = DevelopmentPki.Shared;

    [Fact]
    public async Task Openssl_ts_verify_accepts_its_reply_to_the_query_it_answers()
    {
        var request = Rfc3161TimestampRequest.CreateFromHash(
            SHA256.HashData("dữ liệu"u8), HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        var reply = await PostAsync(_pki.TimestampUrl, request.Encode());
        var directory = Path.Combine(Path.GetTempPath(), $"tsa-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllBytes(Path.Combine(directory, "q.tsq"), request.Encode());
            File.WriteAllBytes(Path.Combine(directory, "r.tsr"), reply);

            var output = Tool.Run("openssl", directory, "ts", "-verify", "-in", "r.tsr", "-queryfile", "q.tsq", "-CAfile", _pki.CaPath);

            Assert.Contains("Verification: OK", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Serial_numbers_are_unique_between_queries_and_between_two_authorities_of_one_folder()
    {
        using var second = _pki.StartAuthority(0);
        var serials = new List<string>();
        foreach (var url in new[] { _pki.TimestampUrl, second.Url, _pki.TimestampUrl, second.Url })
        {
            var token = await new HttpTimestampAuthority(url, new HttpClient()).TimestampAsync(
                Rfc3161TimestampRequest.CreateFromHash(RandomNumberGenerator.GetBytes(32), HashAlgorithmName.SHA256, requestSignerCertificates: true),
                CancellationToken.None);
            serials.Add(Convert.ToHexString(token.TokenInfo.GetSerialNumber().Span));
            Assert.Equal("2.25.81997978794147726306849445325628278224", token.TokenInfo.PolicyId.Value);
            Assert.Equal(1_000_000, token.TokenInfo.AccuracyInMicroseconds);
        }

        Assert.Equal(serials.Count, serials.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_query_with_an_algorithm_it_does_not_accept_is_refused_not_signed()
    {
        var request = Rfc3161TimestampRequest.CreateFromHash(SHA1.HashData("x"u8), HashAlgorithmName.SHA1, requestSignerCertificates: true);

        var error = await Assert.ThrowsAsync<TimestampAuthorityException>(() => _pki.TimestampAuthority.TimestampAsync(request, CancellationToken.None));

        Assert.Contains("gave no timestamp", error.Message, StringComparison.Ordinal);
    }

    // PKIFailureInfo bits (RFC 3161 2.4.2): unacceptedPolicy 15, unacceptedExtension 16, badDataFormat 5.
    [Theory]
    [InlineData("a policy not its own", 15)]
    [InlineData("an extension", 16)]
    [InlineData("bytes after the query", 5)]
    [InlineData("a truncated query", 5)]
    public async Task A_query_it_cannot_grant_gets_a_rejection_with_its_failure_bit(string query, int failureBit)
    {
        var hash = SHA256.HashData("dữ liệu"u8);
        var encoded = query switch
        {
            "a policy not its own" => Rfc3161TimestampRequest.CreateFromHash(hash, HashAlgorithmName.SHA256, requestedPolicyId: new Oid("1.2.3.4")).Encode(),
            "an extension" => Rfc3161TimestampRequest.CreateFromHash(hash, HashAlgorithmName.SHA256,
                extensions: [new X509Extension(new Oid("1.2.3.5"), new byte[] { 0x05, 0x00 }, critical: false)]).Encode(),
            "bytes after the query" => [.. Rfc3161TimestampRequest.CreateFromHash(hash, HashAlgorithmName.SHA256).Encode(), 0x00],
            _ => Rfc3161TimestampRequest.CreateFromHash(hash, HashAlgorithmName.SHA256).Encode()[..^1],
        };

        var (status, failureBits) = ReadStatus(await PostAsync(_pki.TimestampUrl, encoded));

        Assert.Equal(2, status); // rejection
        Assert.Equal([failureBit], failureBits);
    }

    /// <summary>The PKIStatus of a TimeStampResp and the failure bits set in its failInfo.</summary>
    private static (int Status, int[] FailureBits) ReadStatus(byte[] reply)
    {
        var statusInfo = new AsnReader(reply, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        var status = (int)statusInfo.ReadInteger();
        if (statusInfo.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            statusInfo.ReadSequence();
        }

        var failInfo = statusInfo.ReadBitString(out var unusedBits);
        var bits = Enumerable.Range(0, (failInfo.Length * 8) - unusedBits).Where(bit => (failInfo[bit / 8] & (0x80 >> (bit % 8))) != 0).ToArray();
        return (status, bits);
    }

    private static async Task<byte[]> PostAsync(Uri url, byte[] query)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(query);
        content.Headers.ContentType = new("application/timestamp-query");
        using var response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
