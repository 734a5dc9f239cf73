namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// One issuer's document register for a calendar year: the last number issued, which document got
/// which number, and numbers given back below the last (handed out first, lowest first).
/// </summary>
internal sealed record RegisterDocument(
    string Id, string PartitionKey, string AgencyId, int Year, int Last, Dictionary<string, int> Issued, IReadOnlyList<int>? Vacant = null)
{
    public const string DocumentType = "document-register";

    /// <summary>
    /// Tells a register apart from the heads, versions and drafts it shares the assessments
    /// container with (every query there filters on <c>type</c>); registers in <c>counters</c>
    /// written before it existed have none.
    /// </summary>
    public string Type { get; init; } = DocumentType;

    /// <summary>
    /// The register's value of the assessments partition's unique <c>idempotencyKey</c>: a missing
    /// one counts as null, which only one document of a partition may have. Clients' keys cannot
    /// start with <c>generated:</c>, so no version can take it.
    /// </summary>
    public string IdempotencyKey { get; init; } = "generated:register";

    /// <summary>A register opened by its first document, numbered 1.</summary>
    public static RegisterDocument Opened(string id, string partitionKey, string issuer, int year, string documentKey) =>
        new(id, partitionKey, issuer, year, 1, new Dictionary<string, int> { [documentKey] = 1 });
}
