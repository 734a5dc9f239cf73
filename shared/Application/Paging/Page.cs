namespace CulturalServerless.Application.Paging;

/// <summary>One page of a list; pass <see cref="ContinuationToken"/> back to get the next, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
