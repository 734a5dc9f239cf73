namespace CulturalServerless.Application.Procedures;

/// <summary>
/// The province a code named on a date, as the decision's wording needs it. This is not the
/// jurisdiction catalogue (which units exist, their parents): only the names the wording prints.
/// </summary>
internal sealed class ProvinceNames(IReadOnlyList<ProvinceList> lists, IReadOnlyDictionary<string, string> places)
{
    private static readonly string[] Kinds = ["thành phố ", "tỉnh "];

    /// <summary>"tỉnh Quảng Ngãi", or null when the code names no province on that date.</summary>
    public string? Name(string code, DateOnly date) =>
        lists
            .Where(list => list.ValidFrom <= date && (list.ValidUntil is null || date <= list.ValidUntil))
            .OrderByDescending(list => list.ValidFrom)
            .Select(list => list.Units!.GetValueOrDefault(code))
            .FirstOrDefault(name => name is not null);

    /// <summary>"Quảng Ngãi": the name without its kind, unless the file names the place otherwise.</summary>
    public string Place(string code, string name)
    {
        if (places.TryGetValue(code, out var place))
        {
            return place;
        }

        var kind = Kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal));
        return kind is null ? name : name[kind.Length..];
    }
}
