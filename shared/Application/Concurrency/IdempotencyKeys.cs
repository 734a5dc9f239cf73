using CulturalServerless.Application.Problems;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Concurrency;

/// <summary>The one check of an Idempotency-Key header, for every request that creates something once.</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 200;

    /// <summary>
    /// The key: 428 without one, 400 when it is not 1–<see cref="MaxLength"/> printable ASCII
    /// characters, or is one the store keeps for itself (<paramref name="reserved"/>, or a "generated:" key).
    /// </summary>
    public static string Require(string? key, string operation, params string[] reserved)
    {
        if (key is null)
        {
            throw new ApiProblemException(ProblemType.PreconditionRequired,
                $"{operation} cần tiêu đề Idempotency-Key (ví dụ: một UUID), để lần gửi lại trả về đúng kết quả lần đầu.",
                [new ValidationProblem("$.headers.Idempotency-Key", "idempotency-key-required",
                    "Cần tiêu đề Idempotency-Key.", "The Idempotency-Key header is required.")]);
        }
        if (key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~') || reserved.Contains(key)
            || key.StartsWith("generated:", StringComparison.Ordinal))
        {
            throw new ApiProblemException(ProblemType.InvalidParameter,
                $"Idempotency-Key phải gồm 1–{MaxLength} ký tự ASCII in được (ví dụ: một UUID).",
                [new ValidationProblem("$.headers.Idempotency-Key", "invalid-idempotency-key",
                    "Idempotency-Key không hợp lệ.", "Invalid Idempotency-Key.")]);
        }
        return key;
    }
}
