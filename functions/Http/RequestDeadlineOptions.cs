using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// How long one HTTP request may take in all, authentication included (setting
/// <c>Http__RequestDeadline</c>, <c>00:00:10</c> by default). When it passes, every Cosmos DB and
/// Blob call of the request is cancelled and the caller gets 503 <c>/problems/unavailable</c> with
/// <c>Retry-After</c>: far sooner than the host's own HTTP timeout (230 s at Azure's front end), and
/// sooner than the Cosmos SDK in gateway mode would give up by itself (65 s per attempt).
/// </summary>
public sealed record RequestDeadlineOptions(TimeSpan Deadline)
{
    public const string Section = "Http";
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinimumDeadline = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaximumDeadline = TimeSpan.FromSeconds(120);

    public static RequestDeadlineOptions From(IConfiguration configuration)
    {
        var text = configuration.GetSection(Section)["RequestDeadline"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestDeadlineOptions(DefaultDeadline);
        }
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var deadline)
            || deadline < MinimumDeadline || deadline > MaximumDeadline)
        {
            throw new InvalidOperationException(
                $"Http__RequestDeadline must be a time span from {MinimumDeadline:c} to {MaximumDeadline:c} (e.g. 00:00:10); got '{text}'.");
        }
        return new RequestDeadlineOptions(deadline);
    }
}
