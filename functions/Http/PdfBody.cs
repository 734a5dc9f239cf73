using CulturalServerless.Application.Problems;

namespace CulturalServerless.Functions.Http;

/// <summary>Reads an <c>application/pdf</c> request body of at most <see cref="MaxBytes"/>.</summary>
public static class PdfBody
{
    /// <summary>20 MB: a signed report is about 0.1 MB; the bound keeps a hostile upload from filling memory.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Bodies up to this size are kept in memory; larger ones go to a temporary file (ASP.NET Core's default).</summary>
    public const int MemoryThreshold = 30 * 1024;

    private const int ChunkBytes = 81920;

    /// <summary>
    /// The whole body, seekable, without holding it in memory: ASP.NET Core's request buffering keeps
    /// what is over <see cref="MemoryThreshold"/> in a temporary file, deleted with the request.
    /// </summary>
    public static async Task<Stream> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(ProblemType.UnsupportedMediaType,
                $"Cần Content-Type: application/pdf; đã nhận '{request.ContentType ?? "(không có)"}'.");
        }
        if (request.ContentLength > MaxBytes) throw TooLarge();
        // The limit is checked while reading below; the buffer's own limit only has to stay above it.
        request.EnableBuffering(MemoryThreshold, MaxBytes + ChunkBytes);
        var body = request.Body;
        var chunk = new byte[ChunkBytes];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes) throw TooLarge();
        }
        if (total == 0) throw new ApiProblemException(ProblemType.EmptyBody, "Cần gửi tệp PDF cần kiểm tra.");
        body.Position = 0;
        return body;
    }

    private static ApiProblemException TooLarge() =>
        new(ProblemType.PayloadTooLarge, $"Tệp vượt quá giới hạn {MaxBytes / (1024 * 1024)} MB.");
}
