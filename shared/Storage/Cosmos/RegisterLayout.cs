using System.Globalization;
using CulturalServerless.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Calendar;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>Where one register document is: its container, partition and id.</summary>
internal sealed record RegisterPlace(Container Container, string PartitionKey, string Id);

/// <summary>
/// Where each register is kept. An agency's register for a calendar year lives in the assessments
/// container, in the partition of the agency's assessment for that year, so the first version of
/// an assessment submitted in its own year opens the register in the same transactional batch. A
/// recognising body's register (<c>body:…</c>) lives in <c>counters</c>.
/// <para>
/// Agency registers were kept in <c>counters</c> before. They are not moved: a year's numbering
/// must never restart, and instances of the earlier code may still be numbering in <c>counters</c>
/// during a deployment. The layout document in <c>counters</c> names the first calendar year whose
/// agency registers live beside the assessments. It is written once: by the start-up that creates
/// an empty database (every year), or by the first instance that numbers a document in a database
/// already in use (the calendar year after the next day's, so no earlier instance is still running
/// when it starts). Years before it stay in <c>counters</c>.
/// </para>
/// </summary>
public sealed class RegisterLayout(Database database, TimeProvider clock)
{
    internal const string LayoutId = "register-layout";

    /// <summary>The first year in a database that was created empty by this code: every register beside the assessments.</summary>
    internal const int EveryYear = 1;

    private readonly Container counters = database.GetContainer(CosmosContainers.Counters.Name);
    private readonly Container assessments = database.GetContainer(CosmosContainers.Assessments.Name);
    // 0 until read; an int, so that no thread can see half of it written.
    private int agencyRegistersBesideAssessmentsFrom;

    private sealed record LayoutDocument(string Id, string PartitionKey, int AgencyRegistersBesideAssessmentsFrom)
    {
        public string Type { get; init; } = LayoutId;
    }

    /// <summary>The partition and id of an agency's register kept beside its assessment of <paramref name="year"/>.</summary>
    internal static (string PartitionKey, string Id) BesideAssessment(string agencyId, int year) =>
        (AssessmentKeys.PartitionKey(agencyId, year), AssessmentKeys.RegisterId(agencyId, year));

    /// <summary>Whether <paramref name="issuer"/>'s register for <paramref name="year"/> is kept in the partition of its assessment of that year.</summary>
    public async Task<bool> IsBesideAssessmentAsync(string issuer, int year, CancellationToken cancellationToken) =>
        AgencyId.IsValid(issuer) && year >= await FirstYearBesideAssessmentsAsync(cancellationToken);

    internal async Task<RegisterPlace> PlaceOfAsync(string issuer, int year, CancellationToken cancellationToken)
    {
        if (await IsBesideAssessmentAsync(issuer, year, cancellationToken))
        {
            var (partitionKey, id) = BesideAssessment(issuer, year);
            return new RegisterPlace(assessments, partitionKey, id);
        }
        var key = $"{issuer}|{year.ToString(CultureInfo.InvariantCulture)}";
        return new RegisterPlace(counters, key, key);
    }

    /// <summary>Records that every agency register of this database lives beside the assessments; for a database just created, empty.</summary>
    internal Task RecordEmptyDatabaseAsync(CancellationToken cancellationToken) =>
        counters.TryCreateAsync(new LayoutDocument(LayoutId, LayoutId, EveryYear), LayoutId, cancellationToken);

    // The layout never changes once written, so each instance reads it once.
    private async Task<int> FirstYearBesideAssessmentsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref agencyRegistersBesideAssessmentsFrom) is var known and > 0) return known;
        var layout = await counters.FindAsync<LayoutDocument>(LayoutId, LayoutId, cancellationToken);
        if (layout is null)
        {
            var nextYear = VietnamCalendar.DateOf(clock.GetUtcNow().AddDays(1)).Year + 1;
            var written = new LayoutDocument(LayoutId, LayoutId, nextYear);
            // Another instance may have written it first, with its own year: the stored one counts.
            layout = await counters.TryCreateAsync(written, LayoutId, cancellationToken) is { } eTag
                ? new(written, eTag)
                : await counters.FindAsync<LayoutDocument>(LayoutId, LayoutId, cancellationToken)
                    ?? throw new InvalidOperationException("The register layout was taken and cannot be read.");
        }
        Volatile.Write(ref agencyRegistersBesideAssessmentsFrom, layout.Value.AgencyRegistersBesideAssessmentsFrom);
        return layout.Value.AgencyRegistersBesideAssessmentsFrom;
    }
}
