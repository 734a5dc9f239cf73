using CulturalServerless.Application.Problems;

namespace CulturalServerless.Functions.Http;

/// <summary>Reads an <c>application/pdf</c> request body of at most <see cref="MaxBytes"/>.</summary>
public static class PdfBody
{
    /// <summary>20 MB: a signed report is about 0.1 MB; the bound keeps a hostile upload from filling memory.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(ProblemType.UnsupportedMediaType,
                $"Cần Content-Type: application/pdf; đã nhận '{request.ContentType ?? "(không có)"}'.");
        }
        if (request.ContentLength > MaxBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new ApiProblemException(ProblemType.EmptyBody, "Cần gửi tệp PDF cần kiểm tra.");
        return buffer.ToArray();
    }

    private static ApiProblemException TooLarge() =>
        new(ProblemType.PayloadTooLarge, $"Tệp vượt quá giới hạn {MaxBytes / (1024 * 1024)} MB.");
}
