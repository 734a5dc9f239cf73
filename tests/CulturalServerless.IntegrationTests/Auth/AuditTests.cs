using static CulturalServerless.IntegrationTests.Auth.TwoProvinces;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>Every write records who (subject and client), when and what changed, readable by admins and the owning scope only.</summary>
public sealed class AuditTests(TwoProvinces world) : IClassFixture<TwoProvinces>
{
    [Fact]
    public async Task Agency_writes_record_subject_client_time_and_the_fields_they_changed()
    {
        var id = "qn-so-vhttdl-" + Guid.NewGuid().ToString("N")[..6];
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        Assert.Equal(201, (await world.PutAgencyAsync(Token("portal-51"), id, AgencyBody(id, "51.600"))).Status);
        Assert.Equal(200, (await world.PutAgencyAsync(Token("portal-51"), id, AgencyBody(id, "51.600", signer: "Nguyễn Văn A"))).Status);

        var read = await world.GetAgencyAsync(Token("reviewer-51"), id);

        var history = read.Json["history"]!.AsArray();
        Assert.Equal(["registered", "updated"], history.Select(h => (string?)h!["action"]));
        Assert.All(history, h =>
        {
            Assert.Equal("user-of-" + Callers["portal-51"].ClientId, (string?)h!["actor"]!["subject"]);
            Assert.Equal(Callers["portal-51"].ClientId, (string?)h["actor"]!["client"]);
            Assert.InRange((DateTimeOffset)h["at"]!, before, DateTimeOffset.UtcNow.AddSeconds(5));
        });
        Assert.Contains("jurisdiction", history[0]!["changed"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(["signer"], history[1]!["changed"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task Assessment_history_names_the_submitting_portal_and_is_hidden_from_other_provinces()
    {
        var asAdmin = await world.GetAssessmentAsync(TestTokens.Admin, BinhDinhOffice);
        var asOwner = await world.GetAssessmentAsync(Token("reviewer-52"), BinhDinhOffice);
        var asOther = await world.GetAssessmentAsync(Token("reviewer-51"), BinhDinhOffice);

        var submitted = asAdmin.Json["history"]!.AsArray().First(h => (string?)h!["action"] == "submitted")!;
        Assert.Equal(Callers["portal-52"].ClientId, (string?)submitted["actor"]!["client"]);
        Assert.Equal("user-of-" + Callers["portal-52"].ClientId, (string?)submitted["actor"]!["subject"]);
        Assert.Equal(asAdmin.Json["history"]!.ToJsonString(), asOwner.Json["history"]!.ToJsonString());
        Assert.Equal(404, asOther.Status);
        Assert.Null(asOther.Json["history"]);
    }

    [Fact]
    public async Task A_registry_change_takes_effect_on_the_next_request()
    {
        const string clientId = "portal-revoked";
        Assert.Equal(201, (await world.PutClientAsync(TestTokens.Admin, clientId, Entry(["submitter"], "51"))).Status);
        var token = TestTokens.For(clientId, "submitter", "reviewer");
        Assert.Equal(200, (await world.GetAgencyAsync(token, QuangNgaiOffice)).Status);

        Assert.Equal(200, (await world.PutClientAsync(TestTokens.Admin, clientId, Entry(["reviewer"], "51.522"))).Status);

        Assert.Equal(404, (await world.GetAgencyAsync(token, QuangNgaiOffice)).Status);
        Assert.Equal(403, (await world.SubmitAsync(token, QuangNgaiCityOffice)).Status);
        Assert.Equal(200, (await world.GetAgencyAsync(token, QuangNgaiCityOffice)).Status);
    }

    [Fact]
    public async Task A_registry_entry_is_validated_and_records_who_wrote_it()
    {
        var invalid = await world.PutClientAsync(TestTokens.Admin, "portal-bad", new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "", ["roles"] = new System.Text.Json.Nodes.JsonArray("submitter", "superuser"), ["jurisdiction"] = "51..x",
        });
        var stored = await world.GetClientAsync(TestTokens.Admin, Callers["reviewer-51"].ClientId);

        Assert.Equal(400, invalid.Status);
        Assert.Equal(["$.name", "$.roles[1]", "$.jurisdiction"], invalid.ErrorPaths);
        Assert.Equal(TestTokens.AdminClientId, (string?)stored.Json["updatedBy"]!["client"]);
    }
}
