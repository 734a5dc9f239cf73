// The Functions app on a Flex Consumption plan, and its app settings. Every setting the code reads
// in Azure is declared in the one `appsettings` resource below, under the name the code reads;
// tests/CulturalServerless.UnitTests/Infrastructure/SettingsVocabularyTests.cs compares these names
// with local.settings.sample.json, so keep them as plain keys of that one object.

param name string
param planName string
param location string
param tags object = {}

@description('Resource id and client id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param cosmosEndpoint string
param cosmosDatabaseName string
param keyVaultUri string
@description('Versionless id of the Key Vault key that wraps the webhook secrets.')
param webhookKeyUri string
param signingCertificateName string
param signingTimestampUrl string
param signingCaCertificates string
param timestampCaCertificates string
@description('Issuer key → Key Vault certificate name; each becomes Signing__Certificates__<issuer key>.')
param issuerCertificates object = {}
param reminderSchedule string
@description('Queue of reminder run pages (RemindPage is triggered by it).')
param reminderPageQueue string
@description('Queue of reminder deliveries, one message per post (DeliverReminder); its -poison queue feeds RecordPoisonedReminder.')
param reminderDeliveryQueue string
@description('Entra ID authority whose tokens the API accepts: https://login.microsoftonline.com/<tenant>/v2.0.')
param authAuthority string
@description('The API\'s application ID URI: an audience its tokens may carry.')
param authAudience string
@description('The API app registration\'s application (client) ID: the audience of its v2.0 access tokens.')
param authClientId string

@description('Upper bound on scale-out; also bounds cost and the load on Cosmos DB.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory per instance. PDF rendering fits comfortably in 2 GB.')
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux: Flex Consumption runs on Linux only.
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  // azd finds the app to deploy the `api` service of azure.yaml to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // Flex Consumption takes the worker runtime from here; FUNCTIONS_WORKER_RUNTIME must not be set.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    // The issuing bodies' own certificates are added to the fixed settings below.
    properties: union({
      // The host's own storage (leases, timers, keys), reached with the app's identity.
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId

      // Telemetry; ingestion is authenticated with the identity because the component refuses keys.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

      // DefaultAzureCredential picks the user-assigned identity by this client id.
      AZURE_CLIENT_ID: identityClientId

      // Cosmos DB by endpoint and identity; containers come from this template, so no CreateIfMissing.
      Cosmos__AccountEndpoint: cosmosEndpoint
      Cosmos__Database: cosmosDatabaseName

      // The connection the report blob trigger and the app's blob client share. The queue service
      // is where the blob trigger keeps poison messages.
      ReportStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      ReportStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      ReportStorage__credential: 'managedidentity'
      ReportStorage__clientId: identityClientId

      // Report signing: the certificate and its non-exportable key live in Key Vault, never in
      // settings; Key Vault signs each digest. Every signature is timestamped (PAdES B-T) by the
      // TSA; verification trusts only the CAs named here.
      Signing__KeyVaultUri: keyVaultUri
      Signing__CertificateName: signingCertificateName
      Signing__TimestampUrl: signingTimestampUrl
      Signing__CaCertificates: signingCaCertificates
      Signing__TimestampCaCertificates: timestampCaCertificates

      // Bearer tokens are validated in the app (Easy Auth is not assured on Flex Consumption):
      // issuer and signing keys from the authority's OpenID Connect metadata; the audience is the
      // API's client ID (v2.0 tokens) or its application ID URI.
      Auth__Authority: authAuthority
      Auth__Audience: authAudience
      Auth__ClientId: authClientId

      // NCRONTAB in UTC (Linux plans ignore WEBSITE_TIME_ZONE).
      REMINDER_SCHEDULE: reminderSchedule

      // The report reconciler (docs/reports.md): every 5 minutes it requests again reports left
      // requested past Reports__StuckAfter or failed with their retry due (back-off from
      // Reports__RetryBackoff, doubling, up to Reports__MaxRenderAttempts renders).
      RECONCILE_SCHEDULE: '0 */5 * * * *'
      Reports__MaxRenderAttempts: '5'
      Reports__RetryBackoff: '00:01:00'
      Reports__StuckAfter: '00:05:00'

      // Reminder rules (docs/reminders.md): the national defaults. A committee's own deadline or
      // rhythm for a year is added as Reminders__Overrides__<jurisdiction>__<year>__<member>.
      Reminders__DeadlineMonthDay: '11-30'
      Reminders__OffsetsDays: '30,14,7,1'
      Reminders__OverdueEveryDays: '7'
      Reminders__LastDayMonthDay: '12-31'
      // A reminder still pending this long after it was recorded lost its queue message: the next run queues it again.
      Reminders__ReclaimAfter: '01:00:00'
      // The reminder run fans out on these queues of the ReportStorage account (created by
      // storage-account.bicep): one message per page of agencies, one per post.
      REMINDER_PAGE_QUEUE: reminderPageQueue
      REMINDER_DELIVERY_QUEUE: reminderDeliveryQueue

      // Webhook delivery: tries per post (one per delivery of its queue message, host.json spacing
      // them by visibilityTimeout) and the time one try may take.
      Webhooks__MaxAttempts: '3'
      Webhooks__Timeout: '00:00:10'
      // Where posts may go: https on these ports, public addresses only (checked at registration
      // and again on every connection). Private targets are for tests and local receivers, never here.
      Webhooks__AllowedPorts: '443'
      Webhooks__AllowPrivateTargets: 'false'
      // Webhook secrets are stored encrypted under a data key each, wrapped by this Key Vault key;
      // after a rotation the previous secret signs alongside the new one for the grace period.
      Webhooks__SecretKeyId: webhookKeyUri
      Webhooks__SecretGracePeriod: '1.00:00:00'

      // How long one HTTP request may take in all; past it, Cosmos DB and Blob calls are cancelled
      // and the caller gets 503 /problems/unavailable with Retry-After (far under the front end's 230 s).
      Http__RequestDeadline: '00:00:10'
    }, toObject(items(issuerCertificates), issuer => 'Signing__Certificates__${issuer.key}', issuer => string(issuer.value)))
  }

  // No FTP or basic-auth deployment: azd deploys to Flex Consumption with an Entra token.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
