// The app's identity may sign with each signing certificate's key, and with nothing else in the
// vault: Key Vault Crypto User scoped to each key alone.
//
// Not part of main.bicep: Key Vault creates a certificate's key when the certificate is created
// (infra/hooks/postprovision.sh, or by hand for a province's own certificate), after provisioning,
// and a role assignment needs its scope to exist. The hook deploys this file for every name in
// SIGNING_CERTIFICATE_NAMES whose key exists.

@description('Name of the Key Vault (AZURE_KEY_VAULT_NAME).')
param keyVaultName string

@description('Name of the app\'s user-assigned identity (AZURE_MANAGED_IDENTITY_NAME).')
param appIdentityName string

@description('Certificates (and so keys, which carry the same name) the app signs with.')
param certificateNames string[]

// Key Vault Crypto User: sign (and verify, wrap, …) with the key; never export it.
var keyVaultCryptoUser = '12338af0-0e69-4776-bea7-57ae8d297424'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName

  resource keys 'keys' existing = [
    for name in certificateNames: {
      name: name
    }
  ]
}

resource signingKeyRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in certificateNames: {
    name: guid(vault::keys[i].id, appIdentity.id, keyVaultCryptoUser)
    scope: vault::keys[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCryptoUser)
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]
