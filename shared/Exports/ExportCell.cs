namespace CulturalServerless.Exports;

/// <summary>
/// One cell of an exported table: text, a number (written as a real number cell in XLSX, so a
/// committee can sum and sort it), or nothing.
/// </summary>
public readonly record struct ExportCell
{
    public string? Text { get; private init; }
    public decimal? Number { get; private init; }

    public bool IsEmpty => Text is null && Number is null;

    public static ExportCell Empty => default;

    public static ExportCell Of(string? text) => new() { Text = text };

    public static ExportCell Of(decimal? number) => new() { Number = number };

    public static ExportCell Of(int number) => new() { Number = number };

    /// <summary>The cell as plain text (numbers in invariant culture), as the CSV writes it.</summary>
    public string ToPlainText() =>
        Number is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text ?? string.Empty;
}
