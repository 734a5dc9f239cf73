// Every grant of the deployment, in one place to review. The app's identity gets the data-plane
// roles its code and the Functions host need, each scoped to the one resource it is for; the
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
  // Blob data read/write plus generating user-delegation keys (the report download SAS) and the
  // access the Functions host and Flex deployment need on their own containers.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // The blob trigger's poison queue and the host's own queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Reading the signing certificate's private key goes through its secret; the public part and
  // metadata through the certificate.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultCertificateUser: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
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

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [roles.storageBlobDataOwner, roles.storageQueueDataContributor]: {
    name: guid(storage.id, appIdentity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appKeyVaultRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [roles.keyVaultSecretsUser, roles.keyVaultCertificateUser]: {
    name: guid(vault.id, appIdentity.id, roleId)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

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

// Importing and rotating the signing certificate.
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
