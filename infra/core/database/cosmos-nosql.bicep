// Cosmos DB for NoSQL, serverless: the load of one province (a few thousand requests a day, with
// a yearly peak) is far below what provisioned throughput would be worth paying for around the clock.

param name string
param location string
param tags object = {}
param databaseName string

@description('Containers with their partition key paths and unique keys; the list the app declares in CosmosContainers.cs.')
param containers {
  name: string
  partitionKeyPath: string
  uniqueKeyPaths: string[]?
}[]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Keys are off: the app and people reach data through Entra ID and data-plane roles only.
    disableLocalAuth: true
    // Databases and containers change only through this template, never from the app
    // (the app's Cosmos__CreateIfMissing is for the local emulator).
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    // Point-in-time restore for the last 7 days; that tier has no charge.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }

  resource database 'sqlDatabases' = {
    name: databaseName
    properties: {
      resource: {
        id: databaseName
      }
    }

    resource databaseContainers 'containers' = [
      for container in containers: {
        name: container.name
        properties: {
          resource: {
            id: container.name
            partitionKey: {
              paths: [
                container.partitionKeyPath
              ]
              kind: 'Hash'
              version: 2
            }
            // Unique within a logical partition; fixed at creation, like the partition key.
            uniqueKeyPolicy: empty(container.?uniqueKeyPaths ?? [])
              ? null
              : {
                  uniqueKeys: [
                    {
                      paths: container.uniqueKeyPaths!
                    }
                  ]
                }
          }
        }
      }
    ]
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = account::database.name
