namespace CulturalServerless.Scoring;

/// <summary>A criterion's subtotal: standard items plus bonuses minus penalties, never below zero.</summary>
public sealed record CriterionScore(string Code, string Title, decimal MaxPoints, decimal Points, decimal? SelfScore);
