using System.Globalization;

namespace CulturalServerless.Jurisdictions;

/// <summary>What a jurisdiction path means on a date: usable, or why not (in Vietnamese and English).</summary>
public sealed record JurisdictionCheck(string? Code, string Message, string MessageEn, AdministrativeUnit? Unit = null, AdministrativeUnit? Successor = null)
{
    public static readonly JurisdictionCheck Valid = new(null, "", "");

    public bool IsValid => Code is null;

    public static JurisdictionCheck UnknownProvince(string code) => new("unknown-province",
        $"Không có tỉnh, thành phố mã {code} trong danh mục đơn vị hành chính.",
        $"There is no province with code {code} in the catalogue of administrative units.");

    public static JurisdictionCheck NotYet(AdministrativeUnit unit) => new("unit-not-yet-valid",
        $"{Label(unit)} chỉ có hiệu lực từ {Date(unit.ValidFrom!.Value)}.",
        $"{Label(unit)} is valid only from {DateEn(unit.ValidFrom!.Value)}.", unit);

    /// <summary>"62 (Kon Tum) đã hợp nhất vào 51 (Quảng Ngãi) từ 01/7/2025".</summary>
    public static JurisdictionCheck Ended(AdministrativeUnit unit, AdministrativeUnit? successor, DateOnly on) => successor is null
        ? new("unit-ended", $"{Label(unit)} không còn từ {Date(on)}.", $"{Label(unit)} ceased to exist on {DateEn(on)}.", unit)
        : new("unit-merged", $"{Label(unit)} đã hợp nhất vào {Label(successor)} từ {Date(on)}.",
            $"{Label(unit)} was merged into {Label(successor)} on {DateEn(on)}.", unit, successor);

    public static string Label(AdministrativeUnit unit) => $"{unit.Code} ({unit.Name})";

    // Decree 30's form: a leading zero for days under 10 and for January and February only.
    public static string Date(DateOnly date) =>
        date.Day.ToString("00", CultureInfo.InvariantCulture) + "/" + (date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))
        + "/" + date.Year.ToString(CultureInfo.InvariantCulture);

    private static string DateEn(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
