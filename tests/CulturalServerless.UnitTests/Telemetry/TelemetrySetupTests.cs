using CulturalServerless.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.UnitTests.Telemetry;

public sealed class TelemetrySetupTests
{
    [Fact]
    public void The_warning_only_rule_of_the_application_insights_logger_is_removed_and_the_apps_information_logs_kept()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            // What Microsoft.Azure.Functions.Worker.ApplicationInsights adds by default.
            logging.Services.Configure<LoggerFilterOptions>(options => options.Rules.Add(new LoggerFilterRule(
                "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider", null, LogLevel.Warning, null)));
            TelemetryServiceCollectionExtensions.KeepInformationLogs(logging);
        });

        var rules = services.BuildServiceProvider().GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;

        Assert.DoesNotContain(rules, rule => rule.ProviderName?.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal) == true);
        Assert.Contains(rules, rule => rule.CategoryName == "CulturalServerless" && rule.LogLevel == LogLevel.Information);
    }

    [Theory]
    [InlineData("ClientId=5d2f7c1e-8a4b-4c39-9e60-3b1a0f7d2c84;Authorization=AAD", "5d2f7c1e-8a4b-4c39-9e60-3b1a0f7d2c84")]
    [InlineData("Authorization=AAD; ClientId=abc", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData(null, null)]
    public void The_managed_identity_is_read_from_the_authentication_string(string? setting, string? clientId) =>
        Assert.Equal(clientId, TelemetryServiceCollectionExtensions.ManagedIdentityClientId(setting));
}
