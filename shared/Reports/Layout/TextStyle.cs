namespace CulturalServerless.Reports.Layout;

/// <summary>Size in points and face of a run of text; the family is always the report font.</summary>
public readonly record struct TextStyle(double Size, bool Bold = false, bool Italic = false);
