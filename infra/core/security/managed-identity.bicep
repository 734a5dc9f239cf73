// The one identity the function app runs as. User-assigned rather than system-assigned so that its
// role assignments exist before the app does (the app's first start needs them for its own storage
// and deployment package) and survive re-creating the app.

param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
