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
        }
      }
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

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
