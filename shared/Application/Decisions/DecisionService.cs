using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CulturalServerless.Agencies;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Documents;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Reports;
using CulturalServerless.Calendar;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Serialization;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Decisions;

/// <summary>
/// Recognition decisions: a decider of the recognising body's jurisdiction asks for one listing
/// agencies whose final appraisal met the standard for every year of their period; each agency
/// not eligible is refused with its reason, all at once. The decision is numbered in the body's
/// register and stored whole in one write, then its render request is written; the blob trigger
/// renders and signs it (<see cref="DecisionRenderingService"/>). Idempotency-Key is required, so a
/// retry returns the first decision and finishes what the first attempt began.
/// </summary>
public sealed partial class DecisionService(
    IAgencyStore agencies,
    IAssessmentStore assessments,
    IDecisionStore decisions,
    IDecisionDocumentStore documents,
    IDocumentRegister register,
    IRecognitionProcedures procedures,
    AgencyClaims claims,
    TimeProvider clock,
    ILogger<DecisionService> logger)
{
    public const int MaxAgencies = 1000;
    public const int MaxSignerNameLength = 200;

    public async Task<DecisionOutcome> CreateAsync(Caller caller, DecisionRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "ban hành quyết định công nhận", Roles.Decider);
        var key = IdempotencyKeys.Require(idempotencyKey, "Ban hành quyết định");
        var problems = new ValidationProblemList();
        var jurisdiction = request.Jurisdiction;
        if (!JurisdictionCode.IsValid(jurisdiction))
        {
            problems.Add("$.jurisdiction", "invalid-jurisdiction", "Cần mã địa bàn hợp lệ (ví dụ: 51).", "A valid jurisdiction code (e.g. 51) is required.");
        }
        else if (!AccessRules.CanDecide(caller, jurisdiction!))
        {
            throw AccessRules.Forbidden($"Bạn không được ban hành quyết định cho địa bàn '{jurisdiction}'.");
        }
        var today = VietnamCalendar.Today(clock);
        if (request.Year is not { } year || year < 2000 || year > today.Year)
        {
            problems.Add("$.year", "invalid-year", $"Cần năm cuối của giai đoạn công nhận, từ 2000 đến {today.Year}.", $"The last year of the period, 2000 to {today.Year}, is required.");
            year = 0;
        }
        if (string.IsNullOrWhiteSpace(request.SignerName) || request.SignerName.Length > MaxSignerNameLength)
        {
            problems.Add("$.signerName", "required", $"Cần họ tên người ký (tối đa {MaxSignerNameLength} ký tự).", $"The signer's name (at most {MaxSignerNameLength} characters) is required.");
        }
        var ids = new List<string>();
        if (request.AgencyIds is not { Count: > 0 and <= MaxAgencies } listed)
        {
            problems.Add("$.agencyIds", "required", $"Cần 1–{MaxAgencies} mã cơ quan.", $"1 to {MaxAgencies} agency ids are required.");
            listed = [];
        }
        for (var i = 0; i < listed.Count; i++)
        {
            if (!AgencyId.IsValid(listed[i])) problems.Add($"$.agencyIds[{i}]", "invalid-agency-id", "Mã cơ quan không hợp lệ.", "Invalid agency id.");
            else if (ids.Contains(listed[i]!)) problems.Add($"$.agencyIds[{i}]", "duplicate", $"Cơ quan '{listed[i]}' được nêu hai lần.", $"Agency '{listed[i]}' is listed twice.");
            else ids.Add(listed[i]!);
        }
        RecognitionProcedure? procedure = null;
        if (jurisdiction is not null && JurisdictionCode.IsValid(jurisdiction))
        {
            try
            {
                procedure = procedures.For(jurisdiction, today);
            }
            catch (ProcedureNotFoundException exception)
            {
                problems.Add("$.jurisdiction", "no-procedure", $"Chưa có cấu hình thủ tục công nhận cho địa bàn '{jurisdiction}': {exception.Message}",
                    $"No recognition procedure is configured for '{jurisdiction}'.");
            }
        }
        ThrowIfAny(ProblemType.Validation, problems);

        var id = DecisionKeys.IdOf(caller.ClientId, key);
        var requestHash = Hash(request);
        if (await decisions.FindAsync(id, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier.Value, requestHash, cancellationToken);
        }

        // Held while the agencies' prior decisions are read and this one is stored, so a
        // concurrent request listing one of them waits, or sees this decision once it is stored.
        var held = await claims.ClaimAsync(id, ids, cancellationToken);
        try
        {
            return await IssueAsync(caller, request, key, id, requestHash, jurisdiction!, year, ids, procedure!, today, held.TakenOverFrom, cancellationToken);
        }
        finally
        {
            await held.ReleaseAsync(cancellationToken);
        }
    }

    private async Task<DecisionOutcome> IssueAsync(
        Caller caller, DecisionRequest request, string key, string id, string requestHash, string jurisdiction, int year,
        IReadOnlyList<string> ids, RecognitionProcedure procedure, DateOnly today, IReadOnlyCollection<RecognitionDecisionRecord> alsoPrior,
        CancellationToken cancellationToken)
    {
        var listedAgencies = await EligibleAsync(caller, jurisdiction, year, ids, procedure, alsoPrior, cancellationToken);
        var registerKey = DecisionKeys.RegisterOf(procedure.Jurisdiction, procedure.Body.Symbol);
        var sequence = await register.NumberForAsync(registerKey, today.Year, id, cancellationToken);
        var now = clock.GetUtcNow();
        var decision = new RecognitionDecisionRecord
        {
            Id = id,
            Jurisdiction = jurisdiction,
            Year = year,
            Date = today,
            SignerName = request.SignerName!.Trim(),
            ProcedureId = procedure.Id,
            Register = registerKey,
            Sequence = sequence,
            DocumentNumber = CulturalServerless.Reports.DocumentNumber.OfDecision(sequence, procedure.Body.Symbol).Reference,
            Agencies = listedAgencies,
            AgencyIds = [.. listedAgencies.Select(a => a.AgencyId)],
            IdempotencyKey = key,
            RequestHash = requestHash,
            RequestedAt = now,
            RequestedBy = caller.Actor,
            Document = new VersionReport { State = ReportState.Requested, RequestPath = DecisionKeys.RequestName(id), RequestedAt = now },
        };
        if (!await decisions.TryCreateAsync(decision, cancellationToken))
        {
            // The same request, retried while the first was under way: answer with what it stored.
            var twin = await decisions.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Decision {id} exists but cannot be read.");
            return await ReplayAsync(twin.Value, requestHash, cancellationToken);
        }
        await documents.EnsureRequestedAsync(id, cancellationToken);
        LogCreated(id, decision.DocumentNumber, jurisdiction, year, listedAgencies.Count);
        return new DecisionOutcome(DecisionView.From(decision), Replayed: false);
    }

    public async Task<DecisionView> GetAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        DecisionView.From(await FindReadableAsync(caller, id, cancellationToken));

    /// <summary>A 15-minute read-only link to the signed decision; 404 with its state until it is signed.</summary>
    public async Task<DecisionLink> GetLinkAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var decision = await FindReadableAsync(caller, id, cancellationToken);
        if (decision.Document.State != ReportState.Ready || decision.Document.Sha256 is null)
        {
            var problem = ApiProblemException.NotFound(decision.Document.State == ReportState.Failed
                ? $"Quyết định {decision.DocumentNumber} chưa tạo được: {decision.Document.FailureReason}"
                : $"Quyết định {decision.DocumentNumber} đang được tạo và ký; vui lòng thử lại sau ít phút.");
            problem.Extensions["state"] = decision.Document.State;
            throw problem;
        }
        var link = await documents.IssueReadLinkAsync(id, ReportLinkService.Lifetime, cancellationToken);
        return new DecisionLink(link.Url, link.ExpiresOn, decision.Document.Sha256, decision.DocumentNumber);
    }

    private async Task<RecognitionDecisionRecord> FindReadableAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xem quyết định công nhận", AccessRules.Readers);
        var decision = (await decisions.FindAsync(id, cancellationToken))?.Value;
        if (decision is null || !AccessRules.CanReadDecision(caller, decision.Jurisdiction, decision.AgencyIds))
        {
            throw ApiProblemException.NotFound($"Không có quyết định '{id}'.");
        }
        return decision;
    }

    /// <summary>The listed agencies with what each is recognised for; every agency that cannot be is a problem at its index, all at once (422).</summary>
    private async Task<IReadOnlyList<DecisionAgency>> EligibleAsync(
        Caller caller, string jurisdiction, int year, IReadOnlyList<string> ids, RecognitionProcedure procedure,
        IReadOnlyCollection<RecognitionDecisionRecord> alsoPrior, CancellationToken cancellationToken)
    {
        var province = jurisdiction.Split('.')[0];
        // The decisions whose claims were taken over count even if the query has not seen them yet.
        var prior = (await decisions.ListForProvinceAsync(province, cancellationToken))
            .Concat(alsoPrior)
            .DistinctBy(d => d.Id, StringComparer.Ordinal)
            .Where(d => d.Document.State != ReportState.Failed)
            .ToList();
        var problems = new ValidationProblemList();
        var listed = new List<DecisionAgency>();
        for (var i = 0; i < ids.Count; i++)
        {
            var path = $"$.agencyIds[{i}]";
            var agency = (await agencies.FindAsync(ids[i], cancellationToken))?.Value;
            if (agency is null || !AccessRules.CanRead(caller, agency.Id, agency.Jurisdiction))
            {
                problems.Add(path, "not-found", $"Không có cơ quan '{ids[i]}' trong phạm vi của bạn.", $"There is no agency '{ids[i]}' in your scope.");
                continue;
            }
            if (!JurisdictionCode.IsWithin(agency.Jurisdiction, jurisdiction))
            {
                problems.Add(path, "outside-jurisdiction", $"Cơ quan '{agency.Id}' ({agency.Jurisdiction}) không thuộc địa bàn '{jurisdiction}' của quyết định.",
                    $"Agency '{agency.Id}' ({agency.Jurisdiction}) is not within the decision's jurisdiction '{jurisdiction}'.");
                continue;
            }
            var heads = await assessments.ListHeadsOfAgencyAsync(agency.Id, cancellationToken);
            var met = MetYears(heads);
            var earlier = prior.SelectMany(d => d.Agencies.Where(a => a.AgencyId == agency.Id).Select(a => new PriorRecognition(a.Kind, a.FromYear, a.ToYear, d.Id))).ToList();
            var verdict = RecognitionEligibility.For(year, met, earlier, procedure.FirstRecognitionAfterYears, procedure.ReRecognitionEveryYears);
            if (!verdict.Eligible)
            {
                var refusal = heads.FirstOrDefault(h => h.Year == year)?.Appraisal is { State: AppraisalState.Final, Result: AppraisalResult.DoesNotMeet } failed
                    ? $"; thẩm định năm {year} kết luận không đạt chuẩn: {string.Join("; ", failed.Reasons).TrimEnd('.')}"
                    : "";
                problems.Add(path, "not-eligible", $"Cơ quan '{agency.Id}' chưa đủ điều kiện: {string.Join("; ", verdict.Reasons)}{refusal}.",
                    $"Agency '{agency.Id}' is not eligible for recognition in {year}: missing years {string.Join(", ", verdict.MissingYears)}"
                    + (earlier.Count > 0 ? $" or already recognised through {earlier.Max(e => e.ToYear)}" : "") + ".");
                continue;
            }
            var points = heads.Single(h => h.Year == year).Appraisal!.AppraisedTotal;
            listed.Add(new DecisionAgency(agency.Id, agency.Name, agency.Jurisdiction, agency.PlaceName, points, verdict.Kind, verdict.FromYear, verdict.ToYear));
        }
        ThrowIfAny(ProblemType.NotEligible, problems);
        return listed;
    }

    /// <summary>The years whose final appraisal met the standard.</summary>
    public static IReadOnlySet<int> MetYears(IEnumerable<AssessmentHead> heads) =>
        heads.Where(h => h.Appraisal is { State: AppraisalState.Final, Result: AppraisalResult.Meets }).Select(h => h.Year).ToHashSet();

    private async Task<DecisionOutcome> ReplayAsync(RecognitionDecisionRecord earlier, string requestHash, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != requestHash)
        {
            throw new ApiProblemException(ProblemType.IdempotencyKeyReused,
                $"Idempotency-Key này đã dùng cho quyết định {earlier.DocumentNumber} với nội dung khác; hãy dùng khóa mới.");
        }
        // The first attempt may have stopped after storing the decision: write its render request.
        await documents.EnsureRequestedAsync(earlier.Id, cancellationToken);
        return new DecisionOutcome(DecisionView.From(earlier), Replayed: true);
    }

    private static string Hash(DecisionRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonDefaults.Options)));

    private static void ThrowIfAny(ProblemType type, ValidationProblemList problems)
    {
        var result = problems.ToResult();
        if (result.IsValid) return;
        throw type == ProblemType.Validation
            ? ApiProblemException.Invalid(result.Problems)
            : new ApiProblemException(type, $"{result.Problems.Count} cơ quan chưa đủ điều kiện công nhận (see errors); không quyết định nào được ban hành.", result.Problems);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {DecisionId} numbered {DocumentNumber} for {Jurisdiction}/{Year}: {Count} agencies; rendering requested")]
    private partial void LogCreated(string decisionId, string documentNumber, string jurisdiction, int year, int count);
}

/// <summary>A read-only link to a signed decision and what to check the file against.</summary>
public sealed record DecisionLink(Uri Url, DateTimeOffset ExpiresOn, string Sha256, string DocumentNumber);
