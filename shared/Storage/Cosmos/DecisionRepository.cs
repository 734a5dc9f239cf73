using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Reports;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Recognition decisions in the <c>decisions</c> container, partitioned by id: reads are point
/// reads; the few queries (an agency's decisions, a province's, one by its PDF's hash, the stuck ones) leave the
/// partition, over a container that holds a handful of decisions per province and year.
/// </summary>
public sealed class DecisionRepository(Database database) : IDecisionStore, IIssuedDecisions
{
    private readonly Container container = database.GetContainer(CosmosContainers.Decisions.Name);

    public Task<Stored<RecognitionDecisionRecord>?> FindAsync(string id, CancellationToken cancellationToken) =>
        container.FindAsync<RecognitionDecisionRecord>(id, id, cancellationToken);

    public async Task<bool> TryCreateAsync(RecognitionDecisionRecord decision, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(decision, decision.Id, cancellationToken) is not null;

    public async Task<bool> TryReplaceAsync(RecognitionDecisionRecord decision, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(decision, decision.Id, decision.Id, eTag, cancellationToken) is not null;

    public Task<IReadOnlyList<RecognitionDecisionRecord>> ListForAgencyAsync(string agencyId, CancellationToken cancellationToken) =>
        ReadAllAsync(new FilteredQuery()
            .Where("c.type = @type", "@type", RecognitionDecisionRecord.DocumentType)
            .Where("ARRAY_CONTAINS(c.agencyIds, @agencyId)", "@agencyId", agencyId), cancellationToken);

    public Task<IReadOnlyList<RecognitionDecisionRecord>> ListForProvinceAsync(string province, CancellationToken cancellationToken) =>
        ReadAllAsync(new FilteredQuery()
            .Where("c.type = @type", "@type", RecognitionDecisionRecord.DocumentType)
            .WithinJurisdiction(province), cancellationToken);

    public async Task<IssuedDecision?> FindBySha256Async(string sha256, CancellationToken cancellationToken) =>
        (await ReadAllAsync(new FilteredQuery()
            .Where("c.type = @type", "@type", RecognitionDecisionRecord.DocumentType)
            .Where("c.document.sha256 = @sha256", "@sha256", sha256), cancellationToken))
        .Select(d => new IssuedDecision(d.Id, d.Jurisdiction, d.Year, d.Agencies.Count, d.DocumentNumber, d.Document.CertificateThumbprint))
        .FirstOrDefault();

    // Timestamps compare as strings because they are stored in UTC ISO 8601 (CosmosQueries.Timestamp).
    public Task<Page<string>> FindStuckRequestedAsync(
        DateTimeOffset requestedBefore, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        CosmosPaging.ReadPageAsync<string>(container, new FilteredQuery()
            .Where("c.type = @type", "@type", RecognitionDecisionRecord.DocumentType)
            .Where("c.document.state = @requested", "@requested", "requested")
            .Where("(c.document.requestedAt <= @requestedBefore OR (NOT IS_DEFINED(c.document.requestedAt) AND c.requestedAt <= @requestedBefore))",
                "@requestedBefore", CosmosQueries.Timestamp(requestedBefore))
            .Select("SELECT VALUE c.id FROM c"), continuationToken, pageSize, cancellationToken);

    private async Task<IReadOnlyList<RecognitionDecisionRecord>> ReadAllAsync(FilteredQuery query, CancellationToken cancellationToken)
    {
        var found = new List<RecognitionDecisionRecord>();
        await foreach (var decision in CosmosQueries.ReadAllAsync<RecognitionDecisionRecord>(container, query.Select("SELECT * FROM c"), cancellationToken))
        {
            found.Add(decision);
        }
        return [.. found.OrderBy(d => d.RequestedAt)];
    }
}
