using System.Text.RegularExpressions;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Http.Reminders;
using CulturalServerless.IntegrationTests.Reminders;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>
/// The check at connect time, where DNS rebinding would otherwise pass: a host that resolved to a
/// public address when it was registered and resolves to 127.0.0.1 when a reminder is posted is
/// refused before any connection is made; and every failure is recorded as a category, never as
/// socket text.
/// </summary>
public sealed class ConnectTimeGuardTests
{
    private const int Year = 2022;
    private static readonly DateOnly DayOfD14 = new(Year, 11, 16);
    private const string RebindingHost = "hooks.rebinding.example.vn";

    private static Task<ReminderHost> HostAsync(ScriptedResolver resolver, IDictionary<string, string?> overrides) =>
        ReminderHost.StartAsync(new DateTimeOffset(Year, 11, 1, 1, 0, 0, TimeSpan.Zero), overrides, resolver.ReplaceIn);

    private static async Task<Reminder> RemindOnceAsync(ReminderHost host, string url)
    {
        var agency = await host.RegisterAgencyAsync("51.522");
        await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), url);
        host.MorningOf(DayOfD14);
        await host.RunAsync();
        return (await host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None))!;
    }

    [Fact]
    public async Task A_host_that_resolves_to_loopback_after_registration_is_refused_at_connect_time_and_nothing_reaches_the_receiver()
    {
        await using var receiver = TcpProbe.Closing();
        var resolver = new ScriptedResolver();
        // The sample's rules (private targets off), with the probe's port allowed so that only the address decides.
        await using var host = await HostAsync(resolver, new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateTargets"] = "false",
            ["Webhooks:AllowedPorts"] = $"443,{receiver.Port}",
        });
        resolver.Answer(RebindingHost, "20.205.243.166");
        var agency = await host.RegisterAgencyAsync("51.522");
        await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), $"https://{RebindingHost}:{receiver.Port}/hooks/a");

        resolver.Answer(RebindingHost, "127.0.0.1");
        host.MorningOf(DayOfD14);
        var summary = await host.RunAsync();

        var record = (await host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None))!;
        Assert.Equal(ReminderState.Failed, record.State);
        Assert.Equal(DeliveryErrors.PrivateAddress, record.LastError);
        Assert.Equal(1, record.Attempts); // the same answer would come again: not retried
        Assert.Equal(1, summary.Failed);
        Assert.Equal(0, receiver.Connections);
        Assert.Equal(2, resolver.Asked.Count(name => name == RebindingHost)); // once to register, once to connect
    }

    [Fact]
    public async Task Without_the_guard_the_same_rebinding_reaches_the_receiver()
    {
        // The control for the test above: the probe does see a connection when private targets are allowed.
        await using var receiver = TcpProbe.Closing();
        var resolver = new ScriptedResolver();
        await using var host = await HostAsync(resolver, new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:AllowedPorts"] = $"443,{receiver.Port}",
            ["Webhooks:MaxAttempts"] = "1",
        });
        resolver.Answer(RebindingHost, "127.0.0.1");

        var record = await RemindOnceAsync(host, $"https://{RebindingHost}:{receiver.Port}/hooks/a");

        Assert.Equal(ReminderState.Failed, record.State);
        Assert.Equal(1, receiver.Connections);
        Assert.Equal(DeliveryErrors.Tls, record.LastError); // the probe closes without a TLS handshake
    }

    public static TheoryData<string> Failures() => ["refused", "timeout", "tls", "dns", "http-503"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_delivery_is_recorded_and_served_as_its_category_only(string category)
    {
        await using var silent = TcpProbe.Silent();
        await using var answering = await WebhookReceiver.StartAsync(TimeProvider.System);
        answering.Fail("r", 503);
        var resolver = new ScriptedResolver();
        await using var host = await HostAsync(resolver, new Dictionary<string, string?>
        {
            ["Webhooks:MaxAttempts"] = "1",
            // Long enough for a receiver's first answer on a busy machine; the silent probe waits it out.
            ["Webhooks:Timeout"] = "00:00:02",
        });
        var url = category switch
        {
            "refused" => $"http://127.0.0.1:{TcpProbe.FreePort()}/hooks/r",
            "timeout" => $"http://127.0.0.1:{silent.Port}/hooks/r",
            "tls" => answering.UrlOf("r").Replace("http://", "https://", StringComparison.Ordinal),
            "dns" => "https://nowhere.rebinding.example.vn/hooks/r",
            _ => answering.UrlOf("r"),
        };

        var record = await RemindOnceAsync(host, url);

        Assert.Equal(ReminderState.Failed, record.State);
        Assert.Equal(category, record.LastError);
        var list = new ReminderListFunction(host.Get<ReminderListService>(), NullLogger<ReminderListFunction>.Instance);
        var request = host.Request(TestTokens.Admin, "GET", "/api/reminders", query: $"year={Year}&agencyId={record.AgencyId}");
        var served = (await HttpCalls.ExecuteAsync(request, list.Run(request, CancellationToken.None))).Json["items"]![0]!;
        Assert.Equal(category, (string?)served["lastError"]);
        Assert.Matches(new Regex(@"\A(timeout|tls|refused|dns|refused-private-address|network|http-\d{3})\z"), (string?)served["lastError"]);
    }
}
