using System.Globalization;
using CulturalServerless.Application.Problems;

namespace CulturalServerless.Application.Assessments;

/// <summary>A version number in a route.</summary>
public static class VersionNumber
{
    /// <summary>The version in a route (<c>$.route.version</c>), or a 400 problem.</summary>
    public static int FromRoute(string versionText)
    {
        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw ApiProblemException.InvalidRoute("version", "Số phiên bản phải là số nguyên dương.", "The version must be a positive integer.");
        }
        return number;
    }
}
