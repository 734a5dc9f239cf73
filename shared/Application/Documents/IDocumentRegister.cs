namespace CulturalServerless.Application.Documents;

/// <summary>
/// The register of an issuing body's documents (Decree 30/2020): numbers consecutive per issuer and
/// calendar year, from 1 each 1 January. Asking again for the same document returns its number
/// instead of spending a new one.
/// </summary>
public interface IDocumentRegister
{
    /// <summary>The number of <paramref name="documentKey"/> in <paramref name="issuer"/>'s register for <paramref name="year"/>.</summary>
    Task<int> NumberForAsync(string issuer, int year, string documentKey, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="agencyId"/>'s register for calendar year <paramref name="year"/> is
    /// kept beside its assessment of the same year, so that the assessment's first version can open
    /// the register as number 1 in the write that creates it
    /// (<see cref="Assessments.IAssessmentStore.TryCreateFirstAsync"/>).
    /// </summary>
    Task<bool> OpensBesideAssessmentAsync(string agencyId, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back <paramref name="number"/>, taken for <paramref name="documentKey"/> by a document
    /// that is not issued under it after all, so that the register keeps no gap: the last number
    /// is simply taken again, an earlier one goes to the next document asked for. Nothing changes
    /// when <paramref name="documentKey"/> does not hold <paramref name="number"/> (given back already).
    /// </summary>
    Task ReleaseAsync(string issuer, int year, string documentKey, int number, CancellationToken cancellationToken);
}
