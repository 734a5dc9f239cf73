using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Documents;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The document registers: one register document per issuer and calendar year remembers which
/// document got which number, so asking again for the same document returns its number — the
/// report trigger may fire twice for one snapshot. Numbers given back below the last are kept as
/// vacant and handed out first, lowest first. Where each register is kept is
/// <see cref="RegisterLayout"/>'s.
/// </summary>
public sealed class DocumentNumberCounter(RegisterLayout layout, TimeProvider clock) : IDocumentRegister
{
    public Task<bool> OpensBesideAssessmentAsync(string agencyId, int year, CancellationToken cancellationToken) =>
        layout.IsBesideAssessmentAsync(agencyId, year, cancellationToken);

    public async Task<int> NumberForAsync(string issuer, int year, string documentKey, CancellationToken cancellationToken)
    {
        var place = await layout.PlaceOfAsync(issuer, year, cancellationToken);
        var firstAttempt = true;
        return await OptimisticConcurrency.RunAsync(async ct =>
        {
            // An issuer's first document of the year is the common case: open the register straight
            // away, and read it only when it exists.
            if (firstAttempt)
            {
                firstAttempt = false;
                if (await TryOpenAsync(place, issuer, year, documentKey, ct)) return Attempt<int>.Done(1);
            }
            var current = await place.Container.FindAsync<RegisterDocument>(place.Id, place.PartitionKey, ct);
            if (current is null)
            {
                return await TryOpenAsync(place, issuer, year, documentKey, ct) ? Attempt<int>.Done(1) : Attempt<int>.Retry;
            }
            var (register, eTag) = current;
            if (register.Issued.TryGetValue(documentKey, out var issued)) return Attempt<int>.Done(issued);
            // A number given back below the last goes first; otherwise the register grows by one.
            var next = register.Vacant is [var lowest, ..] ? lowest : register.Last + 1;
            var updated = register with
            {
                Last = Math.Max(register.Last, next),
                Issued = new Dictionary<string, int>(register.Issued) { [documentKey] = next },
                Vacant = register.Vacant?.Where(n => n != next).ToList(),
            };
            return await place.Container.TryReplaceAsync(updated, place.Id, place.PartitionKey, eTag, ct) is not null
                ? Attempt<int>.Done(next)
                : Attempt<int>.Retry;
        }, clock, $"Chưa cấp được số văn bản cho '{issuer}' năm {year}: quá nhiều yêu cầu đồng thời; vui lòng thử lại.", cancellationToken);
    }

    public async Task ReleaseAsync(string issuer, int year, string documentKey, int number, CancellationToken cancellationToken)
    {
        var place = await layout.PlaceOfAsync(issuer, year, cancellationToken);
        await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await place.Container.FindAsync<RegisterDocument>(place.Id, place.PartitionKey, ct);
            if (current is null || !current.Value.Issued.TryGetValue(documentKey, out var issued) || issued != number) return Attempt<bool>.Done(true);
            var (register, eTag) = current;
            var issuedNow = new Dictionary<string, int>(register.Issued);
            issuedNow.Remove(documentKey);
            var vacant = new SortedSet<int>(register.Vacant ?? []) { number };
            // Vacant numbers at the top of the register are no longer vacant: the register ends lower.
            var last = register.Last;
            while (vacant.Remove(last)) last--;
            var updated = register with { Last = last, Issued = issuedNow, Vacant = [.. vacant] };
            return await place.Container.TryReplaceAsync(updated, place.Id, place.PartitionKey, eTag, ct) is not null
                ? Attempt<bool>.Done(true)
                : Attempt<bool>.Retry;
        }, clock, $"Chưa trả lại được số {number} cho sổ văn bản của '{issuer}' năm {year}: quá nhiều yêu cầu đồng thời; vui lòng thử lại.", cancellationToken);
    }

    private static async Task<bool> TryOpenAsync(RegisterPlace place, string issuer, int year, string documentKey, CancellationToken cancellationToken) =>
        await place.Container.TryCreateAsync(RegisterDocument.Opened(place.Id, place.PartitionKey, issuer, year, documentKey), place.PartitionKey, cancellationToken) is not null;
}
