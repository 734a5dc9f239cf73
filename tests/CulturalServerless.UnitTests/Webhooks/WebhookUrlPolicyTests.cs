using System.Net;
using System.Net.Sockets;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Webhooks;
using Microsoft.Extensions.Options;

namespace CulturalServerless.UnitTests.Webhooks;

/// <summary>The webhook URL rules after Uri's normalisation, with a resolver that answers from a table.</summary>
public sealed class WebhookUrlPolicyTests
{
    private sealed class TableResolver(Dictionary<string, string[]> table) : IHostAddressResolver
    {
        public List<string> Asked { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Asked.Add(host);
            return table.TryGetValue(host, out var addresses)
                ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }

    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["portal.quangngai.gov.vn"] = ["20.205.243.166"],
        ["inward.example.vn"] = ["10.1.2.3"],
        ["half-inward.example.vn"] = ["20.205.243.166", "127.0.0.1"],
        ["mapped-metadata.example.vn"] = ["::ffff:169.254.169.254"],
    };

    private static WebhookUrlPolicy Policy(bool allowPrivate = false, string ports = "443", TableResolver? resolver = null) =>
        new(Options.Create(new WebhookDeliveryOptions { AllowPrivateTargets = allowPrivate, AllowedPorts = ports }), resolver ?? new TableResolver(Names));

    private static async Task<string> CodeOfAsync(WebhookUrlPolicy policy, string url)
    {
        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => policy.ValidateAsync(url, CancellationToken.None));
        var error = Assert.Single(problem.Errors);
        Assert.Equal("$.url", error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        return error.Code;
    }

    [Theory]
    [InlineData("https://2130706433/")]
    [InlineData("https://0x7f000001/")]
    [InlineData("https://0177.0.0.1/")]
    [InlineData("https://017700000001/")]
    [InlineData("https://127.1/")]
    [InlineData("https://0x7f.1/")]
    [InlineData("https://[::ffff:7f00:1]/")]
    [InlineData("https://[0:0:0:0:0:ffff:a9fe:a9fe]/metadata/identity/oauth2/token")]
    public void Uri_normalises_numeric_octal_and_hex_aliases_to_the_address_they_stand_for(string url)
    {
        var uri = new Uri(url);

        Assert.True(uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6);
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(uri.Host.Trim('[', ']'))));
    }

    [Theory]
    [InlineData("https://169.254.169.254/metadata/identity/oauth2/token")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://2130706433/")]
    [InlineData("https://0x7f000001/")]
    [InlineData("https://0177.0.0.1/")]
    [InlineData("https://[::ffff:169.254.169.254]/")]
    [InlineData("https://localhost/")]
    [InlineData("https://LocalHost./")]
    [InlineData("https://api.localhost/")]
    [InlineData("https://metadata/")]
    [InlineData("https://inward.example.vn/hooks")]
    [InlineData("https://half-inward.example.vn/hooks")]
    [InlineData("https://mapped-metadata.example.vn/hooks")]
    public async Task Private_loopback_metadata_and_aliased_hosts_are_refused(string url)
    {
        Assert.Equal("webhook-private-address", await CodeOfAsync(Policy(), url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", "webhook-https-required")]
    [InlineData("http://portal.quangngai.gov.vn/hooks", "webhook-https-required")]
    [InlineData("https://portal.quangngai.gov.vn:8443/hooks", "webhook-port-not-allowed")]
    [InlineData("https://portal.quangngai.gov.vn:22/hooks", "webhook-port-not-allowed")]
    [InlineData("https://user:pass@portal.quangngai.gov.vn/hooks", "invalid-webhook-url")]
    [InlineData("ftp://portal.quangngai.gov.vn/hooks", "invalid-webhook-url")]
    [InlineData("/hooks/relative", "invalid-webhook-url")]
    public async Task Scheme_port_and_user_info_are_checked_before_the_host(string url, string code)
    {
        Assert.Equal(code, await CodeOfAsync(Policy(), url));
    }

    [Theory]
    [InlineData("https://portal.quangngai.gov.vn/hooks", "https://portal.quangngai.gov.vn/hooks")]
    [InlineData("https://PORTAL.QuangNgai.gov.vn:443/hooks", "https://portal.quangngai.gov.vn/hooks")]
    [InlineData("https://20.205.243.166/hooks", "https://20.205.243.166/hooks")]
    [InlineData("https://not-yet-in-dns.quangngai.gov.vn/hooks", "https://not-yet-in-dns.quangngai.gov.vn/hooks")]
    public async Task A_public_https_url_is_accepted_without_being_reached(string url, string stored)
    {
        Assert.Equal(stored, await Policy().ValidateAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task A_configured_port_is_allowed_and_others_still_are_not()
    {
        var policy = Policy(ports: "443, 8443");

        Assert.Equal("https://portal.quangngai.gov.vn:8443/h", await policy.ValidateAsync("https://portal.quangngai.gov.vn:8443/h", CancellationToken.None));
        Assert.Equal("webhook-port-not-allowed", await CodeOfAsync(policy, "https://portal.quangngai.gov.vn:8080/h"));
    }

    [Fact]
    public async Task Private_targets_when_allowed_admit_plain_http_to_loopback_only()
    {
        var policy = Policy(allowPrivate: true);

        Assert.Equal("http://127.0.0.1:5050/hooks", await policy.ValidateAsync("http://127.0.0.1:5050/hooks", CancellationToken.None));
        Assert.Equal("https://10.0.0.1/", await policy.ValidateAsync("https://10.0.0.1/", CancellationToken.None));
        Assert.Equal("webhook-https-required", await CodeOfAsync(policy, "http://10.0.0.1/"));
    }

    [Fact]
    public void A_malformed_port_list_names_the_setting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new WebhookDeliveryOptions { AllowedPorts = "443,https" }.Ports());

        Assert.Contains("Webhooks__AllowedPorts", failure.Message, StringComparison.Ordinal);
    }
}
