using System.Text;
using CulturalServerless.Application.Problems;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http;

/// <summary>Reads a <c>text/csv</c> UTF-8 request body of at most <see cref="MaxBytes"/>, normalised to NFC.</summary>
public static class CsvBody
{
    /// <summary>8 MB: the official list of about 14,000 units before and after 2025 is under 2 MB.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiProblemException(ProblemType.UnsupportedMediaType,
                $"Cần Content-Type: text/csv (UTF-8); đã nhận '{request.ContentType ?? "(không có)"}'.");
        }
        if (request.ContentLength > MaxBytes)
        {
            throw new ApiProblemException(ProblemType.PayloadTooLarge, $"Nội dung vượt quá giới hạn {MaxBytes / 1024} KB.");
        }
        var text = await JsonBody.ReadTextAsync(request.Body, MaxBytes, ProblemType.Validation, cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) throw new ApiProblemException(ProblemType.EmptyBody, "Cần gửi tệp CSV.");
        return text.TrimStart('\uFEFF').Normalize(NormalizationForm.FormC);
    }
}
