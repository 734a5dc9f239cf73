namespace CulturalServerless.Application.Access;

/// <summary>
/// The app roles the API knows, as Entra ID puts them in a token's <c>roles</c> claim and as the
/// registry of API clients grants them.
/// </summary>
public static class Roles
{
    /// <summary>A portal or a person acting for one or more agencies: registers them and submits their figures.</summary>
    public const string Submitter = "submitter";

    /// <summary>A steering committee (Ban chỉ đạo) of a jurisdiction: reads and reviews everything under it.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>
    /// Issues recognition decisions on behalf of the recognising body of a jurisdiction (the labour
    /// federation's chairman since 2023): creates decisions from agencies whose final appraisal met
    /// the standard, and reads what it decides on. It does not appraise: that is the reviewers' work.
    /// </summary>
    public const string Decider = "decider";

    /// <summary>Keeps the rubrics, the agency registry and the registry of API clients.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Submitter, Reviewer, Decider, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
