using CulturalServerless.Application.Access;

namespace CulturalServerless.Application.Agencies;

/// <summary>
/// A registered agency (cơ quan): who it is, whose steering committee oversees it
/// (<see cref="Jurisdiction"/>), and what its official report needs — parent and issuing body,
/// the symbol in its document numbers ("BC-VP"), the place in its dates and its signer.
/// </summary>
public sealed record Agency
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string ParentBody { get; init; }

    /// <summary>
    /// The agency's name as the report's header prints it under the parent body (seed: "Văn phòng"
    /// under "UBND tỉnh Quảng Ngãi"); <see cref="Name"/> when not given.
    /// </summary>
    public string? HeaderName { get; init; }

    /// <summary>
    /// The steering committee the report asks for recognition (seed: "Ban chỉ đạo Toàn dân đoàn kết
    /// xây dựng đời sống văn hóa thành phố Quảng Ngãi"); the movement's committee without a place when not given.
    /// </summary>
    public string? SteeringCommittee { get; init; }

    public required string Symbol { get; init; }
    public required string Jurisdiction { get; init; }
    public required string PlaceName { get; init; }
    public AgencyStaff? Staff { get; init; }
    public required AgencySigner Signer { get; init; }
    public AgencyContact? Contact { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The registration history with validity dates, oldest first; the last is the current one, as
    /// the fields above say. Reports of a past year print the period of that year.
    /// </summary>
    public IReadOnlyList<AgencyRegistrationPeriod> Registrations { get; init; } = [];

    /// <summary>Every write: who (subject and client), when, and which fields it changed. Readable by whoever may read the agency.</summary>
    public IReadOnlyList<AgencyChange> History { get; init; } = [];
}

/// <summary>
/// One write of an agency: <c>registered</c>, <c>updated</c> or <c>moved</c> (by a reorganisation),
/// with the top-level fields it changed; a move says from where to where in <see cref="Detail"/>.
/// </summary>
public sealed record AgencyChange(DateTimeOffset At, Actor Actor, string Action, IReadOnlyList<string> Changed, string? Detail = null);

/// <summary>Staff as the report's section I counts them (seed: 89 = 60 + 14 + 15).</summary>
public sealed record AgencyStaff(int Total, int Officials, int ContractWorkers, int PublicEmployees);

/// <summary>The signature block: optional authority prefix (TM., KT., …), title in capitals, name.</summary>
public sealed record AgencySigner(string Title, string Name, string? AuthorityPrefix = null);

/// <summary>Whom to contact at the agency. Reminders go to its webhook, registered with <c>PUT /api/agencies/{agencyId}/webhook</c>.</summary>
public sealed record AgencyContact(string? Name = null, string? Email = null, string? Phone = null);
