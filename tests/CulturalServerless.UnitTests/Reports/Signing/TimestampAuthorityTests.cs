using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
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
