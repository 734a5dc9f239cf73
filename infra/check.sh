#!/usr/bin/env bash
# Builds and lints the Bicep templates; fails on any error or warning (the linter rules and their
# levels are in infra/bicepconfig.json). Works offline apart from NuGet: the Bicep CLI comes from
# the NuGet package restored by tools/bicep/BicepCli.csproj.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bicep_project=tools/bicep/BicepCli.csproj
bicep_package=azure.bicep.commandline.linux-x64
bicep_version=0.49.2

# The templates azd or the hooks deploy; modules are compiled through them.
entry_points=(
  infra/main.bicep
  infra/app/report-requests-subscription.bicep
  infra/app/signing-key-access.bicep
)

dotnet restore "$bicep_project" --nologo --verbosity quiet
# The folder restore actually used (honours NUGET_PACKAGES and nuget.config).
package_root="$(dotnet msbuild "$bicep_project" -nologo -getProperty:NuGetPackageRoot)"
bicep="${package_root%/}/${bicep_package}/${bicep_version}/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "check.sh: Bicep CLI not found at $bicep after restore" >&2
  exit 1
fi
# NuGet does not keep the executable bit on every platform.
chmod +x "$bicep"
"$bicep" --version

diagnostics="$(mktemp)"
trap 'rm -f "$diagnostics"' EXIT

status=0
for template in "${entry_points[@]}"; do
  echo "bicep build $template"
  "$bicep" build "$template" --stdout >/dev/null 2>>"$diagnostics" || status=1
  echo "bicep lint $template"
  "$bicep" lint "$template" >>"$diagnostics" 2>&1 || status=1
done

# Both commands exit 0 on warnings, so the diagnostics themselves decide.
if [[ -s "$diagnostics" ]]; then
  sort -u "$diagnostics" >&2
fi
if grep -Eq ' : (Error|Warning) ' "$diagnostics"; then
  status=1
fi

if [[ $status -ne 0 ]]; then
  echo "check.sh: Bicep build or lint reported problems (see above)" >&2
  exit 1
fi
echo "check.sh: Bicep build and lint clean (${#entry_points[@]} templates)"
