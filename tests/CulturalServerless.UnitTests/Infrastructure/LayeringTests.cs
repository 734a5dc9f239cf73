using System.Text.RegularExpressions;

namespace CulturalServerless.UnitTests.Infrastructure;

/// <summary>
/// The library's layers depend one way: the domain (scoring, reports, jurisdictions, agencies'
/// value types, the calendar, validation, serialization, the export formats) on nothing of the app; the application
/// services on the domain and on storage interfaces they declare; storage implements them. Read
/// from the sources' using directives (the code qualifies no type by a namespace of the app), so
/// an unused using counts too.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Domain =
        ["Scoring", "Reports", "Jurisdictions", "Agencies", "Calendar", "Validation", "Serialization", "Exports"];

    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> Dependencies = new(ReadDependencies);

    [Fact]
    public void The_domain_uses_no_application_or_storage_namespace()
    {
        var offending = Dependencies.Value
            .Where(d => Domain.Contains(Layer(d.Key)))
            .SelectMany(d => d.Value.Where(used => Layer(used) is "Application" or "Storage").Select(used => $"{d.Key} uses {used}"))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void The_application_uses_no_storage_namespace()
    {
        var offending = Dependencies.Value
            .Where(d => Layer(d.Key) == "Application")
            .SelectMany(d => d.Value.Where(used => Layer(used) == "Storage").Select(used => $"{d.Key} uses {used}"))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void No_namespace_depends_on_one_that_depends_back_on_it()
    {
        var graph = Dependencies.Value;
        var cycles = graph.Keys
            .Where(start => Reachable(graph, start).Any(other => other != start && Reachable(graph, other).Contains(start)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Empty(cycles);
    }

    [Fact]
    public void The_check_sees_the_dependencies_it_looks_for()
    {
        // Guards the checks above against reading nothing (a moved folder, a changed file layout).
        Assert.Contains("CulturalServerless.Application.Concurrency", Dependencies.Value["CulturalServerless.Storage.Cosmos"]);
        Assert.Contains("CulturalServerless.Scoring", Dependencies.Value["CulturalServerless.Application.Assessments"]);
    }

    private static string Layer(string ns) => ns.Split('.') is [_, var layer, ..] ? layer : ns;

    private static HashSet<string> Reachable(IReadOnlyDictionary<string, HashSet<string>> graph, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var current))
        {
            foreach (var next in graph.GetValueOrDefault(current) ?? [])
            {
                if (seen.Add(next)) pending.Push(next);
            }
        }
        return seen;
    }

    private static IReadOnlyDictionary<string, HashSet<string>> ReadDependencies()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var path in RepositoryFiles.Under("shared", ".cs"))
        {
            var source = RepositoryFiles.ReadAllText(path);
            if (NamespacePattern().Match(source) is not { Success: true } declared) continue;
            var ns = declared.Groups[1].Value;
            var used = graph.TryGetValue(ns, out var known) ? known : graph[ns] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in UsingPattern().Matches(source)) used.Add(match.Groups[1].Value);
            used.Remove(ns);
        }
        return graph;
    }

    [GeneratedRegex(@"^namespace (CulturalServerless[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^using (CulturalServerless[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
