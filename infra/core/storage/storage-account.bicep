// The one storage account of the app: the Functions host's own storage (AzureWebJobsStorage), the
// Flex Consumption deployment package, the report blobs, and the queue where the blob trigger puts
// poison messages. Shared keys are off, so every caller (the app, azd, Event Grid) uses Entra ID.

param name string
param location string
param tags object = {}

@description('Blob containers to create; all private.')
param containers string[]

@description('Queues to create up front. The runtime would create them on first use, but declaring them shows where failed work lands.')
param queues string[] = []

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
@description('Replication. ZRS survives a zone outage where the region has zones; LRS is cheaper.')
param skuName string = 'Standard_LRS'

@description('Days a deleted blob or container can be restored.')
param deleteRetentionDays int = 7

@description('Container whose blobs cannot be changed or deleted: version-level WORM with a time-based retention policy. Empty: none.')
param immutableContainerName string = ''

@minValue(0)
@maxValue(146000)
@description('Days each blob version in the immutable container is kept unchangeable from its creation. 0: no policy (throw-away environments only).')
param immutabilityRetentionDays int = 0

@description('Days a replaced blob version is kept in the other containers (blob versioning is account-wide, and they are rewritten often).')
param previousVersionRetentionDays int = 7

var hasImmutableContainer = !empty(immutableContainerName) && immutabilityRetentionDays > 0

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // The portal and tools then use Entra ID by default instead of trying (disabled) keys.
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      // Event Grid dead-lettering reaches the account as a trusted Azure service.
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // Every write keeps the version it replaces; version-level immutability needs it.
      isVersioningEnabled: true
      deleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
    }

    resource blobContainers 'containers' = [
      for container in containers: {
        name: container
        properties: {
          publicAccess: 'None'
          // Version-level WORM can only be switched on when the container is created.
          immutableStorageWithVersioning: hasImmutableContainer && container == immutableContainerName
            ? {
                enabled: true
              }
            : null
        }
      }
    ]
  }

  // Versioning is account-wide: the host's and the request containers would keep every rewrite.
  // Their replaced versions go after a week; the immutable container keeps all of its own.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-previous-versions'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: map(filter(containers, container => container != immutableContainerName), container => '${container}/')
              }
              actions: {
                version: {
                  delete: {
                    daysAfterCreationGreaterThan: previousVersionRetentionDays
                  }
                }
              }
            }
          }
        ]
      }
    }
    dependsOn: [
      blobService
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queueItems 'queues' = [
      for queue in queues: {
        name: queue
      }
    ]
  }
}

// Signed reports are records: each version stays unchangeable and undeletable for the retention
// period from its creation. The policy starts unlocked (it can still be shortened or removed, so a
// wrong value can be fixed); lock it once checked (docs/deploy.md) — locking cannot be undone.
resource immutableContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = if (hasImmutableContainer) {
  parent: storage::blobService
  name: immutableContainerName
}

resource retentionPolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = if (hasImmutableContainer) {
  parent: immutableContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityRetentionDays
    allowProtectedAppendWrites: false
    allowProtectedAppendWritesAll: false
  }
  dependsOn: [
    storage::blobService::blobContainers
  ]
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
