using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Access;
using CulturalServerless.Functions.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// The Entra ID path with tokens shaped like Microsoft's documented v2.0 and v1.0 access-token
/// examples, every claim in place, signed by a test key that a metadata document publishes (served
/// from memory in place of login.microsoftonline.com): issuer and keys come from the authority's
/// metadata, never from the token; the API's client ID and its application ID URI are its audiences.
/// </summary>
public sealed class EntraIdIssuerTests(AppServices app) : IClassFixture<AppServices>, IAsyncLifetime
{
    private const string TenantId = "9b2c4e61-3f0a-4d7e-8c15-6a2e0b9d4f73";
    private const string Authority = "https://login.microsoftonline.com/" + TenantId + "/v2.0";

    /// <summary>A province's portal calling with client credentials (app-only), registered as Quảng Ngãi's submitter.</summary>
    private const string PortalClientId = "c3a9e1f2-6b7d-4e80-9a21-5f4c3b2d1e06";

    /// <summary>A committee's single-page app acting for a signed-in user, registered as reviewer (and admin, which the user lacks).</summary>
    private const string CommitteeSpaClientId = "0f6d2b8a-4c1e-47a3-b5d9-e2c7a1f08b34";

    private sealed class MetadataDocuments : IDocumentRetriever
    {
        public List<string> Requested { get; } = [];

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            Requested.Add(address);
            var key = TestTokens.Key;
            // The parts of login.microsoftonline.com's v2.0 metadata and key set the validation reads.
            return Task.FromResult(address == OpenIdConnectTrustedIssuer.MetadataAddress(Authority)
                ? new JsonObject
                {
                    ["token_endpoint"] = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token",
                    ["jwks_uri"] = $"https://login.microsoftonline.com/{TenantId}/discovery/v2.0/keys",
                    ["issuer"] = Authority,
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["authorization_endpoint"] = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize",
                    ["tenant_region_scope"] = "AS",
                    ["cloud_instance_name"] = "microsoftonline.com",
                }.ToJsonString()
                : new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.Kid, ["x5t"] = key.Kid, ["n"] = key.N, ["e"] = key.E,
                        ["issuer"] = $"https://login.microsoftonline.com/{TenantId}/v2.0",
                    }),
                }.ToJsonString());
        }
    }

    public async Task InitializeAsync()
    {
        var store = app.Get<IApiClientStore>();
        await store.UpsertAsync(Entry(PortalClientId, [Roles.Submitter], "51"), CancellationToken.None);
        await store.UpsertAsync(Entry(CommitteeSpaClientId, [Roles.Reviewer, Roles.Admin], "51"), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An app-only v2.0 access token (client credentials with a secret), as Entra ID issues it for an app-role assignment.</summary>
    private static JsonObject AppOnlyV2(string audience = TestTokens.ApiClientId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = Authority,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["aio"] = "k2RgYJh8cfK/vmTv4V7hb5Jw9Cx0AQ==",
            ["azp"] = PortalClientId,
            ["azpacr"] = "1",
            ["idtyp"] = "app",
            ["oid"] = "7e1b5a9c-2d3f-4a68-b0c4-91e8f2d6a357",
            ["rh"] = "1.AXoAYU4smwo_fk2MFWouC51Pc4kM7xVmRrBOlOZqOb7i5A.",
            ["roles"] = new JsonArray(Roles.Submitter),
            ["sub"] = "7e1b5a9c-2d3f-4a68-b0c4-91e8f2d6a357",
            ["tid"] = TenantId,
            ["uti"] = "Xq3bTzGc0U6qF1nEoP7YAA",
            ["ver"] = "2.0",
        };
    }

    /// <summary>A delegated v2.0 access token: a user signed in to the committee's SPA (a public client), with the API's scope.</summary>
    private static JsonObject DelegatedV2()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["aud"] = TestTokens.ApiClientId,
            ["iss"] = Authority,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["aio"] = "AXQAi/8aAAAAq7pZbJ1Yy3Kc2RgYJh8cfK/vmTv4V7hb5Jw9Cx0AQ==",
            ["azp"] = CommitteeSpaClientId,
            ["azpacr"] = "0",
            ["name"] = "Nguyễn Thị Hoa",
            ["oid"] = "3c8e0d52-9a17-4b6f-a2e4-5d1b7c9f0e68",
            ["preferred_username"] = "hoa.nt@quangngai.gov.vn",
            ["rh"] = "I",
            ["roles"] = new JsonArray(Roles.Reviewer),
            // "admin" as a scope name on purpose: a scope is never a role.
            ["scp"] = "access_as_user admin",
            ["sub"] = "JtD5vY0mV7qk3bHq9nXcPp2LwR8sE1fA6uZ4oGiKyTw",
            ["tid"] = TenantId,
            ["uti"] = "fqiBqXLPj0eQa82S-IYFAA",
            ["ver"] = "2.0",
        };
    }

    /// <summary>A v1.0 access token as Entra ID issues it when the API's manifest accepts v1 tokens: URI audience, sts.windows.net issuer, appid.</summary>
    private static JsonObject DelegatedV1()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["aud"] = TestTokens.Audience,
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["acr"] = "1",
            ["aio"] = "E2ZgYDi9c8r/m0ipy2W7s+H2bc8B5LqGJWWtaddNxEtMUf6DFi0A",
            ["amr"] = new JsonArray("pwd"),
            ["appid"] = CommitteeSpaClientId,
            ["appidacr"] = "0",
            ["family_name"] = "Nguyễn",
            ["given_name"] = "Hoa",
            ["ipaddr"] = "203.113.130.4",
            ["name"] = "Nguyễn Thị Hoa",
            ["oid"] = "3c8e0d52-9a17-4b6f-a2e4-5d1b7c9f0e68",
            ["rh"] = "I",
            ["roles"] = new JsonArray(Roles.Reviewer),
            ["scp"] = "user_impersonation",
            ["sub"] = "JtD5vY0mV7qk3bHq9nXcPp2LwR8sE1fA6uZ4oGiKyTw",
            ["tid"] = TenantId,
            ["unique_name"] = "hoa.nt@quangngai.gov.vn",
            ["upn"] = "hoa.nt@quangngai.gov.vn",
            ["uti"] = "fqiBqXLPj0eQa82S-IYFAA",
            ["ver"] = "1.0",
        };
    }

    /// <summary>Signed with the published key; header as Entra ID writes it (<c>typ: JWT</c>, RS256, the key's id).</summary>
    private static string Sign(JsonObject payload, string type = "JWT") =>
        new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(TestTokens.Key, SecurityAlgorithms.RsaSha256),
            new Dictionary<string, object> { ["typ"] = type });

    private async Task<(Caller? Caller, AuthenticationFailedException? Failure)> AuthenticateAsync(string token, MetadataDocuments? documents = null)
    {
        var authenticator = new CallerAuthenticator(new AuthOptions(Authority, TestTokens.Audience, TestTokens.ApiClientId, null),
            new OpenIdConnectTrustedIssuer(Authority, documents ?? new MetadataDocuments()), app.Get<ApiClientService>(),
            app.Get<ClientJurisdictions>(), NullLogger<CallerAuthenticator>.Instance);
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
    public async Task An_app_only_v2_token_is_accepted_with_the_APIs_client_id_as_audience_and_issuer_and_keys_from_the_metadata()
    {
        var documents = new MetadataDocuments();

        var (caller, failure) = await AuthenticateAsync(Sign(AppOnlyV2()), documents);

        Assert.Null(failure);
        Assert.Equal("7e1b5a9c-2d3f-4a68-b0c4-91e8f2d6a357", caller!.Subject);
        Assert.Equal(PortalClientId, caller.ClientId);
        Assert.Equal([Roles.Submitter], caller.Roles);
        Assert.Equal("51", caller.Scope.Jurisdiction);
        Assert.Empty(caller.DelegatedScopes);
        Assert.Equal([OpenIdConnectTrustedIssuer.MetadataAddress(Authority), $"https://login.microsoftonline.com/{TenantId}/discovery/v2.0/keys"],
            documents.Requested);
    }

    [Fact]
    public async Task A_delegated_v2_token_carries_the_users_app_roles_and_its_scopes_and_a_scope_is_never_a_role()
    {
        var (caller, failure) = await AuthenticateAsync(Sign(DelegatedV2()));

        Assert.Null(failure);
        Assert.Equal(CommitteeSpaClientId, caller!.ClientId);
        // The registry grants reviewer and admin; the user holds reviewer; "admin" in scp counts for nothing.
        Assert.Equal([Roles.Reviewer], caller.Roles);
        Assert.False(caller.IsAdmin);
        Assert.Equal(["access_as_user", "admin"], caller.DelegatedScopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_v2_token_asked_for_by_the_application_id_uri_is_accepted_too()
    {
        var (caller, failure) = await AuthenticateAsync(Sign(AppOnlyV2(audience: TestTokens.Audience)));

        Assert.Null(failure);
        Assert.Equal(PortalClientId, caller!.ClientId);
    }

    [Theory]
    [InlineData("00000003-0000-0000-c000-000000000000")]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("a7c9e3d1-5b2f-4e86-9d40-1c8b6f2a0e57")]
    [InlineData("api://cultural-serverless-tests-other")]
    public async Task A_token_for_another_audience_is_refused(string audience)
    {
        var (caller, failure) = await AuthenticateAsync(Sign(AppOnlyV2(audience)));

        Assert.Null(caller);
        Assert.Equal("the token is for another audience", failure!.Description);
    }

    [Fact]
    public async Task A_v1_token_is_refused_on_purpose_with_the_fix_in_the_error()
    {
        var (caller, failure) = await AuthenticateAsync(Sign(DelegatedV1()));

        Assert.Null(caller);
        Assert.Equal(CallerAuthenticator.V1Refused, failure!.Description);
        Assert.Contains("accessTokenAcceptedVersion", failure.Challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_token_for_the_API_itself_is_refused_because_it_names_no_client()
    {
        // A v2.0 ID token of someone signing in to the API's own registration: our audience and issuer, no azp.
        var idToken = DelegatedV2();
        idToken.Remove("azp");
        idToken.Remove("azpacr");
        idToken.Remove("scp");
        idToken["nonce"] = "0f1e2d3c4b5a";

        var (caller, failure) = await AuthenticateAsync(Sign(idToken));

        Assert.Null(caller);
        Assert.Equal("the token names no client (azp)", failure!.Description);
    }

    [Theory]
    [InlineData("pop")]
    [InlineData("JWE")]
    public async Task A_token_whose_type_is_not_an_access_tokens_is_refused(string type)
    {
        var (caller, failure) = await AuthenticateAsync(Sign(AppOnlyV2(), type));

        Assert.Null(caller);
        Assert.Equal("the token is not an access token (typ)", failure!.Description);
    }

    [Fact]
    public async Task The_rfc_9068_access_token_type_is_accepted()
    {
        var (caller, failure) = await AuthenticateAsync(Sign(AppOnlyV2(), "at+jwt"));

        Assert.Null(failure);
        Assert.NotNull(caller);
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        var token = AppOnlyV2();
        token["iss"] = "https://login.microsoftonline.com/4d1c8b2e-7a3f-49e0-b6d5-0e2a9f7c3b18/v2.0";
        token["tid"] = "4d1c8b2e-7a3f-49e0-b6d5-0e2a9f7c3b18";

        var (caller, failure) = await AuthenticateAsync(Sign(token));

        Assert.Null(caller);
        Assert.Equal("the token's issuer is not trusted", failure!.Description);
    }

    [Fact]
    public async Task The_development_issuer_is_not_trusted_when_the_app_points_at_entra_id()
    {
        var (caller, failure) = await AuthenticateAsync(TestTokens.Admin);

        Assert.Null(caller);
        Assert.Equal("the token's issuer is not trusted", failure!.Description);
    }

    private static CulturalServerless.Application.Access.ApiClient Entry(string clientId, string[] roles, string jurisdiction) => new()
    {
        Id = CulturalServerless.Application.Access.ApiClient.DocumentId(clientId),
        ClientId = clientId,
        Name = "Ứng dụng " + clientId,
        Roles = roles,
        Jurisdiction = jurisdiction,
        UpdatedAt = DateTimeOffset.UtcNow,
        UpdatedBy = Actor.System,
    };
}
