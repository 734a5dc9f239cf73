namespace CulturalServerless.Application.Procedures;

/// <summary>
/// The recognition procedure in force for a jurisdiction on a date: who recognises, on which legal
/// bases, after how many years, with which deadlines and decision wording. Configuration, not code
/// (shipped in Procedures/Data, overridable by <c>Procedures__Path</c>; docs/procedures.md).
/// </summary>
public interface IRecognitionProcedures
{
    /// <summary>
    /// The procedure for <paramref name="jurisdiction"/> (a dotted code) on <paramref name="date"/>:
    /// the one configured for the most specific unit that is or contains it (commune, then
    /// province, then the national default), with the steering committee configured for the most
    /// specific such unit.
    /// </summary>
    /// <exception cref="ProcedureNotFoundException">No procedure covers that date, or the province code is not known on it.</exception>
    RecognitionProcedure For(string jurisdiction, DateOnly date);
}
