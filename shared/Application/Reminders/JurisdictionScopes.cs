namespace CulturalServerless.Application.Reminders;

/// <summary>The jurisdictions a code lies in, for "the most specific setting or committee wins".</summary>
public static class JurisdictionScopes
{
    /// <summary>"51.522.1", "51.522", "51": the jurisdiction and each one above it, nearest first.</summary>
    public static IEnumerable<string> NearestFirst(string jurisdiction)
    {
        for (var scope = jurisdiction; scope.Length > 0; scope = scope.Contains('.') ? scope[..scope.LastIndexOf('.')] : "")
        {
            yield return scope;
        }
    }
}
