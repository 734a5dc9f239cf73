using System.Security.Cryptography;
using System.Text;

namespace CulturalServerless.Application.Decisions;

/// <summary>Ids, register and blob names of recognition decisions.</summary>
public static class DecisionKeys
{
    /// <summary>Deterministic from the client and its Idempotency-Key, so a retried request finds the decision it created.</summary>
    public static string IdOf(string? clientId, string idempotencyKey) =>
        "qd-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}\n{idempotencyKey}")))[..20];

    /// <summary>
    /// The recognising body's own register: one per unit the procedure is configured for (a province,
    /// or a commune with its own body) and body symbol (numbering restarts each year).
    /// </summary>
    public static string RegisterOf(string unit, string symbol) => $"body:{unit}:{symbol}";

    /// <summary>The render request's name in the report-requests container; the renderer tells it from a report's by its prefix.</summary>
    public static string RequestName(string id) => $"{Prefix}{id}.json";

    public const string Prefix = "decisions/";

    /// <summary>The decision id a request name stands for; null when it is not a decision's.</summary>
    public static string? TryParseRequestName(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) && name.Length > Prefix.Length + 5
            ? name[Prefix.Length..^".json".Length]
            : null;
}
