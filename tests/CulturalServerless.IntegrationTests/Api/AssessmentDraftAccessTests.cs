using CulturalServerless.Functions.Http.Assessments;
using CulturalServerless.IntegrationTests.Auth;
using static CulturalServerless.IntegrationTests.Auth.TwoProvinces;

namespace CulturalServerless.IntegrationTests.Api;

/// <summary>
/// Who keeps a draft, in the two provinces of the access matrix: the agency's own submitters and
/// admins read and write it; reviewers, even the agency's own committee, get 403; callers whose
/// scope does not cover the agency get 404, as for every agency resource.
/// </summary>
public sealed class AssessmentDraftAccessTests(TwoProvinces world) : IClassFixture<TwoProvinces>
{
    private readonly AssessmentDraftFunctions drafts = new(world.App.Get<AssessmentDraftService>(), NullLogger<AssessmentDraftFunctions>.Instance);

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        void Row(string caller, string agency, int status) => data.Add(caller, agency, status);

        Row("admin", QuangNgaiOffice, 200);
        Row("admin", BinhDinhOffice, 200);
        Row("portal-51", QuangNgaiOffice, 200);
        Row("portal-51", QuangNgaiCityOffice, 200);
        Row("portal-51", BinhDinhOffice, 404);
        Row("portal-52", BinhDinhOffice, 200);
        Row("portal-52", QuangNgaiOffice, 404);
        Row("desk-of-office", QuangNgaiOffice, 200);
        Row("desk-of-office", QuangNgaiCityOffice, 404);
        Row("reviewer-51", QuangNgaiCityOffice, 403);
        Row("reviewer-51", BinhDinhOffice, 403);
        Row("reviewer-51.522", QuangNgaiCityOffice, 403);
        Row("reviewer-52", BinhDinhOffice, 403);
        Row("unregistered-submitter", QuangNgaiOffice, 403);
        Row("token-roles-not-in-registry", QuangNgaiOffice, 403);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Caller_gets_the_expected_status_reading_and_saving_a_draft(string caller, string agencyId, int expected)
    {
        // A draft exists (saved by an admin), so 200 on a save means "replaced" and 404 means "out of scope".
        Assert.True((await SaveAsync(TestTokens.Admin, agencyId)).Status is 200 or 201);

        var read = await GetAsync(Token(caller), agencyId);
        var save = await SaveAsync(Token(caller), agencyId);

        foreach (var response in new[] { read, save })
        {
            Assert.Equal(expected, response.Status);
            if (expected == 200)
            {
                Assert.Equal(agencyId, (string?)response.Json["agencyId"]);
                continue;
            }
            Assert.Equal(expected == 403 ? "/problems/forbidden" : "/problems/not-found", (string?)response.Json["type"]);
            // A refusal shows nothing of the agency or its figures.
            Assert.DoesNotContain("Văn phòng", response.Body!.ToJsonString(), StringComparison.Ordinal);
            Assert.Null(response.Json["results"]);
        }
    }

    private Task<ApiResponse> SaveAsync(string token, string agencyId)
    {
        var request = world.App.Request(token, "PUT", $"/api/agencies/{agencyId}/assessments/2022/draft", Api.ApiClient.Sample("assessment-2022.json").ToJsonString());
        return HttpCalls.ExecuteAsync(request, drafts.Save(request, agencyId, "2022", CancellationToken.None));
    }

    private Task<ApiResponse> GetAsync(string token, string agencyId)
    {
        var request = world.App.Request(token, "GET", $"/api/agencies/{agencyId}/assessments/2022/draft");
        return HttpCalls.ExecuteAsync(request, drafts.Get(request, agencyId, "2022", CancellationToken.None));
    }
}
