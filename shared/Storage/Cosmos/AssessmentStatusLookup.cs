using CulturalServerless.Application.Assessments;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The statuses of many agencies' assessment heads for a year in one query, so that a reminder run
/// over a page of agencies costs one request, not one per agency.
/// </summary>
public sealed class AssessmentStatusLookup(Database database)
{
    private readonly Container container = database.GetContainer(CosmosContainers.Assessments.Name);

    public async Task<IReadOnlyDictionary<string, AssessmentStatus>> FindAsync(
        int year, IReadOnlyCollection<string> agencyIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, AssessmentStatus>(StringComparer.Ordinal);
        if (agencyIds.Count == 0) return statuses;
        var query = new QueryDefinition(
                "SELECT c.agencyId, c.status FROM c WHERE c.type = @type AND c.year = @year AND ARRAY_CONTAINS(@ids, c.agencyId)")
            .WithParameter("@type", AssessmentRecord.DocumentType)
            .WithParameter("@year", year)
            .WithParameter("@ids", agencyIds);
        await foreach (var head in CosmosQueries.ReadAllAsync<HeadStatus>(container, query, cancellationToken))
        {
            statuses[head.AgencyId] = head.Status;
        }
        return statuses;
    }

    private sealed record HeadStatus(string AgencyId, AssessmentStatus Status);
}
