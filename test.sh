#!/usr/bin/env bash
# Runs every test project: fast unit tests, then integration tests against the local emulators
# (started here if they are not running, and stopped again if this script started them).
# Ends with one line "N passed, N failed" over all projects.
#   ./test.sh              build, then test
#   ./test.sh --no-build   test what is built
set -uo pipefail
cd "$(dirname "$0")"

RESULTS=artifacts/test-results
PROJECTS=(tests/CulturalServerless.UnitTests tests/CulturalServerless.IntegrationTests)

[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1
# pdfsig (poppler-utils) checks the signed reports independently of our own verifier.
if ! command -v pdfsig >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; } || exit 1
  else
    echo "test.sh: pdfsig is needed: sudo apt-get install poppler-utils" >&2
    exit 1
  fi
fi
if [ "${1:-}" != "--no-build" ]; then
  dotnet build CulturalServerless.sln -nologo -v quiet || exit 1
fi

# Emulators that were already up (./run.sh in another terminal, say) are used and left running.
emulators_up=$(tools/emulators.sh status | grep -c ': answers')
[ "$emulators_up" -eq 2 ] || trap 'tools/emulators.sh stop' EXIT INT TERM
tools/emulators.sh start || exit 1

rm -rf "$RESULTS"
status=0
for project in "${PROJECTS[@]}"; do
  name=$(basename "$project")
  dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" || status=1
done

# Totals from the test runs' own result files; a project that wrote none counts as a failure.
read -r passed failed < <(python3 - "$RESULTS" "${PROJECTS[@]}" <<'PY'
import os, sys, xml.etree.ElementTree as ET
results, projects = sys.argv[1], sys.argv[2:]
passed = failed = 0
for project in projects:
    path = os.path.join(results, os.path.basename(project) + ".trx")
    if not os.path.exists(path):
        failed += 1
        continue
    counters = next(ET.parse(path).getroot().iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters"))
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed)
PY
)
[ "$failed" -gt 0 ] && status=1
# Stop what this script started now, so that the totals are the very last line of the output.
if [ "$emulators_up" -ne 2 ]; then
  trap - EXIT INT TERM
  tools/emulators.sh stop
fi
echo "$passed passed, $failed failed"
exit $status
