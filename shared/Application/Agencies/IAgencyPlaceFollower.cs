using CulturalServerless.Application.Access;

namespace CulturalServerless.Application.Agencies;

/// <summary>
/// What follows an agency to its current jurisdiction after a write or a move: its assessments of
/// every year (<c>AssessmentPlaces</c>). Safe to call again: it changes only what still differs.
/// </summary>
public interface IAgencyPlaceFollower
{
    /// <summary>Brings everything of <paramref name="agencyId"/> to <paramref name="jurisdiction"/>; how many records it changed.</summary>
    Task<int> FollowAsync(string agencyId, string jurisdiction, Actor actor, CancellationToken cancellationToken);
}
