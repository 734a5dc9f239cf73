using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// An RFC 3161 time-stamping authority over HTTP (RFC 3161 3.4): POST the DER query as
/// application/timestamp-query, read application/timestamp-reply. One attempt per signature, within
/// <see cref="Timeout"/>: a TSA that does not answer fails the signature (the trigger retries the
/// whole render), rather than hold a report open.
/// </summary>
public sealed class HttpTimestampAuthority : ITimestampAuthority
{
    public const string QueryMediaType = "application/timestamp-query";
    public const string ReplyMediaType = "application/timestamp-reply";

    /// <summary>A reply with a token and its certificates is a few KB; anything far larger is not one.</summary>
    private const int MaxReplyBytes = 256 * 1024;

    private readonly HttpClient _http;

    public HttpTimestampAuthority(Uri url, HttpClient http, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(http);
        if (url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The timestamp authority's URL must be http or https: {url}", nameof(url));
        }

        Url = url;
        _http = http;
        Timeout = timeout ?? TimeSpan.FromSeconds(10);
    }

    public Uri Url { get; }

    public TimeSpan Timeout { get; }

    public async Task<Rfc3161TimestampToken> TimestampAsync(Rfc3161TimestampRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        byte[] reply;
        try
        {
            using var content = new ByteArrayContent(request.Encode());
            content.Headers.ContentType = new MediaTypeHeaderValue(QueryMediaType);
            using var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampAuthorityUnavailableException(
                    $"The timestamp authority {Url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (!string.Equals(response.Content.Headers.ContentType?.MediaType, ReplyMediaType, StringComparison.OrdinalIgnoreCase))
            {
                throw new TimestampAuthorityException(
                    $"The timestamp authority {Url} answered '{response.Content.Headers.ContentType}', not {ReplyMediaType}.");
            }

            if (response.Content.Headers.ContentLength > MaxReplyBytes)
            {
                throw new TimestampAuthorityException($"The timestamp authority {Url} sent a reply larger than {MaxReplyBytes} bytes.");
            }

            reply = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimestampAuthorityUnavailableException(
                $"The timestamp authority {Url} did not answer within {Timeout.TotalSeconds:0.#} s.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new TimestampAuthorityUnavailableException($"The timestamp authority {Url} cannot be reached: {exception.Message}", exception);
        }

        try
        {
            // Checks the status, and that the token answers this request: its imprint and nonce.
            return request.ProcessResponse(reply, out _);
        }
        catch (CryptographicException exception)
        {
            throw new TimestampAuthorityException($"The timestamp authority {Url} gave no timestamp: {exception.Message}", exception);
        }
    }
}
