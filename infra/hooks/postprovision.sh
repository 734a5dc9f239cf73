#!/bin/sh
# azd postprovision hook: makes sure the report signing certificate exists in Key Vault with a key
# that cannot leave the vault, and lets the app's identity sign with the key of each signing
# certificate and nothing else (infra/app/signing-key-access.bicep).
#
# Why here and not in main.bicep: ARM cannot create Key Vault certificates, and the key Key Vault
# makes with a certificate exists only after it is created, while a role assignment needs its scope
# to exist. Re-running is safe: an existing certificate is left alone and the grants are idempotent.
#
#   SIGNING_CERTIFICATE_ISSUER   Unknown (default): Key Vault makes the key and a CSR for the CA that
#                                issues the specialised public-service certificate; merge its answer
#                                (docs/deploy.md). Self: a self-signed certificate, for throw-away
#                                environments only (no CA trusts it).
#   SIGNING_CERTIFICATE_SUBJECT  the subject to ask for (default CN=CulturalServerless report signing).
#
# Needs the Azure CLI signed in as the deploying principal (Key Vault Certificates Officer, and the
# right to assign roles on the vault).
set -eu

: "${AZURE_SUBSCRIPTION_ID:?run through azd (azd provision / azd up) or export the azd environment}"
: "${AZURE_RESOURCE_GROUP:?}"
: "${AZURE_KEY_VAULT_NAME:?}"
: "${AZURE_MANAGED_IDENTITY_NAME:?}"
: "${SIGNING_CERTIFICATE_NAME:?}"
: "${SIGNING_CERTIFICATE_NAMES:?}"
issuer="${SIGNING_CERTIFICATE_ISSUER:-Unknown}"
subject="${SIGNING_CERTIFICATE_SUBJECT:-CN=CulturalServerless report signing}"

if ! command -v az >/dev/null 2>&1; then
  echo "postprovision: the Azure CLI (az) is required; see docs/deploy.md" >&2
  exit 1
fi
case "$issuer" in
  Unknown|Self) ;;
  *) echo "postprovision: SIGNING_CERTIFICATE_ISSUER must be Unknown or Self, not '$issuer'" >&2; exit 1 ;;
esac

vault="--subscription $AZURE_SUBSCRIPTION_ID --vault-name $AZURE_KEY_VAULT_NAME"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2086 # $vault is two options on purpose
if az keyvault certificate show $vault --name "$SIGNING_CERTIFICATE_NAME" --output none 2>/dev/null \
   || az keyvault certificate pending show $vault --name "$SIGNING_CERTIFICATE_NAME" --output none 2>/dev/null; then
  echo "postprovision: Key Vault certificate '$SIGNING_CERTIFICATE_NAME' exists; left as it is."
else
  # exportable false: the private key is made in the vault and never leaves it (no PFX to download).
  cat >"$work/policy.json" <<JSON
{
  "issuerParameters": { "name": "$issuer" },
  "keyProperties": { "exportable": false, "keyType": "RSA", "keySize": 2048, "reuseKey": false },
  "secretProperties": { "contentType": "application/x-pkcs12" },
  "x509CertificateProperties": {
    "subject": "$subject",
    "keyUsage": ["digitalSignature", "nonRepudiation"],
    "validityInMonths": 24
  },
  "lifetimeActions": [ { "trigger": { "daysBeforeExpiry": 30 }, "action": { "actionType": "EmailContacts" } } ]
}
JSON
  # shellcheck disable=SC2086
  az keyvault certificate create $vault --name "$SIGNING_CERTIFICATE_NAME" --policy "@$work/policy.json" --output none
  if [ "$issuer" = "Unknown" ]; then
    echo "postprovision: created '$SIGNING_CERTIFICATE_NAME' with a non-exportable key; its CSR for the CA:"
    echo "  az keyvault certificate pending show --vault-name $AZURE_KEY_VAULT_NAME --name $SIGNING_CERTIFICATE_NAME --query csr -o tsv"
    echo "  then: az keyvault certificate pending merge --vault-name $AZURE_KEY_VAULT_NAME --name $SIGNING_CERTIFICATE_NAME --file <issued chain>"
  else
    echo "postprovision: created a self-signed '$SIGNING_CERTIFICATE_NAME' (throw-away environments only)."
  fi
fi

# Crypto User on each signing key that exists now; the others after they are made (run this again).
names=""
for name in $(printf '%s' "$SIGNING_CERTIFICATE_NAMES" | tr ',' ' '); do
  # shellcheck disable=SC2086
  if az keyvault key show $vault --name "$name" --output none 2>/dev/null; then
    names="$names${names:+,}\"$name\""
  else
    echo "postprovision: no key '$name' in the vault yet; create or merge its certificate, then run 'azd hooks run postprovision'."
  fi
done
if [ -z "$names" ]; then
  exit 0
fi

az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name signing-key-access \
  --template-file "$(dirname "$0")/../app/signing-key-access.bicep" \
  --parameters keyVaultName="$AZURE_KEY_VAULT_NAME" appIdentityName="$AZURE_MANAGED_IDENTITY_NAME" certificateNames="[$names]" \
  --output none
echo "postprovision: the app's identity may sign with: $names"
