using CulturalServerless.Application.Agencies;
using CulturalServerless.Functions.Http.Agencies;

namespace CulturalServerless.IntegrationTests.Api;

/// <summary>The agency endpoints through the function class, against the Cosmos DB emulator.</summary>
public sealed class AgencyApiTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly AgencyFunctions functions = new(app.Get<AgencyService>(), NullLogger<AgencyFunctions>.Instance);

    internal static string SeedAgency(string jurisdiction = "51.522") => $$"""
        {
          "name": "Văn phòng UBND tỉnh Quảng Ngãi",
          "parentBody": "UBND TỈNH QUẢNG NGÃI",
          "headerName": "Văn phòng",
          "steeringCommittee": "Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi",
          "symbol": "VP",
          "jurisdiction": "{{jurisdiction}}",
          "placeName": "Quảng Ngãi",
          "staff": { "total": 89, "officials": 60, "contractWorkers": 14, "publicEmployees": 15 },
          "signer": { "title": "CHÁNH VĂN PHÒNG", "name": "Vũ Minh Tâm" },
          "contact": { "email": "vanphong@quangngai.gov.vn" }
        }
        """;

    private static string NewId() => "vp-" + Guid.NewGuid().ToString("N")[..10];

    private Task<ApiResponse> PutAsync(string id, string? body, string? contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/agencies/{id}", body, contentType, headers: headers);
        return HttpCalls.ExecuteAsync(request, functions.Put(request, id, CancellationToken.None));
    }

    private Task<ApiResponse> GetAsync(string id)
    {
        var request = app.Request(TestTokens.Admin, "GET", $"/api/agencies/{id}");
        return HttpCalls.ExecuteAsync(request, functions.Get(request, id, CancellationToken.None));
    }

    [Fact]
    public async Task Registering_the_seed_agency_creates_it_and_it_reads_back_exactly()
    {
        var id = NewId();
        var created = await PutAsync(id, SeedAgency());

        Assert.Equal(201, created.Status);
        Assert.Equal($"/api/agencies/{id}", created.Headers.Location.ToString());
        var read = await GetAsync(id);
        Assert.Equal(200, read.Status);
        Assert.Equal("Văn phòng UBND tỉnh Quảng Ngãi", (string?)read.Json["name"]);
        Assert.Equal("CHÁNH VĂN PHÒNG", (string?)read.Json["signer"]!["title"]);
        Assert.Equal("Văn phòng", (string?)read.Json["headerName"]);
        Assert.Equal("Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi", (string?)read.Json["steeringCommittee"]);
        Assert.Equal(89, (int?)read.Json["staff"]!["total"]);
        Assert.Equal(created.Headers.ETag.ToString(), read.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Text_is_stored_in_NFC_whatever_form_it_was_sent_in()
    {
        var id = NewId();
        var decomposed = SeedAgency().Replace("Vũ Minh Tâm", "Vũ Minh Tâm".Normalize(NormalizationForm.FormD));
        Assert.NotEqual(SeedAgency(), decomposed);

        await PutAsync(id, decomposed);

        var name = (string?)(await GetAsync(id)).Json["signer"]!["name"];
        Assert.Equal("Vũ Minh Tâm".Normalize(NormalizationForm.FormC), name);
        Assert.True(name!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Updating_with_the_current_etag_succeeds_and_a_stale_etag_gets_412()
    {
        var id = NewId();
        var created = await PutAsync(id, SeedAgency());
        var etag = created.Headers.ETag.ToString();

        var updated = await PutAsync(id, SeedAgency().Replace("Vũ Minh Tâm", "Nguyễn Văn A"), headers: new Dictionary<string, string> { ["If-Match"] = etag });
        var stale = await PutAsync(id, SeedAgency().Replace("Vũ Minh Tâm", "Trần Thị B"), headers: new Dictionary<string, string> { ["If-Match"] = etag });

        Assert.Equal(200, updated.Status);
        Assert.Equal(412, stale.Status);
        Assert.Equal("/problems/precondition-failed", (string?)stale.Json["type"]);
        Assert.Equal("Nguyễn Văn A", (string?)(await GetAsync(id)).Json["signer"]!["name"]);
    }

    [Fact]
    public async Task Concurrent_updates_without_etags_all_land_and_none_fails()
    {
        var id = NewId();
        await PutAsync(id, SeedAgency());
        var names = Enumerable.Range(1, 8).Select(i => $"Người ký {i}").ToList();

        var results = await Task.WhenAll(names.Select(n => PutAsync(id, SeedAgency().Replace("Vũ Minh Tâm", n))));

        Assert.All(results, r => Assert.True(r.Status == 200, r.Body?.ToJsonString()));
        Assert.Contains((string?)(await GetAsync(id)).Json["signer"]!["name"], names);
    }

    [Fact]
    public async Task Every_problem_in_a_registration_is_reported_at_once_with_its_path()
    {
        var body = """
            {
              "id": "another-agency",
              "name": "",
              "symbol": "vp!",
              "jurisdiction": "51..2",
              "placeName": "Quảng Ngãi",
              "headerName": "__LONG__",
              "staff": { "total": 90, "officials": 60, "contractWorkers": -1, "publicEmployees": 15 },
              "signer": { "title": "CHÁNH VĂN PHÒNG", "name": "Vũ Minh Tâm", "authorityPrefix": "XX." },
              "contact": { "email": "not-an-email" }
            }
            """.Replace("__LONG__", new string('x', AgencyValidator.MaxNameLength + 1), StringComparison.Ordinal);
        var id = NewId();

        var response = await PutAsync(id, body);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("/problems/validation", (string?)response.Json["type"]);
        Assert.Equal(
            new[] { "$.id", "$.name", "$.parentBody", "$.headerName", "$.symbol", "$.jurisdiction", "$.staff.contractWorkers", "$.staff.total",
                "$.signer.authorityPrefix", "$.contact.email" }.Order(),
            response.ErrorPaths.Order());
        Assert.All(response.Json["errors"]!.AsArray(), e =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)e!["message"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)e["messageEn"]));
        });
        Assert.Equal(404, (await GetAsync(id)).Status);
    }

    [Theory]
    [InlineData("{\"name\": \"x\",", "application/json", 400, "malformed-json")]
    [InlineData("", "application/json", 400, "empty-body")]
    [InlineData("null", "application/json", 400, "validation")]
    [InlineData("name=x", "application/x-www-form-urlencoded", 415, "unsupported-media-type")]
    [InlineData("{}", null, 415, "unsupported-media-type")]
    public async Task Unreadable_bodies_get_a_clear_4xx_and_nothing_is_stored(string body, string? contentType, int status, string type)
    {
        var id = NewId();
        var response = await PutAsync(id, body, contentType);

        Assert.Equal(status, response.Status);
        Assert.Equal($"/problems/{type}", (string?)response.Json["type"]);
        Assert.Equal(404, (await GetAsync(id)).Status);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413_and_nothing_is_stored()
    {
        var id = NewId();
        var huge = SeedAgency().Replace("\"Quảng Ngãi\"", "\"" + new string('a', 300 * 1024) + "\"");

        var response = await PutAsync(id, huge);

        Assert.Equal(413, response.Status);
        Assert.Equal("/problems/payload-too-large", (string?)response.Json["type"]);
        Assert.Equal(404, (await GetAsync(id)).Status);
    }

    [Theory]
    [InlineData("Bad_Id")]
    [InlineData("a")]
    [InlineData("vp-ubnd-quang-ngai\n")]
    public async Task An_invalid_agency_id_is_a_400_naming_the_route_parameter(string id)
    {
        var response = await PutAsync(id, SeedAgency());
        Assert.Equal(400, response.Status);
        Assert.Equal(["$.route.agencyId"], response.ErrorPaths);
    }

    [Fact]
    public async Task Staff_counts_whose_sum_overflows_are_a_400_at_the_total()
    {
        var id = NewId();
        var body = JsonNode.Parse(SeedAgency())!;
        body["staff"] = new JsonObject { ["total"] = 2, ["officials"] = 1_431_655_766, ["contractWorkers"] = 1_431_655_766, ["publicEmployees"] = 1_431_655_766 };

        var response = await PutAsync(id, body.ToJsonString());

        Assert.Equal(400, response.Status);
        Assert.Equal(["$.staff.total"], response.ErrorPaths);
        Assert.Equal(404, (await GetAsync(id)).Status);
    }

    [Fact]
    public async Task An_unknown_agency_is_404_problem()
    {
        var response = await GetAsync(NewId());
        Assert.Equal(404, response.Status);
        Assert.Equal("/problems/not-found", (string?)response.Json["type"]);
    }

    [Fact]
    public async Task Listing_by_jurisdiction_includes_everything_under_it_and_pages()
    {
        var province = "51.t" + Guid.NewGuid().ToString("N")[..6]; // a district of its own under a province the catalogue knows
        var ids = new List<string>();
        foreach (var jurisdiction in new[] { province, $"{province}.522", $"{province}.523", $"{province}.522", $"{province}9" })
        {
            var id = NewId();
            await PutAsync(id, SeedAgency(jurisdiction));
            if (jurisdiction != $"{province}9") ids.Add(id);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var query = $"jurisdiction={province}&pageSize=3" + (token is null ? "" : $"&continuationToken={token}");
            var request = app.Request(TestTokens.Admin, "GET", "/api/agencies", query: query);
            var page = await HttpCalls.ExecuteAsync(request, functions.List(request, CancellationToken.None));
            Assert.Equal(200, page.Status);
            var items = page.Json["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 3);
            seen.AddRange(items.Select(i => (string)i!["id"]!));
            token = (string?)page.Json["continuationToken"];
        }
        while (token is not null);

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("pageSize=0", "$.query.pageSize")]
    [InlineData("pageSize=abc", "$.query.pageSize")]
    [InlineData("jurisdiction=51..x", "$.query.jurisdiction")]
    [InlineData("continuationToken=%%%not-base64", null)]
    public async Task Bad_list_parameters_get_a_400_problem(string query, string? path)
    {
        var request = app.Request(TestTokens.Admin, "GET", "/api/agencies", query: query);
        var response = await HttpCalls.ExecuteAsync(request, functions.List(request, CancellationToken.None));

        Assert.Equal(400, response.Status);
        if (path is not null) Assert.Equal([path], response.ErrorPaths);
    }
}
