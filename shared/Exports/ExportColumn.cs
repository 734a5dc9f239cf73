namespace CulturalServerless.Exports;

/// <summary>A column of an exported table: its header, the least width it gets in XLSX (in characters), and its value in a row.</summary>
public sealed record ExportColumn<TRow>(string Header, int MinWidth, Func<TRow, ExportCell> Value);
