namespace CulturalServerless.Application.Concurrency;

/// <summary>A document as read from its store with the ETag that guards its next update.</summary>
public sealed record Stored<T>(T Value, string ETag);
