using System.Globalization;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Scoring;
using CulturalServerless.Storage.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.LoadHarness;

/// <summary>What the seeder wrote.</summary>
internal sealed record SeedCounts(int Submitted, int ReportFailed, int OwnWebhooks, int Committees);

/// <summary>
/// Writes the harness's agencies straight through the repositories (one request each, in parallel),
/// spread over the 63 provinces of before 1 July 2025 (their codes from the shipped catalogue) and 7
/// districts in each: 3 in 10 with a submitted assessment, 1 in
/// 50 with a failed report, every other one with a webhook of its own, every province committee with one.
/// </summary>
internal static class LoadSeeder
{
    private const string Secret = "load-harness-secret";

    public static async Task<SeedCounts> SeedAsync(IServiceProvider services, int count, int year, string receiverUrl)
    {
        var agencies = services.GetRequiredService<IAgencyStore>();
        var assessments = services.GetRequiredService<IAssessmentStore>();
        var webhooks = services.GetRequiredService<IWebhookSubscriptionStore>();
        var now = DateTimeOffset.UtcNow;
        // The 63 provinces as registered before the reorganisation of 1 July 2025: a morning after it
        // reminds agencies registered under ended codes too, through their successors' committees.
        var provinces = (await services.GetRequiredService<JurisdictionCatalogue>().GetAsync(CancellationToken.None))
            .List(new DateOnly(2025, 6, 30), UnitLevel.Province).Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
        string Province(int i) => provinces[i % provinces.Count];
        int submitted = 0, failed = 0, own = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var id = "load-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var jurisdiction = Province(i) + "." + (100 + i / 63 % 7).ToString(CultureInfo.InvariantCulture);
            await agencies.TryCreateAsync(new Agency
            {
                Id = id, Name = "Cơ quan thử tải " + i.ToString(CultureInfo.InvariantCulture), ParentBody = "UBND TỈNH", Symbol = "VP",
                Jurisdiction = jurisdiction, PlaceName = "Quảng Ngãi", Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Nguyễn Văn A"),
                CreatedAt = now, UpdatedAt = now,
            }, token);
            var status = i % 50 == 0 ? AssessmentStatus.ReportFailed : i % 10 < 3 ? AssessmentStatus.Scored : (AssessmentStatus?)null;
            if (status is { } value)
            {
                await assessments.TryCreateHeadAsync(Head(id, jurisdiction, year, value, now), token);
                Interlocked.Increment(ref value == AssessmentStatus.ReportFailed ? ref failed : ref submitted);
            }
            if (i % 2 == 0)
            {
                await webhooks.TryCreateAsync(Subscription(WebhookOwner.Agency(id), $"{receiverUrl}/hooks/{id}", now), token);
                Interlocked.Increment(ref own);
            }
        });
        foreach (var code in provinces)
        {
            await webhooks.TryCreateAsync(Subscription(WebhookOwner.Committee(code), $"{receiverUrl}/hooks/committee-{code}", now), CancellationToken.None);
        }
        return new SeedCounts(submitted, failed, own, provinces.Count);
    }

    private static WebhookSubscription Subscription(WebhookOwner owner, string url, DateTimeOffset now) => new()
    {
        Id = owner.DocumentId, OwnerKind = owner.Kind, Owner = owner.Key, Url = url, Secret = Secret,
        CreatedAt = now, UpdatedAt = now, SecretIssuedAt = now,
    };

    private static AssessmentHead Head(string agencyId, string jurisdiction, int year, AssessmentStatus status, DateTimeOffset now) => new()
    {
        Id = AssessmentKeys.HeadId(agencyId, year),
        PartitionKey = AssessmentKeys.PartitionKey(agencyId, year),
        AgencyId = agencyId,
        AgencyName = agencyId,
        Jurisdiction = jurisdiction,
        Year = year,
        LatestVersion = 1,
        Status = status,
        RubricId = "co-quan-2022",
        ComputedTotal = 90,
        Verdict = Verdict.Passed,
        Report = new VersionReport
        {
            State = status == AssessmentStatus.ReportFailed ? ReportState.Failed : ReportState.Requested,
            RequestPath = $"report-requests/{AssessmentKeys.ReportRequestName(agencyId, year, 1)}",
        },
        UpdatedAt = now,
    };
}
