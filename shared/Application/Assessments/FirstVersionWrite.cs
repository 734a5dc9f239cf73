namespace CulturalServerless.Application.Assessments;

/// <summary>
/// What <see cref="IAssessmentStore.TryCreateFirstAsync"/> did: created the version and its head
/// (the head's ETag), or nothing, because the version's id or idempotency key is taken, or because
/// the register it was to open is open already (the agency numbered another document this year).
/// </summary>
public sealed record FirstVersionWrite(string? HeadETag, bool RegisterOpenAlready)
{
    public static readonly FirstVersionWrite VersionTaken = new(null, false);

    public static readonly FirstVersionWrite RegisterTaken = new(null, true);

    public bool Created => HeadETag is not null;
}
