using System.Buffers;
using System.Text;
using System.Text.Json;
using CulturalServerless.Application.Problems;
using CulturalServerless.Serialization;
using CulturalServerless.Validation;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// Reads a JSON request body the one way all endpoints do: JSON content type only, at most
/// <see cref="MaxBytes"/>, UTF-8, normalised to Unicode NFC before it is parsed (so "ệ" typed as
/// e + two combining marks is stored and compared as the one letter), and every mistake answered
/// with a clear problem instead of a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>256 KB: the seed's whole report is about 20 KB of JSON.</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        RequireJsonContentType(request);
        if (request.ContentLength > MaxBytes) throw TooLarge();
        var text = await ReadTextAsync(request.Body, MaxBytes, ProblemType.MalformedJson, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiProblemException(ProblemType.EmptyBody, "Yêu cầu cần nội dung JSON.");
        }
        try
        {
            // A byte-order mark is legal in UTF-8 text but not in JSON: drop it rather than refuse the body.
            return JsonSerializer.Deserialize<T>(text.TrimStart('\uFEFF').Normalize(NormalizationForm.FormC), JsonDefaults.Options)
                ?? throw new ApiProblemException(ProblemType.Validation, "Nội dung JSON phải là một đối tượng, không phải null.",
                    [new ValidationProblem("$", "not-an-object", "Nội dung phải là một đối tượng JSON.", "The body must be a JSON object.")]);
        }
        catch (JsonException exception)
        {
            var path = exception.Path ?? "$";
            var where = exception.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {exception.BytePositionInLine + 1})" : "";
            throw new ApiProblemException(ProblemType.MalformedJson, $"JSON không đọc được tại {path}{where}.",
                [new ValidationProblem(path, "malformed-json", $"JSON không đọc được tại {path}{where}.", $"Unreadable JSON at {path}{where}.")]);
        }
    }

    private static void RequireJsonContentType(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        throw new ApiProblemException(ProblemType.UnsupportedMediaType,
            $"Cần Content-Type: application/json (UTF-8); đã nhận '{request.ContentType ?? "(không có)"}'.");
    }

    /// <summary>A UTF-8 body of at most <paramref name="maxBytes"/> as text; other bytes are a problem of <paramref name="malformed"/>'s type.</summary>
    internal static async Task<string> ReadTextAsync(Stream body, int maxBytes, ProblemType malformed, CancellationToken cancellationToken)
    {
        // Counts what arrives rather than trusting Content-Length, which a chunked request lacks.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total, maxBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes) throw TooLarge(maxBytes);
            }
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiProblemException(malformed, "Nội dung không phải văn bản UTF-8 hợp lệ.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ApiProblemException TooLarge(int maxBytes = MaxBytes) =>
        new(ProblemType.PayloadTooLarge, $"Nội dung vượt quá giới hạn {maxBytes / 1024} KB.");
}
