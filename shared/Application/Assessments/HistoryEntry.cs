using CulturalServerless.Application.Access;

namespace CulturalServerless.Application.Assessments;

/// <summary>One entry of an assessment's history: who, when, what.</summary>
public sealed record HistoryEntry(DateTimeOffset At, Actor Actor, string Action, int Version, string? Detail = null);
