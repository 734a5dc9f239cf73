using Azure.Core;
using Azure.Identity;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Documents;
using CulturalServerless.Application.Health;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Reminders;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Reports;
using CulturalServerless.Application.Statistics;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Storage.Blobs;
using CulturalServerless.Storage.Cosmos;
using CulturalServerless.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// One CosmosClient and one BlobServiceClient per process, both from configuration, and the
    /// stores that implement the application's storage interfaces on them.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        EnableSdkSpans();
        services.AddSingleton(_ => StorageConfiguration.Read(configuration));
        services.AddSingleton<TokenCredential>(sp => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = sp.GetRequiredService<StorageOptions>().ManagedIdentityClientId,
        }));
        services.AddSingleton(sp => CosmosClientFactory.Create(
            sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton(sp => BlobServiceClientFactory.Create(
            sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton(sp => sp.GetRequiredService<CosmosClient>()
            .GetDatabase(sp.GetRequiredService<StorageOptions>().CosmosDatabase));
        services.AddSingleton<IBlobReadLinkIssuer, BlobReadLinkIssuer>();
        services.AddSingleton<IHealthProbe, CosmosHealthProbe>();
        services.AddSingleton<IHealthProbe, BlobHealthProbe>();
        services.AddSingleton<IAgencyStore, AgencyRepository>();
        services.AddSingleton<IAssessmentStore, AssessmentRepository>();
        services.AddSingleton<IStatisticsStore, StatisticsRepository>();
        services.AddSingleton<IAssessmentDraftStore, AssessmentDraftRepository>();
        services.AddSingleton<IReportRequestStore, ReportRequestStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<IReportStore>(sp => sp.GetRequiredService<ReportStore>());
        services.AddSingleton<DecisionRepository>();
        services.AddSingleton<IDecisionStore>(sp => sp.GetRequiredService<DecisionRepository>());
        services.AddSingleton<IIssuedDecisions>(sp => sp.GetRequiredService<DecisionRepository>());
        services.AddSingleton<IDecisionDocumentStore, DecisionDocumentStore>();
        services.AddSingleton<IRecognitionClaimStore, RecognitionClaimRepository>();
        services.AddSingleton<RegisterLayout>();
        services.AddSingleton<IDocumentRegister, DocumentNumberCounter>();
        services.AddSingleton<IApiClientStore, ApiClientRepository>();
        services.AddSingleton<IReminderStore, ReminderRepository>();
        services.AddSingleton<IWebhookSubscriptionStore, WebhookSubscriptionRepository>();
        services.AddSingleton<IAdministrativeUnitStore, AdministrativeUnitRepository>();
        services.AddSingleton(sp => ReminderQueue.CreateService(sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton<ReminderQueue>();
        services.AddSingleton<IReminderQueue>(sp => sp.GetRequiredService<ReminderQueue>());
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }

    /// <summary>
    /// The Azure SDKs' spans (Blob Storage's and Key Vault's through Azure.Core, Cosmos DB's
    /// "Azure.Cosmos.Operation") are opt-in, and each client reads the switch when it is built: it is
    /// set before any client exists. Without a listener (OpenTelemetry) a span costs nothing.
    /// </summary>
    public static void EnableSdkSpans() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
}
