using System.Text.Json;
using CulturalServerless.Serialization;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// Reads a rubric document (shipped JSON, or later one stored in Cosmos DB) and checks it. A JSON
/// syntax or shape error stops the reader, so it comes back alone; otherwise every rule of
/// <see cref="RubricValidator"/> is checked and all problems come back together.
/// </summary>
public static class RubricLoader
{
    public static RubricLoadResult Load(string json)
    {
        Rubric? rubric;
        try
        {
            rubric = JsonSerializer.Deserialize<Rubric>(json, JsonDefaults.Options);
        }
        catch (JsonException exception)
        {
            var problems = new ValidationProblemList();
            problems.Add(exception.Path ?? JsonPath.Root, "rubric.json",
                $"Tài liệu bộ tiêu chí không đúng cấu trúc JSON: {exception.Message}",
                $"The rubric document is not valid JSON for a rubric: {exception.Message}");
            return new RubricLoadResult(null, problems.ToResult());
        }
        if (rubric is null)
        {
            var problems = new ValidationProblemList();
            problems.Add(JsonPath.Root, "rubric.json", "Tài liệu bộ tiêu chí rỗng.", "The rubric document is empty (null).");
            return new RubricLoadResult(null, problems.ToResult());
        }
        return new RubricLoadResult(rubric, RubricValidator.Validate(rubric));
    }

    public static RubricLoadResult Load(Stream utf8Json)
    {
        using var reader = new StreamReader(utf8Json);
        return Load(reader.ReadToEnd());
    }
}
