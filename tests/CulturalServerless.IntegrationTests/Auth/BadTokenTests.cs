using CulturalServerless.Application.Access;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// Every kind of bad bearer token is a 401 with <c>WWW-Authenticate: Bearer</c> and the
/// <c>/problems/unauthorized</c> problem, naming only the kind of failure.
/// </summary>
public sealed class BadTokenTests(TwoProvinces world) : IClassFixture<TwoProvinces>
{
    /// <summary>Kinds of bad token and the description each gets; the tokens are made when the test runs, so their times are current.</summary>
    public static TheoryData<string, string> BadTokens() => new()
    {
        { "missing", "" },
        { "malformed", "the token is malformed" },
        { "expired", "the token has expired" },
        { "not yet valid", "the token is not yet valid" },
        { "forged (another key, our key id)", "the token's signature is invalid" },
        { "alg none", "the token's signature is invalid" },
        { "HS256 with the public key as secret", "the token's signature is invalid" },
        { "RS512 (not allow-listed)", "the token's signature is invalid" },
        { "wrong audience", "the token is for another audience" },
        { "untrusted issuer", "the token's issuer is not trusted" },
        { "no expiry", "the token has no expiry" },
        { "typ other than an access token's", "the token is not an access token (typ)" },
        { "v1.0 token", Functions.Auth.CallerAuthenticator.V1Refused },
        { "version other than 2.0", "the token is not a v2.0 access token" },
        { "no client (azp)", "the token names no client (azp)" },
    };

    private static string? Make(string kind)
    {
        var now = DateTime.UtcNow;
        switch (kind)
        {
            case "missing": return null;
            case "malformed": return "not.a-jwt";
            case "expired": return TestTokens.Create(new SecurityTokenDescriptor { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) });
            case "not yet valid": return TestTokens.Create(new SecurityTokenDescriptor { NotBefore = now.AddMinutes(10), Expires = now.AddHours(1) });
            case "forged (another key, our key id)":
                using (var otherRsa = RSA.Create(2048))
                {
                    var otherKey = new RsaSecurityKey(otherRsa.ExportParameters(true)) { KeyId = TestTokens.Key.Kid };
                    return TestTokens.Create(new SecurityTokenDescriptor(), new SigningCredentials(otherKey, SecurityAlgorithms.RsaSha256));
                }
            case "alg none": return Unsigned();
            case "HS256 with the public key as secret":
                var publicKeyBytes = Encoding.UTF8.GetBytes(TestTokens.Key.N + "." + TestTokens.Key.E);
                return TestTokens.Create(new SecurityTokenDescriptor(),
                    new SigningCredentials(new SymmetricSecurityKey(publicKeyBytes) { KeyId = TestTokens.Key.Kid }, SecurityAlgorithms.HmacSha256));
            case "RS512 (not allow-listed)": return TestTokens.Create(new SecurityTokenDescriptor(), new SigningCredentials(TestTokens.Key, SecurityAlgorithms.RsaSha512));
            case "wrong audience": return TestTokens.Create(new SecurityTokenDescriptor { Audience = "api://someone-else" });
            case "untrusted issuer": return TestTokens.Create(new SecurityTokenDescriptor { Issuer = "https://login.example.com/evil/v2.0" });
            case "no expiry": return NoExpiry();
            case "typ other than an access token's": return TestTokens.Create(new SecurityTokenDescriptor { TokenType = "id+jwt" });
            case "v1.0 token": return TestTokens.Create(new SecurityTokenDescriptor { Claims = new Dictionary<string, object> { ["ver"] = "1.0" } });
            case "version other than 2.0": return TestTokens.Create(new SecurityTokenDescriptor { Claims = new Dictionary<string, object> { ["ver"] = "3.0" } });
            case "no client (azp)": return TestTokens.Create(new SecurityTokenDescriptor { Subject = TestTokens.Identity("tests-user", null, [Roles.Admin]) });
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_with_a_bearer_challenge(string kind, string description)
    {
        var token = Make(kind);
        var response = await world.ListAgenciesAsync(token);

        Assert.True(response.Status == 401, $"{kind}: expected 401, got {response.Status}");
        Assert.Equal("/problems/unauthorized", (string?)response.Json["type"]);
        var challenge = response.Headers.WWWAuthenticate.ToString();
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        if (token is null)
        {
            Assert.Equal("Bearer", challenge);
        }
        else
        {
            var expected = "Bearer error=\"invalid_token\", error_description=\"" + description;
            Assert.True(challenge.StartsWith(expected, StringComparison.Ordinal), $"{kind}: {challenge}");
        }
        // Nothing of the validator's internals or of the token goes back.
        var text = response.Body!.ToJsonString();
        Assert.DoesNotContain("IDX", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        if (token is { Length: > 20 }) Assert.DoesNotContain(token[..20], text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task An_authorization_header_without_a_bearer_token_is_401(string header)
    {
        var request = world.App.Request(null, "GET", "/api/agencies", headers: new Dictionary<string, string> { ["Authorization"] = header });
        var response = await HttpCalls.ExecuteAsync(request, world.Agencies.List(request, CancellationToken.None));

        Assert.Equal(401, response.Status);
        Assert.StartsWith("Bearer", response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_skew_is_bounded_to_two_minutes_either_way()
    {
        var now = DateTime.UtcNow;
        var justExpired = TestTokens.Create(new SecurityTokenDescriptor { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-1) });
        var almostValid = TestTokens.Create(new SecurityTokenDescriptor { NotBefore = now.AddMinutes(1), Expires = now.AddHours(1) });

        Assert.Equal(200, (await world.ListAgenciesAsync(justExpired)).Status);
        Assert.Equal(200, (await world.ListAgenciesAsync(almostValid)).Status);
    }

    [Fact]
    public async Task A_token_without_a_subject_is_401()
    {
        var token = TestTokens.Create(new SecurityTokenDescriptor { Subject = TestTokens.Identity("", TestTokens.AdminClientId, ["admin"]) });

        var response = await world.ListAgenciesAsync(token);

        Assert.Equal(401, response.Status);
    }

    private static string Unsigned()
    {
        // A header saying alg none and no signature, with an otherwise valid payload.
        var valid = TestTokens.Create(new SecurityTokenDescriptor());
        var payload = valid.Split('.')[1];
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + payload + ".";
    }

    private static string NoExpiry()
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Functions.Auth.DevelopmentIssuer.Issuer,
            Audience = TestTokens.ApiClientId,
            Subject = TestTokens.Identity("tests-user", TestTokens.AdminClientId, ["admin"]),
            SigningCredentials = new SigningCredentials(TestTokens.Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
