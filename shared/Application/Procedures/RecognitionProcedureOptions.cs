namespace CulturalServerless.Application.Procedures;

/// <summary>
/// The <c>Procedures</c> settings. <c>Procedures__Path</c> names a JSON file in the format of the
/// shipped Data/procedures.json (and optionally a "provinces" part like Data/provinces.json): its
/// procedures win over the shipped ones of the same reach, so a province can replace the default
/// wording, deadlines or body without a release. docs/procedures.md.
/// </summary>
public sealed class RecognitionProcedureOptions
{
    public const string Section = "Procedures";

    public string? Path { get; set; }
}
