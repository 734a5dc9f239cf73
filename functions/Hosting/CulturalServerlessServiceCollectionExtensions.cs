using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Appraisals;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Caching;
using CulturalServerless.Application.Exports;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Health;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Reminders;
using CulturalServerless.Application.Reports;
using CulturalServerless.Application.Statistics;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Reports.Decisions;
using CulturalServerless.Reports.Signing;
using CulturalServerless.Functions.Http;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CulturalServerless.Functions.Hosting;

/// <summary>
/// The app's service registration, used by Program.cs under the Functions host and by
/// tools/LocalRunner locally, so both run the same services.
/// </summary>
public static class CulturalServerlessServiceCollectionExtensions
{
    public static IServiceCollection AddCulturalServerless(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, so a missing or contradictory Auth__* setting stops the app at start-up.
        var auth = AuthOptions.From(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddSingleton(auth);
        services.AddSingleton(TrustedIssuer.From(auth));
        services.AddSingleton(ReadCacheOptions.From(configuration));
        services.AddSingleton(RequestDeadlineOptions.From(configuration));
        services.AddSingleton<ApiClientService>();
        services.AddSingleton<ClientJurisdictions>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<JurisdictionCatalogue>();
        services.AddSingleton<JurisdictionService>();
        services.AddSingleton<ReorganisationService>();
        services.AddSingleton<IAgencyPlaceFollower, AssessmentPlaces>();
        services.AddSingleton<ICommitteeWebhookAudit, CommitteeWebhookAudit>();
        services.AddSingleton<AgencyService>();
        services.AddSingleton(RubricCatalog.Shipped);
        services.AddSingleton<AssessmentEvaluator>();
        services.AddSingleton<AssessmentHeadUpdater>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<AssessmentDraftService>();
        services.AddSingleton<AssessmentListService>();
        services.AddSingleton<AppraisalService>();
        services.AddSingleton<AgencyNotifier>();
        services.AddRecognitionProcedures(configuration);
        services.AddSingleton<AssessmentExportService>();
        services.AddSingleton<DecisionExportService>();
        services.AddSingleton<StatisticsService>();
        services.AddSingleton<AgencyClaims>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<DecisionRenderer>();
        services.AddSingleton<DecisionRenderingService>();
        services.AddSingleton<DecisionReconciler>();
        services.AddSingleton<RecognitionHistoryService>();
        services.AddReportSigning(configuration);
        services.AddOptions<ReportRetryOptions>().Bind(configuration.GetSection(ReportRetryOptions.Section));
        services.AddSingleton<IDependencyOutages, DependencyOutages>();
        services.AddSingleton<ReportRenderingService>();
        services.AddSingleton<ReportReconciler>();
        services.AddSingleton<ReportLinkService>();
        services.AddSingleton<ReportVerificationService>();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section));
        services.AddOptions<WebhookDeliveryOptions>().Bind(configuration.GetSection(WebhookDeliveryOptions.Section));
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookConnector>();
        // Every connection is opened by WebhookConnector, which refuses non-public addresses at
        // connect time. Redirects are not followed (a signed post goes to the registered address or
        // nowhere), and no proxy is used (a proxy would make the connection on our behalf, past the check).
        // Each try has its own timeout (Webhooks__Timeout) in WebhookSender, so the client's is off.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddWebhookSecretKeys(configuration);
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<ReminderCalendar>();
        services.AddSingleton<ReminderDeliverer>();
        services.AddSingleton<ReminderPageWorker>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ReminderListService>();
        return services;
    }
}
