namespace CulturalServerless.Storage.Cosmos;

/// <summary>A document as read from Cosmos DB with the ETag that guards its next update.</summary>
public sealed record Stored<T>(T Value, string ETag);
