using System.Net.Http.Json;
using CulturalServerless.IntegrationTests.Runner;
using CulturalServerless.LocalRunner.Catalog;

namespace CulturalServerless.IntegrationTests.Reports;

/// <summary>The whole app under the local runner, over HTTP: a submission ends as a signed report a link downloads.</summary>
public sealed class ReportThroughRunnerTests
{
    [Fact]
    public async Task A_submission_becomes_a_signed_report_through_the_blob_trigger()
    {
        await using var storage = await PrivateAzurite.StartAsync();
        await using var app = AppServices.With(new Dictionary<string, string?>
        {
            ["ReportStorage"] = storage.ConnectionString,
            ["AzureWebJobsStorage"] = storage.ConnectionString,
        });
        await app.InitializeAsync();
        var functions = FunctionCatalog.Load(Path.Combine(AppContext.BaseDirectory, "functions.metadata"),
            typeof(CulturalServerlessServiceCollectionExtensions).Assembly);
        await using var host = await RunnerHost.StartAsync(functions,
            (services, configuration) => services.AddCulturalServerless(configuration), app.Settings);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Admin);
        var agencyId = "vp-" + Guid.NewGuid().ToString("N")[..10];
        var agency = ApiClient.Sample("agency.json");
        agency["id"] = agencyId;

        Assert.Equal(HttpStatusCode.Created, (await http.PutAsJsonAsync($"/api/agencies/{agencyId}", agency)).StatusCode);
        // Submitting is the agency's portal's act, with its own token.
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/agencies/{agencyId}/assessments/2022")
        {
            Content = JsonContent.Create(ApiClient.Sample("assessment-2022.json")),
        };
        submit.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await new ApiClient(app).PortalTokenAsync(agencyId));
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(submit)).StatusCode);

        JsonNode? assessment = null;
        for (var i = 0; i < 150 && (string?)assessment?["status"] != "report-ready"; i++)
        {
            await Task.Delay(200);
            assessment = await http.GetFromJsonAsync<JsonNode>($"/api/agencies/{agencyId}/assessments/2022");
        }
        Assert.Equal("report-ready", (string?)assessment?["status"]);

        var link = await http.GetFromJsonAsync<JsonNode>($"/api/agencies/{agencyId}/assessments/2022/report");
        var pdf = await http.GetByteArrayAsync((string)link!["url"]!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Equal("01/BC-VP", (string?)link["documentNumber"]);
    }
}
