namespace CulturalServerless.Application.Agencies;

/// <summary>
/// The body of <c>PUT /api/agencies/{agencyId}</c>. Every member is optional here so that a missing
/// one is reported as a validation problem with its path, not as a deserialisation failure.
/// </summary>
public sealed record AgencyRegistration
{
    /// <summary>Optional: when sent it must equal the id in the path, which is the one that counts.</summary>
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ParentBody { get; init; }
    public string? HeaderName { get; init; }
    public string? SteeringCommittee { get; init; }
    public string? Symbol { get; init; }
    public string? Jurisdiction { get; init; }
    public string? PlaceName { get; init; }
    public AgencyStaff? Staff { get; init; }
    public AgencySigner? Signer { get; init; }
    public AgencyContact? Contact { get; init; }

    /// <summary>
    /// The day this registration takes effect (default: today in Viet Nam, for a new agency or a
    /// change of what its reports print). Its jurisdiction must exist on that day. A date before the
    /// current registration's start is refused: history is not rewritten.
    /// </summary>
    public DateOnly? ValidFrom { get; init; }
}
