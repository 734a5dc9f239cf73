// Key Vault holding the report signing certificate. Access is by Azure RBAC only (no access
// policies), so who may read the certificate is reviewed in the same place as every other grant.

param name string
param location string
param tags object = {}

@description('Purge protection keeps a deleted signing certificate recoverable for the retention period. It cannot be turned off once on; set false only for throw-away environments.')
param enablePurgeProtection bool = true

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The property accepts only true or absent: false is rejected by the resource provider.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
