using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// The committee webhooks a reorganisation leaves without digests. They are reported, not moved:
/// a receiver registered by one committee (Kon Tum's) is not handed the digests of a larger one
/// (Quảng Ngãi's, with former Kon Tum), whose own committee or an admin registers its webhook.
/// Each entry names the unit that carries the ended one on and the committee that receives its
/// agencies' digests now, as <see cref="CommitteeDigests"/> routes them.
/// </summary>
public sealed class CommitteeWebhookAudit(IWebhookSubscriptionStore subscriptions) : ICommitteeWebhookAudit
{
    public async Task<IReadOnlyList<EndedCommitteeWebhook>> EndedAsync(
        DateOnly date, IReadOnlyDictionary<string, string> successions, UnitCatalogue units, CancellationToken cancellationToken)
    {
        var committees = await subscriptions.ListCommitteesAsync(cancellationToken);
        var digests = new CommitteeDigests(committees, units, date);
        var ended = new List<EndedCommitteeWebhook>();
        foreach (var subscription in committees.OrderBy(c => c.Owner, StringComparer.Ordinal))
        {
            var owner = subscription.Owner;
            var from = successions.Keys.Where(f => JurisdictionCode.IsWithin(owner, f)).MaxBy(f => f.Length);
            var endedInCatalogue = digests.Ended.FirstOrDefault(e => e.Subscription.Id == subscription.Id);
            var carriedOnBy = from is not null ? units.CurrentPath(successions[from] + owner[from.Length..], date) : endedInCatalogue?.CarriedOnBy;
            if (carriedOnBy is null || carriedOnBy == owner) continue;
            var (reason, reasonEn) = endedInCatalogue is { } known
                ? (known.Check.Message, known.Check.MessageEn)
                : ($"{owner} được sắp xếp vào {carriedOnBy} từ {JurisdictionCheck.Date(date)}.", $"{owner} was reorganised into {carriedOnBy} on {date:yyyy-MM-dd}.");
            var portal = digests.PortalOf(carriedOnBy)?.Owner;
            ended.Add(portal is null
                ? new EndedCommitteeWebhook(owner, carriedOnBy, null,
                    $"Webhook của Ban chỉ đạo {owner} không còn nhận bản tổng hợp: {reason} Chưa Ban chỉ đạo nào của {carriedOnBy} hoặc cấp trên đăng ký webhook (PUT /api/committees/{carriedOnBy}/webhook).",
                    $"The webhook of committee {owner} receives no more digests: {reasonEn} No committee of {carriedOnBy} or above has a webhook (PUT /api/committees/{carriedOnBy}/webhook).")
                : new EndedCommitteeWebhook(owner, carriedOnBy, portal,
                    $"Webhook của Ban chỉ đạo {owner} không còn nhận bản tổng hợp: {reason} Bản tổng hợp của các cơ quan ở đó gửi đến Ban chỉ đạo {portal}.",
                    $"The webhook of committee {owner} receives no more digests: {reasonEn} Its agencies' digests go to committee {portal}."));
        }
        return ended;
    }
}
