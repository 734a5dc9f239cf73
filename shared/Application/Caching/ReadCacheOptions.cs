using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.Application.Caching;

/// <summary>
/// How long an instance keeps the API-client registry entries it reads to authenticate each request
/// (setting <c>ReadCache__Seconds</c>, 30 by default, 0 to read the registry on every request). A
/// role removed through another instance stops working within that time; through this one, at once.
/// </summary>
public sealed record ReadCacheOptions(TimeSpan Lifetime)
{
    public const string Section = "ReadCache";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    public static ReadCacheOptions From(IConfiguration configuration)
    {
        var text = configuration.GetSection(Section)["Seconds"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReadCacheOptions(DefaultLifetime);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 3600)
        {
            throw new InvalidOperationException($"ReadCache__Seconds must be a whole number of seconds from 0 to 3600; got '{text}'.");
        }

        return new ReadCacheOptions(TimeSpan.FromSeconds(seconds));
    }
}
