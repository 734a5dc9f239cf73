#!/usr/bin/env bash
# Starts the whole function app locally: the storage emulators, then the local function runner
# (tools/LocalRunner) on http://127.0.0.1:7071. Ctrl-C stops everything this script started.
#   ./run.sh           local runner (the Functions host cannot be installed here)
#   ./run.sh --func    `func start` instead, where Azure Functions Core Tools is on PATH
#   ./run.sh token --role admin|submitter|reviewer|decider [--agency ID] [--jurisdiction CODE]
#                      registers a development API client with that role and scope and prints a
#                      token of the local development issuer on its last line (refused when the
#                      settings name a real issuer, Auth__Authority); it makes the local keys if
#                      they are missing, as ./run.sh does before the app starts
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-7071}"
RUNNER_DIR=tools/LocalRunner/bin/Debug/net10.0
SETTINGS=functions/local.settings.json

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required but not on PATH" >&2; exit 1; }
done

# Machine-local settings: made from the sample once, then yours to edit (git ignores them).
if [ ! -f "$SETTINGS" ]; then
  cp local.settings.sample.json "$SETTINGS"
  echo "run.sh: created $SETTINGS from local.settings.sample.json"
fi
if ! grep -q '"Auth__' "$SETTINGS"; then
  echo "run.sh: $SETTINGS predates authentication: copy the Auth__* settings from local.settings.sample.json into it" >&2
  exit 1
fi
if ! grep -q '"RECONCILE_SCHEDULE"' "$SETTINGS"; then
  echo "run.sh: $SETTINGS predates the report reconciler: copy RECONCILE_SCHEDULE and the Reports__* settings from local.settings.sample.json into it" >&2
  exit 1
fi
if ! grep -q '"Auth__DevelopmentIssuer__Enabled"' "$SETTINGS" && ! grep -q '"Auth__Authority"' "$SETTINGS"; then
  echo "run.sh: $SETTINGS predates the explicit development issuer: add \"Auth__DevelopmentIssuer__Enabled\": \"true\" (see local.settings.sample.json)" >&2
  exit 1
fi

if [ "${1:-}" = "token" ]; then
  shift
  # The registry of API clients lives in the Cosmos DB emulator, which keeps data in memory only:
  # emulators started here are left running for the app (./run.sh reuses them).
  tools/emulators.sh start >&2
  # Build only when a source is newer than the runner: a token should not cost a full build check.
  if [ ! -f "$RUNNER_DIR/CulturalServerless.LocalRunner.dll" ] \
    || [ -n "$(find functions shared tools/LocalRunner -path '*/bin' -prune -o -path '*/obj' -prune -o -type f -newer "$RUNNER_DIR/CulturalServerless.LocalRunner.dll" -print -quit)" ]; then
    dotnet build tools/LocalRunner -nologo -v quiet -clp:ErrorsOnly >&2
  fi
  exec dotnet "$RUNNER_DIR/CulturalServerless.LocalRunner.dll" token "$@" --settings "$SETTINGS"
fi

# Development PKI for the reports, shaped like production's: a CA, a signing certificate it issued
# (the PFX the app signs with) and a time-stamping authority's certificate. Made once, never
# committed (.local/ is ignored). Absolute paths, so that they hold under `func start` (run from
# functions/) as well.
tools/dev-pki.sh .local/pki
export Signing__PfxPath="$PWD/.local/pki/signing.pfx"
export Signing__CaCertificates="$PWD/.local/pki/ca.crt"
export Signing__TimestampCaCertificates="$PWD/.local/pki/ca.crt"
# The TSA listens where the settings' Signing__TimestampUrl says (http://127.0.0.1:7072/ in the sample).
tsa_url=$(node -e 'const v=require(process.argv[1]).Values||{};process.stdout.write(v.Signing__TimestampUrl||"http://127.0.0.1:7072/")' "./$SETTINGS")
tsa_port=$(node -e 'const u=new URL(process.argv[1]);if(u.hostname!=="127.0.0.1")throw new Error("Signing__TimestampUrl must be on 127.0.0.1 locally");process.stdout.write(u.port||"80")' "$tsa_url")
export Signing__TimestampUrl="$tsa_url"

runner_pid=""
tsa_pid=""
# Emulators that were already up (another ./run.sh or ./test.sh) are used and left running.
emulators_up=$(tools/emulators.sh status | grep -c ': answers' || true)
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$runner_pid" ] && kill -0 "$runner_pid" 2>/dev/null; then
    kill "$runner_pid" 2>/dev/null || true
    wait "$runner_pid" 2>/dev/null || true
  fi
  if [ -n "$tsa_pid" ] && kill -0 "$tsa_pid" 2>/dev/null; then
    kill "$tsa_pid" 2>/dev/null || true
    wait "$tsa_pid" 2>/dev/null || true
  fi
  [ "$emulators_up" -eq 2 ] || tools/emulators.sh stop
}
trap cleanup EXIT INT TERM

tools/emulators.sh start

# The loopback RFC 3161 time-stamping authority every signature is timestamped by.
tsa_log=.local/timestamp-authority.log
node tools/timestamp-authority/server.js --pki .local/pki --port "$tsa_port" >"$tsa_log" 2>&1 &
tsa_pid=$!
for _ in $(seq 1 100); do
  grep -q '^timestamp authority: ' "$tsa_log" && break
  kill -0 "$tsa_pid" 2>/dev/null || { cat "$tsa_log" >&2; echo "run.sh: the timestamp authority did not start (port $tsa_port in use?)" >&2; exit 1; }
  sleep 0.1
done
echo "run.sh: $(head -n1 "$tsa_log") (in-process RFC 3161 responder, tools/timestamp-authority; log in $tsa_log)"

# The runner also makes the machine-local keys the app reads (the development issuer's key, the key
# that encrypts webhook secrets): the app never creates a key it would trust, so they are made here,
# before it starts, when missing.
dotnet build tools/LocalRunner -nologo -v quiet
dotnet "$RUNNER_DIR/CulturalServerless.LocalRunner.dll" local-keys --settings "$SETTINGS"

if [ "${1:-}" = "--func" ]; then
  command -v func >/dev/null || { echo "run.sh: --func needs Azure Functions Core Tools (func) on PATH" >&2; exit 1; }
  # func runs in functions/: give it the local key files by absolute path, so that it and
  # `./run.sh token` (run from here) use the same ones.
  for setting in Auth__DevelopmentIssuerKeyPath Webhooks__SecretKeyPath; do
    key_path=$(node -e 'const v=require(process.argv[1]).Values||{};process.stdout.write(v[process.argv[2]]||"")' "./$SETTINGS" "$setting")
    if [ -n "$key_path" ]; then
      case "$key_path" in /*) ;; *) key_path="$PWD/$key_path" ;; esac
      export "$setting=$key_path"
    fi
  done
  (cd functions && func start --port "$PORT") &
  runner_pid=$!
else
  dotnet "$RUNNER_DIR/CulturalServerless.LocalRunner.dll" \
    --functions-dir "$RUNNER_DIR" --settings "$SETTINGS" --port "$PORT" &
  runner_pid=$!
fi

for _ in $(seq 1 120); do
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health"; then
    echo
    echo "CulturalServerless is ready: http://127.0.0.1:$PORT/api"
    echo "  timestamp authority: $tsa_url"
    echo "  try: curl http://127.0.0.1:$PORT/api/health"
    echo "  a token for the other endpoints: ./run.sh token --role submitter --agency vp-ubnd-quang-ngai | tail -n1"
    echo "Press Ctrl-C to stop."
    wait "$runner_pid"
    exit $?
  fi
  kill -0 "$runner_pid" 2>/dev/null || { echo "run.sh: the function app exited during start-up" >&2; exit 1; }
  sleep 1
done
echo "run.sh: the function app did not answer on port $PORT within 120 s" >&2
exit 1
