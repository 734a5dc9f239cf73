using CulturalServerless.Application.Access;
using CulturalServerless.Functions.Auth;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// The Entra ID path: issuer and signing keys come from the authority's OpenID Connect metadata
/// (served here from memory in place of login.microsoftonline.com), not from anything in the token.
/// </summary>
public sealed class EntraIdIssuerTests(AppServices app) : IClassFixture<AppServices>
{
    private const string Authority = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0";

    private sealed class MetadataDocuments : IDocumentRetriever
    {
        public List<string> Requested { get; } = [];

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            Requested.Add(address);
            var key = TestTokens.Key;
            return Task.FromResult(address == OpenIdConnectTrustedIssuer.MetadataAddress(Authority)
                ? new JsonObject { ["issuer"] = Authority, ["jwks_uri"] = Authority + "/discovery/keys" }.ToJsonString()
                : new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.Kid, ["n"] = key.N, ["e"] = key.E }),
                }.ToJsonString());
        }
    }

    private async Task<(Caller? Caller, AuthenticationFailedException? Failure)> AuthenticateAsync(MetadataDocuments documents, string token)
    {
        var authenticator = new CallerAuthenticator(new AuthOptions(Authority, TestTokens.Audience, null),
            new OpenIdConnectTrustedIssuer(Authority, documents), app.Get<ApiClientService>(), NullLogger<CallerAuthenticator>.Instance);
        var request = app.Request(token, "GET", "/api/agencies");
        try
        {
            return (await authenticator.AuthenticateAsync(request, CancellationToken.None), null);
        }
        catch (AuthenticationFailedException failure)
        {
            return (null, failure);
        }
    }

    [Fact]
    public async Task A_token_of_the_metadatas_issuer_signed_with_a_published_key_is_accepted()
    {
        var documents = new MetadataDocuments();
        var token = TestTokens.Create(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Subject = TestTokens.Identity("entra-object-id", TestTokens.AdminClientId, [Roles.Admin]),
        });

        var (caller, failure) = await AuthenticateAsync(documents, token);

        Assert.Null(failure);
        Assert.Equal("entra-object-id", caller!.Subject);
        Assert.Equal(TestTokens.AdminClientId, caller.ClientId);
        Assert.True(caller.IsAdmin);
        Assert.Equal([OpenIdConnectTrustedIssuer.MetadataAddress(Authority), Authority + "/discovery/keys"], documents.Requested);
    }

    [Fact]
    public async Task The_development_issuer_is_not_trusted_when_the_app_points_at_entra_id()
    {
        var (caller, failure) = await AuthenticateAsync(new MetadataDocuments(), TestTokens.Admin);

        Assert.Null(caller);
        Assert.Equal("the token's issuer is not trusted", failure!.Description);
    }

    [Fact]
    public async Task A_v1_token_names_its_client_in_appid()
    {
        var identity = new System.Security.Claims.ClaimsIdentity([
            new System.Security.Claims.Claim("sub", "service-principal"),
            new System.Security.Claims.Claim("appid", "v1-client"),
            new System.Security.Claims.Claim("roles", Roles.Admin)]);
        var token = TestTokens.Create(new SecurityTokenDescriptor { Issuer = Authority, Subject = identity });

        var (caller, _) = await AuthenticateAsync(new MetadataDocuments(), token);

        Assert.Equal("v1-client", caller!.ClientId);
    }
}
