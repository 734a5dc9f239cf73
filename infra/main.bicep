// CulturalServerless in one resource group: a Functions app on Flex Consumption running as a
// user-assigned managed identity, with Cosmos DB (serverless), Blob Storage, Key Vault and
// Application Insights, all reached with that identity; no keys or connection strings with keys.
// `azd up` provisions this file and deploys functions/ to the app (see docs/deploy.md).

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group (rg-<env>) and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Region for all resources. It must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional principal id of the person or pipeline running azd, granted data access for operations (azd fills it in). Empty: no grants.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
@description('Kind of principalId.')
param principalType string = 'User'

@description('Name of the Cosmos DB database the app uses (Cosmos__Database).')
param cosmosDatabaseName string = 'cultural'

@description('Name of the report signing certificate in Key Vault (Signing__CertificateName).')
param signingCertificateName string = 'report-signing'

@description('URL of the RFC 3161 time-stamping authority every report signature is timestamped by (Signing__TimestampUrl).')
param signingTimestampUrl string

@description('CA certificates that issue the signing certificates (Signing__CaCertificates): base64 DER, comma-separated, root included. Verification trusts only these.')
param signingCaCertificates string

@description('CA certificates behind the time-stamping authority (Signing__TimestampCaCertificates), in the same form.')
param timestampCaCertificates string

@description('Issuing bodies with a certificate of their own: { "<issuer key>": "<Key Vault certificate name>" }, e.g. { "committee_51": "qn-committee-signing" } (see docs/deploy.md). Each becomes Signing__Certificates__<issuer key>.')
param issuerCertificates object = {}

@minValue(0)
@maxValue(146000)
@description('Days each signed report version stays unchangeable and undeletable (time-based immutability on the reports container). 0 only for throw-away environments: the storage account cannot be deleted while a policy holds blobs.')
param reportRetentionDays int = 3650

@description('NCRONTAB schedule of the reminder timer, in UTC (REMINDER_SCHEDULE). The default runs at 01:00 UTC, 08:00 in Viet Nam.')
param reminderSchedule string = '0 0 1 * * *'

@description('Entra ID authority whose access tokens the API accepts (Auth__Authority); the default is this subscription\'s tenant, v2.0 endpoint.')
param authAuthority string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'

@description('The API\'s application ID URI in Entra ID, one of the two audiences its access tokens may carry (Auth__Audience).')
param authAudience string = 'api://cultural-serverless'

@minLength(36)
@maxLength(36)
@description('Application (client) ID of the API\'s app registration in Entra ID: v2.0 access tokens carry this GUID as their audience (Auth__ClientId). The app registration is made by hand (docs/deploy.md).')
param authClientId string

@description('Keep a deleted Key Vault (and the signing certificate) unpurgeable for 90 days. Cannot be undone once on; set false only for throw-away environments.')
param keyVaultPurgeProtection bool = true

@description('Upper bound on Flex Consumption instances.')
param maximumInstanceCount int = 40

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Flex Consumption keeps each app's deployment package in its own container.
// Names are computed here rather than taken from module outputs so that they are known before
// deployment starts: What-If can then predict the role assignments and existing-resource lookups.
var functionAppName = 'func-api-${resourceToken}'
var identityName = 'id-api-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var cosmosAccountName = 'cosmos-${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var systemTopicName = 'evgt-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var reportRequestsContainerName = 'report-requests'
var reportsContainerName = 'reports'
var deadLetterContainerName = 'eventgrid-deadletter'
// The reminder run's fan-out (docs/reminders.md): one message per page of agencies, one per post.
var reminderPageQueue = 'reminder-pages'
var reminderDeliveryQueue = 'reminder-deliveries'
// The Functions host's own containers (leases, timer and blob-trigger receipts, keys), declared so
// that the app's data role can be scoped to them rather than to the whole account.
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]
var signingCertificateNames = union([signingCertificateName], map(items(issuerCertificates), issuer => string(issuer.value)))
// The Key Vault key that wraps the webhook secrets (Webhooks__SecretKeyId).
var webhookKeyName = 'webhook-secrets'

// Cosmos DB containers and partition keys, one line each in cosmos-containers.json: the same list
// as shared/Storage/Cosmos/CosmosContainers.cs (a unit test checks that they agree).
var cosmosContainers = loadJsonContent('app/cosmos-containers.json')

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/managed-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containers: concat([
      deploymentContainerName
      reportRequestsContainerName
      reportsContainerName
      deadLetterContainerName
    ], hostContainerNames)
    immutableContainerName: reportsContainerName
    immutabilityRetentionDays: reportRetentionDays
    // After 5 failed attempts the blob trigger puts a message in the first; the queue triggers put
    // theirs in <queue>-poison (the deliveries' poison queue has a function that records each).
    queues: [
      'webjobs-blobtrigger-poison'
      reminderPageQueue
      '${reminderPageQueue}-poison'
      reminderDeliveryQueue
      '${reminderDeliveryQueue}-poison'
    ]
  }
}

module cosmos 'core/database/cosmos-nosql.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: cosmosAccountName
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containers: cosmosContainers
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    webhookKeyName: webhookKeyName
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module eventGrid 'app/event-grid.bicep' = {
  name: 'eventGrid'
  scope: rg
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [
    storage
  ]
}

// Role assignments come before the app: on its first start the host already needs its storage,
// and the deployment needs the package container.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    cosmosAccountName: cosmosAccountName
    cosmosDatabaseName: cosmosDatabaseName
    keyVaultName: keyVaultName
    webhookKeyName: webhookKeyName
    applicationInsightsName: applicationInsightsName
    eventGridTopicName: systemTopicName
    deadLetterContainerName: deadLetterContainerName
    appBlobContainerNames: concat([
      deploymentContainerName
      reportRequestsContainerName
      reportsContainerName
    ], hostContainerNames)
    appIdentityName: identityName
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    cosmos
    keyVault
    monitoring
    eventGrid
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    keyVaultUri: keyVault.outputs.uri
    webhookKeyUri: keyVault.outputs.webhookKeyUri
    signingCertificateName: signingCertificateName
    signingTimestampUrl: signingTimestampUrl
    signingCaCertificates: signingCaCertificates
    timestampCaCertificates: timestampCaCertificates
    issuerCertificates: issuerCertificates
    reminderSchedule: reminderSchedule
    reminderPageQueue: reminderPageQueue
    reminderDeliveryQueue: reminderDeliveryQueue
    authAuthority: authAuthority
    authAudience: authAudience
    authClientId: authClientId
    maximumInstanceCount: maximumInstanceCount
  }
  dependsOn: [
    storage
    monitoring
    rbac
  ]
}

// azd stores these in the environment (.azure/<env>/.env); the postdeploy hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_COSMOS_ACCOUNT_NAME string = cosmos.outputs.name
output AZURE_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_COSMOS_DATABASE string = cosmos.outputs.databaseName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output SIGNING_CERTIFICATE_NAME string = signingCertificateName
// Every certificate the app signs with; the postprovision hook grants the identity each one's key.
output SIGNING_CERTIFICATE_NAMES string = join(signingCertificateNames, ',')
output AZURE_MANAGED_IDENTITY_NAME string = identityName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output REPORT_REQUESTS_CONTAINER_NAME string = reportRequestsContainerName
output EVENT_GRID_DEAD_LETTER_CONTAINER_NAME string = deadLetterContainerName
