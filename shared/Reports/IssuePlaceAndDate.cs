using System.Globalization;

namespace CulturalServerless.Reports;

/// <summary>"Quảng Ngãi, ngày 05 tháng 02 năm 2022" under the national motto.</summary>
public sealed record IssuePlaceAndDate(string Place, DateOnly Date)
{
    public override string ToString()
    {
        // Decree 30: days under 10 and the months January and February take a leading zero
        // (so that nobody can add a digit in front of them later).
        var day = Date.Day.ToString("00", CultureInfo.InvariantCulture);
        var month = Date.Month <= 2
            ? Date.Month.ToString("00", CultureInfo.InvariantCulture)
            : Date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{Place}, ngày {day} tháng {month} năm {Date.Year.ToString(CultureInfo.InvariantCulture)}";
    }
}
