using CulturalServerless.Validation;

namespace CulturalServerless.Application.Problems;

/// <summary>
/// A client-visible failure of an application service: the HTTP layer turns it into an RFC 9457
/// problem response. Its text is meant for the caller, so it never carries internals.
/// </summary>
public sealed class ApiProblemException(ProblemType type, string detail, IReadOnlyList<ValidationProblem>? errors = null)
    : Exception(detail)
{
    public ProblemType Type { get; } = type;
    public string Detail { get; } = detail;
    public IReadOnlyList<ValidationProblem> Errors { get; } = errors ?? [];

    /// <summary>Extra members of the problem document, e.g. the report state on a 404 for a report.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    /// <summary>When the same request may succeed later: the <c>Retry-After</c> of the answer, in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static ApiProblemException Invalid(IReadOnlyList<ValidationProblem> errors) =>
        new(ProblemType.Validation, $"Có {errors.Count} lỗi trong dữ liệu gửi lên (see errors).", errors);

    public static ApiProblemException NotFound(string what) => new(ProblemType.NotFound, what);

    /// <summary>A route parameter that cannot be what it names, reported at <c>$.route.{name}</c>.</summary>
    public static ApiProblemException InvalidRoute(string name, string message, string messageEn) =>
        new(ProblemType.InvalidParameter, message, [new ValidationProblem($"$.route.{name}", $"invalid-{name}", message, messageEn)]);
}
