using System.Globalization;
using CulturalServerless.Application.Problems;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Assessments;

/// <summary>The years an assessment may be for, checked the same way in routes and in list queries.</summary>
public static class AssessmentYear
{
    public const int Min = 2000;
    public const int Max = 2100;

    /// <summary>The year in a route (<c>$.route.year</c>), or a 400 problem.</summary>
    public static int FromRoute(string yearText)
    {
        if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= Min and <= Max)
        {
            return year;
        }
        throw ApiProblemException.InvalidRoute("year", $"Năm phải là số từ {Min} đến {Max}.", $"The year must be a number from {Min} to {Max}.");
    }

    /// <summary>Adds the problem of a missing or out-of-range <c>year</c> query parameter.</summary>
    public static void CheckQuery(ValidationProblemList problems, int? year)
    {
        if (year is null or < Min or > Max)
        {
            problems.Add("$.query.year", "invalid-year", $"Cần tham số year từ {Min} đến {Max}.", $"The year parameter ({Min}–{Max}) is required.");
        }
    }
}
