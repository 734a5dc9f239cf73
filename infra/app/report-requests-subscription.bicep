// The Event Grid subscription that drives the RenderReport blob trigger: BlobCreated events under
// report-requests go to the Functions blob extension's webhook.
//
// Not part of main.bicep on purpose. The webhook URL carries the host's `blobs_extension` system
// key, which the host creates only once code with an Event Grid blob trigger has been deployed and
// started, and Event Grid validates the endpoint when the subscription is created, which again needs
// the deployed function. So infra/hooks/postdeploy.sh applies this file after `azd deploy`. The key
// is read here with listKeys and never passes through the shell or the azd environment.

@description('Name of the function app (AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('Name of the storage system topic (EVENT_GRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('Name of the storage account (AZURE_STORAGE_ACCOUNT_NAME).')
param storageAccountName string

@description('Container the trigger watches.')
param containerName string = 'report-requests'

@description('Container receiving events Event Grid gave up delivering.')
param deadLetterContainerName string = 'eventgrid-deadletter'

@description('The [Function] name of the blob-triggered function.')
param functionName string = 'RenderReport'

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-11-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'render-report'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // The trailing "/blobs/" keeps a future container named e.g. "report-requests-archive" out.
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // Events that still cannot be delivered after a day are kept, not dropped, so the requests
    // they stand for can be found and re-submitted (by uploading the blob again).
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = subscription.name
