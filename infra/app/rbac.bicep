// Every grant of the deployment, in one place to review. The app's identity gets the data-plane
// roles its code and the Functions host need, each scoped to the one resource it is for (blob data
// per container, never the account); the
// optional deploying user gets what is needed to look at data and to import the signing certificate.

param storageAccountName string
param cosmosAccountName string
param cosmosDatabaseName string
param keyVaultName string
@description('Name of the Key Vault key that wraps the webhook secrets; the app\'s identity gets Key Vault Crypto User on it alone.')
param webhookKeyName string
param applicationInsightsName string
param eventGridTopicName string
param deadLetterContainerName string

@description('Blob containers the app reads and writes: its deployment package, report requests, signed reports and the Functions host\'s own.')
param appBlobContainerNames string[]

@description('Name of the app\'s user-assigned managed identity.')
param appIdentityName string

@description('Optional principal (the person or pipeline running azd) to grant data access for operations. Empty: no grants.')
param userPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param userPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var roles = {
  // Blob data read/write, granted per container the app uses (never the whole account).
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Only generateUserDelegationKey, which is an account-level action: the report download SAS.
  // What a link may then read is bounded by the container-scoped roles above.
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  // The queues: the reminder run's pages and deliveries (sent by the app, read and deleted by the
  // queue triggers), their -poison queues, the blob trigger's poison queue and the host's own. At the
  // account, because the host creates and uses queues of its own whose names are not known here.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // The public part and metadata of certificates, keys and secrets; no secret value, no key material.
  // (Key Vault Certificate User would also read secrets: the PFX of an exportable certificate.)
  keyVaultReader: '21090545-7ca7-4776-b22c-e363652d74d2'
  keyVaultCertificatesOfficer: 'a4417e6f-fecd-4de8-b567-7b0420556985'
  // Wrapping and unwrapping the webhook secrets' data keys with the one key they are for.
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424'
  // Sending telemetry to an Application Insights component with local auth disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Cosmos DB data-plane role (not an Azure RBAC role): Built-in Data Contributor.
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

var hasUser = !empty(userPrincipalId)

// Assignment names are derived from resource ids, which are known before deployment, rather than
// from principal ids, which are not (so What-If can predict them); the principal ids go only into
// the assignments' properties.
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource eventGridTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: eventGridTopicName
}

var appPrincipalId = appIdentity.properties.principalId

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }

    resource appContainers 'containers' existing = [
      for container in appBlobContainerNames: {
        name: container
      }
    ]
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
  name: cosmosAccountName

  resource database 'sqlDatabases' existing = {
    name: cosmosDatabaseName
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName

  resource webhookKey 'keys' existing = {
    name: webhookKeyName
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// --- The app's identity ---

resource appContainerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, i) in appBlobContainerNames: {
    name: guid(storage::blobService::appContainers[i].id, appIdentity.id, roles.storageBlobDataContributor)
    scope: storage::blobService::appContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [roles.storageBlobDelegator, roles.storageQueueDataContributor]: {
    name: guid(storage.id, appIdentity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Reading the signing certificates' public parts. Signing itself needs Key Vault Crypto User on
// each certificate's key alone, which infra/app/signing-key-access.bicep grants once the key exists
// (infra/hooks/postprovision.sh): a key made by Key Vault with its certificate is not an ARM
// resource this template can see at provisioning time.
resource appKeyVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, roles.keyVaultReader)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultReader)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Scoped to the webhook secrets' key, not the vault: the identity can use no other key.
resource appWebhookSecretKeyRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault::webhookKey.id, appIdentity.id, roles.keyVaultCryptoUser)
  scope: vault::webhookKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultCryptoUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Scoped to the app's database, not the whole account.
resource appCosmosRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: cosmos
  name: guid(cosmos::database.id, appIdentity.id, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: appPrincipalId
    scope: '${cosmos.id}/dbs/${cosmosDatabaseName}'
  }
}

// --- Event Grid: dead-lettering undeliverable blob events, to one container only ---

resource eventGridDeadLetterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetterContainer.id, eventGridTopic.id, roles.storageBlobDataContributor)
  scope: storage::blobService::deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: eventGridTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- The optional deploying user ---

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in (hasUser ? [roles.storageBlobDataContributor, roles.storageQueueDataContributor] : []): {
    name: guid(storage.id, userPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]

// Creating, importing and rotating the signing certificates.
resource userKeyVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasUser) {
  name: guid(vault.id, userPrincipalId, roles.keyVaultCertificatesOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultCertificatesOfficer)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userCosmosRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = if (hasUser) {
  parent: cosmos
  name: guid(cosmos::database.id, userPrincipalId, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: userPrincipalId
    scope: '${cosmos.id}/dbs/${cosmosDatabaseName}'
  }
}
