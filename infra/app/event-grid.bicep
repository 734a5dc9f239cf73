// The Event Grid system topic for the storage account's events. On Flex Consumption a blob trigger
// must use the Event Grid source (polling is not supported there); the subscription that feeds
// the trigger is in report-requests-subscription.bicep, applied after the code is deployed.

param name string
param location string
param tags object = {}
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  // The topic's own identity writes undeliverable events to the dead-letter container.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
