using System.Globalization;
using CulturalServerless.Application.Problems;
using CulturalServerless.Validation;

namespace CulturalServerless.Functions.Http;

/// <summary>Reads optional query-string values; a value of the wrong form is a 400 problem naming it.</summary>
public static class QueryParameters
{
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    public static int? Integer(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw new ApiProblemException(ProblemType.InvalidParameter, $"Tham số {name} phải là số nguyên.",
            [new ValidationProblem($"$.query.{name}", "not-an-integer", $"{name} phải là số nguyên; đã nhận '{text}'.", $"{name} must be an integer; got '{text}'.")]);
    }
}
