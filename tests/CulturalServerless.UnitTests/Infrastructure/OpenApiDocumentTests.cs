using System.Reflection;
using CulturalServerless.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace CulturalServerless.UnitTests.Infrastructure;

/// <summary>
/// docs/openapi.yaml is kept by hand for portal developers; these checks keep it honest against the
/// routes the function classes declare, so an endpoint cannot be added, moved or dropped without it.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly Lazy<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> Read = new(() =>
    {
        var document = new OpenApiStringReader().Read(RepositoryFiles.ReadAllText("docs/openapi.yaml"), out var diagnostic);
        return (document, diagnostic);
    });

    private static OpenApiDocument Document => Read.Value.Document;

    private static IEnumerable<(string Method, string Path, OpenApiOperation Operation)> Operations =>
        Document.Paths.SelectMany(path => path.Value.Operations.Select(operation =>
            (operation.Key.ToString().ToUpperInvariant(), path.Key, operation.Value)));

    [Fact]
    public void The_document_reads_as_OpenAPI_without_errors()
    {
        var errors = Read.Value.Diagnostic.Errors;
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0, Read.Value.Diagnostic.SpecificationVersion);
    }

    [Fact]
    public void Every_route_the_functions_declare_is_documented_with_its_method_and_nothing_more()
    {
        var declared = typeof(HttpEndpoint).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(trigger => (trigger.Methods ?? []).Select(method => $"{method.ToUpperInvariant()} /api/{trigger.Route}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var documented = Operations.Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(40, declared.Count);
        Assert.Equal(declared, documented);
    }

    [Fact]
    public void Every_operation_but_health_documents_503_unavailable_with_Retry_After()
    {
        // Authentication reads the registry of API clients, so every authenticated operation touches storage.
        foreach (var (method, path, operation) in Operations.Where(o => o.Path != "/api/health"))
        {
            Assert.True(operation.Responses.TryGetValue("503", out var unavailable), $"{method} {path} does not document 503.");
            Assert.True(unavailable.Reference?.Id == "Unavailable", $"{method} {path} documents its 503 without the Unavailable response.");
        }

        var component = Document.Components.Responses["Unavailable"];
        Assert.Contains("/problems/unavailable", component.Description, StringComparison.Ordinal);
        Assert.True(component.Headers.ContainsKey("Retry-After"));
        Assert.True(component.Content.ContainsKey("application/problem+json"));
        Assert.True(Document.Paths["/api/health"].Operations[OperationType.Get].Responses["503"].Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public void Every_operation_but_health_answers_401_and_every_error_is_a_problem_document()
    {
        foreach (var (method, path, operation) in Operations)
        {
            if (path != "/api/health")
            {
                Assert.True(operation.Responses.ContainsKey("401"), $"{method} {path} does not document 401.");
            }

            // Health's 503 is its report, which names the dependency that is down.
            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || (r.Key.StartsWith('5') && path != "/api/health")))
            {
                Assert.True(response.Content.ContainsKey("application/problem+json"),
                    $"{method} {path} answers {status} without application/problem+json.");
            }
        }
    }
}
