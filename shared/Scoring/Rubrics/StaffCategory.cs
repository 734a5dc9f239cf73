namespace CulturalServerless.Scoring.Rubrics;

/// <summary>A category the staff total splits into, e.g. "officials" = "cán bộ, công chức".</summary>
public sealed record StaffCategory(string Id, string Title);
