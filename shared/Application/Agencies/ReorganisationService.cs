using System.Diagnostics;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Problems;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Agencies;

/// <summary>
/// Applies a reorganisation to the stored agencies: the shipped successions of its date
/// (1 July 2025: 52 provinces into 23) plus any the admin sends (districts and communes), which
/// are recorded in the catalogue and count for every later run of the same date. Each
/// agency registered before the date under a unit that ended moves to its successor, with a new
/// registration period from the date and a <c>moved</c> entry in its history, and its assessments
/// of every year follow it. An agency whose unit lies below one that ended (a district or commune of
/// a merged province) moves only when its own successor is given or its path exists under the new
/// province; otherwise it is reported as unplaceable, to be placed by hand. Idempotent: an agency
/// whose current period starts on or after the date is not moved again, only its assessments are
/// brought in step, so a second run (or the retry of one cut short) completes the first and changes nothing else.
/// Committee webhooks are not moved (a receiver registered by one committee is not handed the
/// digests of a larger one): each whose unit ends is reported with the unit that carries it on and
/// the committee its agencies' digests go to from now (<see cref="EndedCommitteeWebhook"/>).
/// </summary>
public sealed partial class ReorganisationService(
    IAgencyStore agencies, JurisdictionCatalogue catalogue, IAgencyPlaceFollower places, ICommitteeWebhookAudit committeeWebhooks,
    TimeProvider clock, ILogger<ReorganisationService> logger)
{
    public const int MaxSuccessions = 5_000;
    private const int PageSize = 100;

    public async Task<ReorganisationReport> ApplyAsync(Caller caller, ReorganisationRequest request, TimeSpan budget, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "áp dụng sắp xếp đơn vị hành chính", Roles.Admin);
        var units = await catalogue.GetAsync(cancellationToken);
        var (date, table, sent) = Validate(request, units);
        // Recorded before any agency moves, so the catalogue knows where the units went even when
        // this run is cut short, and a run of the same date without them applies them again.
        if (sent.Count > 0) await catalogue.RecordSentAsync(date, sent, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var report = new ReorganisationReport(date);
        report.CommitteeWebhooks.AddRange(await committeeWebhooks.EndedAsync(date, table, units, cancellationToken));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var from in table.Keys.Where(f => !table.Keys.Any(o => o != f && JurisdictionCode.IsWithin(f, o))).Order(StringComparer.Ordinal))
        {
            string? token = null;
            do
            {
                var page = await agencies.ListAsync(from, null, token, PageSize, cancellationToken);
                foreach (var agency in page.Items.Where(a => seen.Add(a.Id)))
                {
                    if (Stopwatch.GetElapsedTime(started) > budget)
                    {
                        report.Complete = false;
                        return report;
                    }
                    await PlaceAsync(caller.Actor, agency, date, table, units, report, cancellationToken);
                }
                token = page.ContinuationToken;
            } while (token is not null);
        }
        LogApplied(date, report.Moved.Count, report.AlreadyMoved.Count, report.Unplaceable.Count, report.CommitteeWebhooks.Count, caller.Subject);
        return report;
    }

    private async Task PlaceAsync(
        Actor actor, Agency agency, DateOnly date, Dictionary<string, string> table, UnitCatalogue units, ReorganisationReport report, CancellationToken cancellationToken)
    {
        if (agency.Periods()[^1].ValidFrom >= date)
        {
            // Already in the new structure: moved by an earlier run, or registered since.
            if (agency.History.Any(c => c.Action == "moved" && c.Detail?.StartsWith(Key(date), StringComparison.Ordinal) == true))
            {
                report.AlreadyMoved.Add(agency.Id);
                report.AssessmentsMoved += await places.FollowAsync(agency.Id, agency.Jurisdiction, actor, cancellationToken);
            }
            return;
        }
        var from = table.Keys.Where(f => JurisdictionCode.IsWithin(agency.Jurisdiction, f)).MaxBy(f => f.Length)!;
        var target = table[from] + agency.Jurisdiction[from.Length..];
        if (target != table[from] && units.Find(target, date) is null)
        {
            var ended = units.Versions(agency.Jurisdiction).LastOrDefault();
            var label = ended is null ? agency.Jurisdiction : JurisdictionCheck.Label(ended);
            report.Unplaceable.Add(new UnplaceableAgency(agency.Id, agency.Jurisdiction,
                $"{label} không còn từ {JurisdictionCheck.Date(date)} và không có đơn vị kế thừa được chỉ định: hãy chọn xã, phường mới cho cơ quan (hoặc gửi successions cho {agency.Jurisdiction}).",
                $"{label} ceased on {date:yyyy-MM-dd} and no successor was given: choose its new commune by hand (or send a succession for {agency.Jurisdiction})."));
            return;
        }
        var moved = await MoveAsync(actor, agency.Id, date, target, units, cancellationToken);
        if (moved is null) return; // moved meanwhile by someone else: the next run reports it
        report.Moved.Add(new MovedAgency(agency.Id, agency.Jurisdiction, target));
        report.AssessmentsMoved += await places.FollowAsync(agency.Id, target, actor, cancellationToken);
    }

    private Task<Agency?> MoveAsync(Actor actor, string agencyId, DateOnly date, string target, UnitCatalogue units, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await agencies.FindAsync(agencyId, ct);
            if (current is null) return Attempt<Agency?>.Done(null);
            var agency = current.Value;
            var periods = agency.Periods();
            if (periods[^1].ValidFrom >= date) return Attempt<Agency?>.Done(null);
            var now = clock.GetUtcNow();
            var detail = $"{Key(date)}: {Describe(units, agency.Jurisdiction, date.AddDays(-1))} → {Describe(units, target, date)}";
            var moved = agency with
            {
                Jurisdiction = target,
                Registrations = AgencyRegistrations.With(periods, periods[^1] with { ValidFrom = date, ValidTo = null, Jurisdiction = target, RecordedAt = now, RecordedBy = actor })!,
                UpdatedAt = now,
                History = [.. agency.History, new AgencyChange(now, actor, "moved", ["jurisdiction"], detail)],
            };
            return await agencies.TryReplaceAsync(moved, current.ETag, ct) is { } replaced
                ? Attempt<Agency?>.Done(replaced.Value)
                : Attempt<Agency?>.Retry;
        }, clock, $"Cơ quan '{agencyId}' đang được cập nhật đồng thời; hãy chạy lại.", cancellationToken);

    private static string Describe(UnitCatalogue units, string code, DateOnly date) =>
        units.Find(code, date) is { } unit ? JurisdictionCheck.Label(unit) : code;

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The date, the succession table (from → to): shipped or recorded for the date, then the
    /// request's, which win for the same code; and the request's own, the last for each code.
    /// </summary>
    private static (DateOnly Date, Dictionary<string, string> Table, IReadOnlyList<Succession> Sent) Validate(ReorganisationRequest request, UnitCatalogue units)
    {
        var problems = new ValidationProblemList();
        if (request.EffectiveDate is null)
        {
            problems.Add("$.effectiveDate", "required", "Cần ngày có hiệu lực của việc sắp xếp (yyyy-MM-dd).", "The reorganisation's effective date (yyyy-MM-dd) is required.");
        }
        var extra = request.Successions ?? [];
        if (extra.Count > MaxSuccessions)
        {
            problems.Add("$.successions", "too-many", $"Tối đa {MaxSuccessions} dòng kế thừa mỗi lần.", $"At most {MaxSuccessions} successions per run.");
        }
        var date = request.EffectiveDate ?? default;
        var table = units.Successions.Where(s => s.On == date).ToDictionary(s => s.From, s => s.To, StringComparer.Ordinal);
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < extra.Count && i < MaxSuccessions; i++)
        {
            var (from, to) = (extra[i]?.From, extra[i]?.To);
            if (!JurisdictionCode.IsValid(from))
            {
                problems.Add($"$.successions[{i}].from", "invalid-jurisdiction", "Mã đơn vị cũ không hợp lệ.", "Invalid code of the former unit.");
            }
            if (!JurisdictionCode.IsValid(to))
            {
                problems.Add($"$.successions[{i}].to", "invalid-jurisdiction", "Mã đơn vị mới không hợp lệ.", "Invalid code of the new unit.");
            }
            else if (request.EffectiveDate is not null && units.Check(to!, date) is { IsValid: false } check)
            {
                problems.Add($"$.successions[{i}].to", check.Code!, check.Message, check.MessageEn);
            }
            if (JurisdictionCode.IsValid(from) && JurisdictionCode.IsValid(to)) table[from!] = sent[from!] = to!;
        }
        if (problems.Count == 0 && table.Count == 0)
        {
            problems.Add("$.effectiveDate", "no-successions", $"Không có dòng kế thừa nào từ {JurisdictionCheck.Date(date)}.", $"There are no successions on {date:yyyy-MM-dd}.");
        }
        if (problems.Count > 0) throw ApiProblemException.Invalid(problems.ToResult().Problems);
        return (date, table, sent.Select(s => new Succession(s.Key, s.Value, date, Succession.SentWithReorganisation)).ToList());
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Reorganisation of {Date} applied: {Moved} moved, {AlreadyMoved} moved earlier, {Unplaceable} to place by hand, {EndedCommitteeWebhooks} committee webhooks of ended units, by {Subject}")]
    private partial void LogApplied(DateOnly date, int moved, int alreadyMoved, int unplaceable, int endedCommitteeWebhooks, string subject);
}

/// <summary>The body of <c>POST /api/jurisdictions/reorganisations</c>.</summary>
public sealed record ReorganisationRequest
{
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Successions to apply besides the shipped ones of the date, e.g. a district to the commune that took over its seat.</summary>
    public IReadOnlyList<SuccessionEntry?>? Successions { get; init; }
}

public sealed record SuccessionEntry(string? From, string? To);

/// <summary>What a run did: agencies moved now, moved by an earlier run, and left to place by hand.</summary>
public sealed class ReorganisationReport(DateOnly effectiveDate)
{
    public DateOnly EffectiveDate { get; } = effectiveDate;

    /// <summary>False when the run stopped at its time budget: run it again to go on.</summary>
    public bool Complete { get; set; } = true;

    public List<MovedAgency> Moved { get; } = [];
    public List<string> AlreadyMoved { get; } = [];
    public List<UnplaceableAgency> Unplaceable { get; } = [];

    /// <summary>Assessment heads (agency-years) re-stamped with their agency's new jurisdiction.</summary>
    public int AssessmentsMoved { get; set; }

    /// <summary>Committee webhooks whose unit has ended: they receive no digest any more (not moved; an admin or the successor's committee registers the successor's).</summary>
    public List<EndedCommitteeWebhook> CommitteeWebhooks { get; } = [];
}

public sealed record MovedAgency(string AgencyId, string From, string To);

/// <summary>
/// A committee webhook whose unit has ended: the unit that carries it on, the committee that now
/// receives its agencies' digests (the nearest with a webhook at or above it; null when none), and why.
/// </summary>
public sealed record EndedCommitteeWebhook(string Owner, string CarriedOnBy, string? DigestsTo, string Reason, string ReasonEn);

public sealed record UnplaceableAgency(string AgencyId, string Jurisdiction, string Reason, string ReasonEn);
