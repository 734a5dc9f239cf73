using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Paging;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Assessment heads and versions in the <c>assessments</c> container. Everything but the
/// committee's list stays inside one agency-year partition and is a point read where it can be.
/// </summary>
public sealed class AssessmentRepository(Database database)
{
    private readonly Container container = database.GetContainer(CosmosContainers.Assessments.Name);

    public Task<Stored<AssessmentRecord>?> FindHeadAsync(string agencyId, int year, CancellationToken cancellationToken) =>
        container.FindAsync<AssessmentRecord>(AssessmentKeys.HeadId(agencyId, year), AssessmentKeys.PartitionKey(agencyId, year), cancellationToken);

    public Task<Stored<AssessmentVersion>?> FindVersionAsync(string agencyId, int year, int version, CancellationToken cancellationToken) =>
        container.FindAsync<AssessmentVersion>(AssessmentKeys.VersionId(agencyId, year, version), AssessmentKeys.PartitionKey(agencyId, year), cancellationToken);

    public async Task<AssessmentVersion?> FindVersionByIdempotencyKeyAsync(string agencyId, int year, string key, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.idempotencyKey = @key")
            .WithParameter("@type", AssessmentVersion.DocumentType)
            .WithParameter("@key", key);
        var page = await CosmosPaging.ReadPageAsync<AssessmentVersion>(
            container, query, null, 1, cancellationToken, new PartitionKey(AssessmentKeys.PartitionKey(agencyId, year)));
        return page.Items.FirstOrDefault();
    }

    /// <summary>The version whose signed report has this SHA-256, across all agencies (a rare verification query).</summary>
    public async Task<AssessmentVersion?> FindVersionByReportSha256Async(string sha256, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.report.sha256 = @sha256")
            .WithParameter("@type", AssessmentVersion.DocumentType)
            .WithParameter("@sha256", sha256);
        var page = await CosmosPaging.ReadPageAsync<AssessmentVersion>(container, query, null, 1, cancellationToken);
        return page.Items.FirstOrDefault();
    }

    /// <summary>Creates a version; false when its id or its idempotency key is taken in the partition (409).</summary>
    public async Task<bool> TryCreateVersionAsync(AssessmentVersion version, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(version, version.PartitionKey, cancellationToken) is not null;

    public async Task<bool> TryCreateHeadAsync(AssessmentRecord head, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(head, head.PartitionKey, cancellationToken) is not null;

    /// <summary>Replaces a document if it still has <paramref name="eTag"/>; false when someone changed it first (412).</summary>
    public async Task<bool> TryReplaceAsync<T>(T document, string id, string partitionKey, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(document, id, partitionKey, eTag, cancellationToken) is not null;

    public async Task<Page<AssessmentRecord>> ListAsync(AssessmentFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var conditions = new List<string> { "c.type = @type", "c.year = @year" };
        var parameters = new Dictionary<string, object> { ["@type"] = AssessmentRecord.DocumentType, ["@year"] = filter.Year };
        if (filter.Jurisdiction is { } scope)
        {
            conditions.Add("(c.jurisdiction = @scope OR STARTSWITH(c.jurisdiction, @under))");
            parameters["@scope"] = scope;
            parameters["@under"] = scope + ".";
        }
        if (filter.Access is { } access) conditions.Add(ScopeCondition.Of(access, "c.agencyId", parameters));
        if (filter.Status is { } status)
        {
            conditions.Add("c.status = @status");
            parameters["@status"] = status;
        }
        if (filter.Verdict is { } verdict)
        {
            conditions.Add("c.verdict = @verdict");
            parameters["@verdict"] = verdict;
        }
        // One ORDER BY field: a second would need a composite index; the SDK resumes ties by resource id.
        var query = new QueryDefinition($"SELECT * FROM c WHERE {string.Join(" AND ", conditions)} ORDER BY c.computedTotal DESC");
        foreach (var (name, value) in parameters) query = query.WithParameter(name, value);
        return await CosmosPaging.ReadPageAsync<AssessmentRecord>(container, query, continuationToken, pageSize, cancellationToken);
    }
}

/// <summary>
/// What the steering committee filters its list by; status and verdict as their JSON names;
/// <see cref="Access"/> is the caller's scope (null: no restriction).
/// </summary>
public sealed record AssessmentFilter(int Year, string? Jurisdiction, string? Status, string? Verdict, AccessScope? Access = null);
