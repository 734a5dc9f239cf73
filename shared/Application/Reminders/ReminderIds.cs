using System.Globalization;

namespace CulturalServerless.Application.Reminders;

/// <summary>The deterministic ids that make each reminder happen once: the id is the claim.</summary>
public static class ReminderIds
{
    public static string Agency(int year, string agencyId, string stage) =>
        $"{year.ToString(CultureInfo.InvariantCulture)}-{agencyId}-{stage}";

    public static string Digest(int year, string jurisdiction, DateOnly day) =>
        $"{year.ToString(CultureInfo.InvariantCulture)}-digest-{jurisdiction}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
