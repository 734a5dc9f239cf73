// Key Vault holding the report signing certificate and the key that encrypts the webhook secrets.
// Access is by Azure RBAC only (no access policies), so who may use them is reviewed in the same
// place as every other grant.

param name string
param location string
param tags object = {}

@description('Purge protection keeps a deleted signing certificate recoverable for the retention period. It cannot be turned off once on; set false only for throw-away environments.')
param enablePurgeProtection bool = true

@description('Name of the key that wraps the webhook signing secrets (Webhooks__SecretKeyId).')
param webhookKeyName string

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

// The key-encryption key of the webhook secrets: the app wraps and unwraps their data keys with it
// in the vault (RSA-OAEP-256); its private half cannot leave the vault. ARM creates the first
// version only and leaves an existing key alone, so redeploying does not rotate it.
resource webhookKey 'Microsoft.KeyVault/vaults/keys@2025-05-01' = {
  parent: vault
  name: webhookKeyName
  tags: tags
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    attributes: {
      enabled: true
    }
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless: wrapping uses the key's current version; each wrapped key records the version that unwraps it.
output webhookKeyUri string = webhookKey.properties.keyUri
