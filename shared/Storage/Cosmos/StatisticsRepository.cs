using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Statistics;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The statistics' reads: narrow projections over agencies and assessment heads, filtered by
/// jurisdiction and scope in the query like every list, and drafts looked up by agency id in batches.
/// </summary>
public sealed class StatisticsRepository(Database database) : IStatisticsStore
{
    /// <summary>Agency ids per draft query: keeps each query's text and parameter well inside Cosmos DB's limits.</summary>
    internal const int DraftBatch = 500;

    private readonly Container agencies = database.GetContainer(CosmosContainers.Agencies.Name);
    private readonly Container assessments = database.GetContainer(CosmosContainers.Assessments.Name);

    public IAsyncEnumerable<RegisteredAgency> ReadAgenciesAsync(string? jurisdiction, AccessScope? access, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery();
        if (jurisdiction is not null) query.WithinJurisdiction(jurisdiction);
        query.InScope(access, "c.id");
        return CosmosQueries.ReadAllAsync<RegisteredAgency>(agencies, query.Select("SELECT c.id, c.jurisdiction FROM c"), cancellationToken);
    }

    public IAsyncEnumerable<SubmittedHead> ReadHeadsAsync(int year, string? jurisdiction, AccessScope? access, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", AssessmentHead.DocumentType)
            .Where("c.year = @year", "@year", year);
        if (jurisdiction is not null) query.WithinJurisdiction(jurisdiction);
        query.InScope(access, "c.agencyId");
        return CosmosQueries.ReadAllAsync<SubmittedHead>(assessments,
            query.Select("SELECT c.agencyId, c.jurisdiction, c.status, c.computedTotal, c.verdict, "
                + "c.appraisal.state AS appraisalState, c.appraisal.result AS appraisalResult FROM c"), cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindAgenciesWithDraftAsync(int year, IReadOnlyCollection<string> agencyIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in agencyIds.Chunk(DraftBatch))
        {
            var query = new FilteredQuery()
                .Where("c.type = @type", "@type", AssessmentDraft.DocumentType)
                .Where("c.year = @year", "@year", year)
                .Where("ARRAY_CONTAINS(@ids, c.agencyId)", "@ids", batch)
                .Select("SELECT VALUE c.agencyId FROM c");
            await foreach (var id in CosmosQueries.ReadAllAsync<string>(assessments, query, cancellationToken)) found.Add(id);
        }
        return found;
    }
}
