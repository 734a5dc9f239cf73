using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// Authentication by construction: every HTTP function the app declares, found by reflection (so
/// one added later is covered without touching this test), answers 401 without a token — all but
/// the anonymous health check.
/// </summary>
public sealed class EveryEndpointTests(AppServices app) : IClassFixture<AppServices>
{
    private static readonly string[] Anonymous = ["Health"];

    public static TheoryData<string> HttpFunctions()
    {
        var data = new TheoryData<string>();
        foreach (var method in HttpFunctionMethods()) data.Add(method.GetCustomAttribute<FunctionAttribute>()!.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Every_http_function_but_health_requires_a_bearer_token(string name)
    {
        var method = HttpFunctionMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(t => t is not null)!;
        var request = app.Request(null, trigger.Methods![0].ToUpperInvariant(), "/api/" + trigger.Route, "{}");
        var instance = ActivatorUtilities.CreateInstance(app.Provider, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => request,
            var t when t == typeof(CancellationToken) => CancellationToken.None,
            var t when t == typeof(string) => (object)"route-value",
            var t => throw new InvalidOperationException($"{name}: no test value for a parameter of type {t}"),
        }).ToArray();

        var response = await HttpCalls.ExecuteAsync(request, (Task<IActionResult>)method.Invoke(instance, arguments)!);

        if (Anonymous.Contains(name))
        {
            Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
            Assert.Equal(200, response.Status);
        }
        else
        {
            Assert.Equal(401, response.Status);
            Assert.Equal("Bearer", response.Headers.WWWAuthenticate.ToString());
        }
    }

    [Fact]
    public void The_functions_found_include_every_api_area()
    {
        var names = HttpFunctionMethods().Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).ToList();

        Assert.Superset(new HashSet<string> { "Health", "PutAgency", "SubmitAssessment", "ListAssessments", "GetRubric", "PutApiClient" }, names.ToHashSet());
    }

    private static IEnumerable<MethodInfo> HttpFunctionMethods() =>
        typeof(CulturalServerlessServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null));
}
