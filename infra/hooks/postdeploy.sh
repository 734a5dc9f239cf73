#!/bin/sh
# azd postdeploy hook: subscribes the RenderReport blob trigger to BlobCreated events on the
# report-requests container (infra/app/report-requests-subscription.bicep).
#
# Why after deployment: the webhook needs the host's blobs_extension system key, which exists only
# once the deployed code (with an Event Grid blob trigger) has started, and Event Grid validates the
# webhook when the subscription is created. Re-running is safe: the deployment is idempotent.
#
# Needs the Azure CLI signed in to the same tenant as azd (`az login`). The values below are azd
# environment values, set from the outputs of infra/main.bicep.
set -eu

: "${AZURE_SUBSCRIPTION_ID:?run through azd (azd deploy / azd up) or export the azd environment}"
: "${AZURE_RESOURCE_GROUP:?}"
: "${AZURE_FUNCTION_APP_NAME:?}"
: "${AZURE_FUNCTION_URI:?}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?}"
function_name="RenderReport"

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required; see docs/deploy.md" >&2
  exit 1
fi

template="$(dirname "$0")/../app/report-requests-subscription.bicep"

# Until the report-rendering feature ships there is no RenderReport function, and nothing to
# subscribe: say so and leave, rather than fail every deployment.
deployed="$(az functionapp function list \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "$AZURE_FUNCTION_APP_NAME" \
  --query "[?ends_with(name, '/$function_name')] | length(@)" --output tsv)"
if [ "${deployed:-0}" = "0" ]; then
  echo "postdeploy: $function_name is not deployed to $AZURE_FUNCTION_APP_NAME; no Event Grid subscription created."
  exit 0
fi

# A request wakes the host (Flex Consumption scales to zero); the host then creates the key.
curl --silent --output /dev/null --max-time 60 "$AZURE_FUNCTION_URI/api/health" || true

attempt=1
while :; do
  # Only the presence of the key is tested; its value is read by the template, not printed here.
  if az functionapp keys list \
      --subscription "$AZURE_SUBSCRIPTION_ID" \
      --resource-group "$AZURE_RESOURCE_GROUP" \
      --name "$AZURE_FUNCTION_APP_NAME" \
      --query "length(systemKeys.blobs_extension || '')" --output tsv 2>/dev/null | grep -qv '^0$'; then
    break
  fi
  if [ "$attempt" -ge 20 ]; then
    echo "postdeploy: the blobs_extension key did not appear within 5 minutes; run this script again later (see docs/deploy.md)." >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 15
done

az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name render-report-event-subscription \
  --template-file "$template" \
  --parameters \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
    functionName="$function_name" \
  --output none

echo "postdeploy: report-requests blob events now drive $function_name."
