using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;
using System.Net;
using System.Text.Json;
using CulturalServerless.Serialization;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Assessment heads and versions in the <c>assessments</c> container. Everything but the
/// committee's list stays inside one agency-year partition and is a point read where it can be.
/// </summary>
public sealed class AssessmentRepository(Database database) : IAssessmentStore
{
    private static readonly TransactionalBatchItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };

    private readonly Container container = database.GetContainer(CosmosContainers.Assessments.Name);

    public Task<Stored<AssessmentHead>?> FindHeadAsync(string agencyId, int year, CancellationToken cancellationToken) =>
        container.FindAsync<AssessmentHead>(AssessmentKeys.HeadId(agencyId, year), AssessmentKeys.PartitionKey(agencyId, year), cancellationToken);

    public Task<Stored<AssessmentVersion>?> FindVersionAsync(string agencyId, int year, int version, CancellationToken cancellationToken) =>
        container.FindAsync<AssessmentVersion>(AssessmentKeys.VersionId(agencyId, year, version), AssessmentKeys.PartitionKey(agencyId, year), cancellationToken);

    public async Task<AssessmentVersion?> FindVersionByIdempotencyKeyAsync(string agencyId, int year, string key, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentVersion.DocumentType)
            .Where("c.idempotencyKey = @key", "@key", key)
            .Select("SELECT * FROM c");
        var page = await CosmosPaging.ReadPageAsync<AssessmentVersion>(
            container, query, null, 1, cancellationToken, new PartitionKey(AssessmentKeys.PartitionKey(agencyId, year)));
        return page.Items.FirstOrDefault();
    }

    public async Task<AssessmentVersion?> FindVersionByReportSha256Async(string sha256, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentVersion.DocumentType)
            .Where("c.report.sha256 = @sha256", "@sha256", sha256)
            .Select("SELECT * FROM c");
        var page = await CosmosPaging.ReadPageAsync<AssessmentVersion>(container, query, null, 1, cancellationToken);
        return page.Items.FirstOrDefault();
    }

    public async Task<bool> TryCreateVersionAsync(AssessmentVersion version, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(version, version.PartitionKey, cancellationToken) is not null;

    public Task<string?> TryCreateHeadAsync(AssessmentHead head, CancellationToken cancellationToken) =>
        container.TryCreateAsync(head, head.PartitionKey, cancellationToken);

    public async Task<FirstVersionWrite> TryCreateFirstAsync(
        AssessmentVersion version, AssessmentHead head, bool opensRegister, CancellationToken cancellationToken)
    {
        // One transactional batch in the agency-year's partition: the service applies every create
        // or none, so no reader ever sees the first version without its head, nor a register
        // without the document numbered 1 in it.
        var batch = container.CreateTransactionalBatch(new PartitionKey(version.PartitionKey))
            .CreateItem(version, NoContent)
            .CreateItem(head, NoContent);
        if (opensRegister)
        {
            var (partitionKey, id) = RegisterLayout.BesideAssessment(version.AgencyId, version.Issue.Date.Year);
            if (partitionKey != version.PartitionKey || version.Issue.Sequence != 1)
            {
                throw new ArgumentException($"{version.Id} cannot open the register of {version.Issue.Date.Year} as number {version.Issue.Sequence}.", nameof(version));
            }
            batch.CreateItem(RegisterDocument.Opened(id, partitionKey, version.AgencyId, version.Issue.Date.Year, version.Id), NoContent);
        }
        using var response = await batch.ExecuteAsync(cancellationToken);
        if (response.IsSuccessStatusCode) return new FirstVersionWrite(response[1].ETag, RegisterOpenAlready: false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            // The operation that failed answers 409, the others 424: the version and head come first,
            // so the register is named only when they were free.
            return opensRegister && response[2].StatusCode == HttpStatusCode.Conflict ? FirstVersionWrite.RegisterTaken : FirstVersionWrite.VersionTaken;
        }
        // Anything else is what a single create would have thrown: 429/503/408 reach the caller as
        // the dependency being unavailable, the rest as the bug it is.
        throw new CosmosException(
            $"The batch creating {version.Id} and its head failed: {response.ErrorMessage}",
            response.StatusCode, int.TryParse(response.Headers["x-ms-substatus"], out var subStatus) ? subStatus : 0,
            response.ActivityId, response.RequestCharge);
    }

    public Task<string?> TryReplaceHeadAsync(AssessmentHead head, string eTag, CancellationToken cancellationToken) =>
        container.TryReplaceAsync(head, head.Id, head.PartitionKey, eTag, cancellationToken);

    public async Task<bool> TryReplaceVersionAsync(AssessmentVersion version, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(version, version.Id, version.PartitionKey, eTag, cancellationToken) is not null;

    // Timestamps are stored as System.Text.Json writes a DateTimeOffset (ISO 8601, trailing zeros
    // of the fraction trimmed) and always in UTC ("+00:00"), so comparing them as strings orders
    // them as instants; the parameters are written the same way.
    public Task<Page<VersionKey>> FindReportsDueAsync(
        DateTimeOffset requestedBefore, DateTimeOffset now, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentVersion.DocumentType)
            .Where("((c.report.state = 'requested' AND (c.report.requestedAt <= @requestedBefore"
                + " OR (NOT IS_DEFINED(c.report.requestedAt) AND c.submittedAt <= @requestedBefore)))"
                + " OR (c.report.state = 'failed' AND IS_STRING(c.report.retryAt) AND c.report.retryAt <= @now))",
                "@requestedBefore", Timestamp(requestedBefore))
            .With("@now", Timestamp(now))
            .Select("SELECT c.agencyId, c.year, c.version FROM c");
        return CosmosPaging.ReadPageAsync<VersionKey>(container, query, continuationToken, pageSize, cancellationToken);
    }

    public async Task<Page<VersionKey>> FindHeadsAwaitingReportAsync(
        DateTimeOffset unchangedSince, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentHead.DocumentType)
            .Where("c.report.state != @ready", "@ready", "ready")
            .Where("c.updatedAt <= @unchangedSince", "@unchangedSince", Timestamp(unchangedSince))
            .Select("SELECT c.agencyId, c.year, c.latestVersion FROM c");
        var page = await CosmosPaging.ReadPageAsync<HeadLatest>(container, query, continuationToken, pageSize, cancellationToken);
        return new Page<VersionKey>([.. page.Items.Select(h => new VersionKey(h.AgencyId, h.Year, h.LatestVersion))], page.ContinuationToken);
    }

    private static string Timestamp(DateTimeOffset value) => CosmosQueries.Timestamp(value);

    public async Task<Page<AssessmentHead>> ListAsync(AssessmentFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentHead.DocumentType)
            .Where("c.year = @year", "@year", filter.Year);
        if (filter.Jurisdiction is { } jurisdiction) query.WithinJurisdiction(jurisdiction);
        query.InScope(filter.Access, "c.agencyId");
        if (filter.Status is { } status) query.Where("c.status = @status", "@status", status);
        if (filter.Verdict is { } verdict) query.Where("c.verdict = @verdict", "@verdict", verdict);
        // One ORDER BY field: a second would need a composite index; the SDK resumes ties by resource id.
        return await CosmosPaging.ReadPageAsync<AssessmentHead>(
            container, query.Select("SELECT * FROM c", "c.computedTotal DESC"), continuationToken, pageSize, cancellationToken);
    }

    public async Task<IReadOnlyList<HeadPlace>> FindHeadPlacesAsync(string agencyId, CancellationToken cancellationToken)
    {
        var places = new List<HeadPlace>();
        await foreach (var place in CosmosQueries.ReadAllAsync<HeadPlace>(container, HeadsOfAgency(agencyId, "SELECT c.year, c.jurisdiction FROM c"), cancellationToken)) places.Add(place);
        return places;
    }

    public async Task<IReadOnlyList<AssessmentHead>> ListHeadsOfAgencyAsync(string agencyId, CancellationToken cancellationToken)
    {
        var heads = new List<AssessmentHead>();
        await foreach (var head in CosmosQueries.ReadAllAsync<AssessmentHead>(container, HeadsOfAgency(agencyId, "SELECT * FROM c"), cancellationToken)) heads.Add(head);
        return [.. heads.OrderBy(h => h.Year)];
    }

    private static QueryDefinition HeadsOfAgency(string agencyId, string select) => new FilteredQuery()
        .Where("c.type = @type", "@type", AssessmentHead.DocumentType)
        .Where("c.agencyId = @agencyId", "@agencyId", agencyId)
        .Select(select);

    public async Task<IReadOnlyDictionary<string, AssessmentStatus>> FindStatusesAsync(
        int year, IReadOnlyCollection<string> agencyIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, AssessmentStatus>(StringComparer.Ordinal);
        if (agencyIds.Count == 0) return statuses;
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentHead.DocumentType)
            .Where("c.year = @year", "@year", year)
            .Where("ARRAY_CONTAINS(@ids, c.agencyId)", "@ids", agencyIds)
            .Select("SELECT c.agencyId, c.status FROM c");
        await foreach (var head in CosmosQueries.ReadAllAsync<HeadStatus>(container, query, cancellationToken))
        {
            statuses[head.AgencyId] = head.Status;
        }
        return statuses;
    }

    public async Task<AppraisalCounts> CountAppraisalsAsync(int year, string jurisdiction, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentHead.DocumentType)
            .Where("c.year = @year", "@year", year)
            .WithinJurisdiction(jurisdiction)
            .Select("SELECT c.appraisal.state AS state, c.appraisal.result AS result FROM c");
        var counts = AppraisalCounts.None;
        await foreach (var head in CosmosQueries.ReadAllAsync<HeadAppraisal>(container, query, cancellationToken)) counts = counts.Add(head.State, head.Result);
        return counts;
    }

    private sealed record HeadAppraisal(AppraisalState? State, AppraisalResult? Result);

    private sealed record HeadLatest(string AgencyId, int Year, int LatestVersion);

    private sealed record HeadStatus(string AgencyId, AssessmentStatus Status);
}
