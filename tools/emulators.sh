#!/usr/bin/env bash
# Local emulators for development and integration tests, on loopback only:
#   Azurite (blob 10000, queue 10001, table 10002) and the Cosmos DB emulator (HTTPS 8081).
#
#   tools/emulators.sh start    start what is not already answering, wait until it is ready
#   tools/emulators.sh stop     stop what this script started (and nothing else)
#   tools/emulators.sh status   say what answers and what this script started
#
# PIDs go to .emulators/<name>.pid and output to .emulators/<name>.log (the folder is git-ignored).
# An emulator that already answers on its port is reused, not restarted: another worktree or an
# IDE may have started it, and its data belongs to whoever did.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.emulators"
READY_TIMEOUT="${EMULATORS_READY_TIMEOUT:-60}"
COSMOS_PORT="${COSMOS_EMULATOR_PORT:-8081}"
HOST=127.0.0.1

# Answers at all (any HTTP status): Azurite answers 400 to a bare GET, which still means "up".
answers() { # url
  curl --silent --insecure --max-time 2 --output /dev/null "$1"
}

azurite_answers() {
  answers "http://$HOST:10000/" && answers "http://$HOST:10001/" && answers "http://$HOST:10002/"
}
cosmos_answers() { answers "https://$HOST:$COSMOS_PORT/"; }

# The PID in .emulators/<name>.pid, if that process is still the one we started (PIDs get reused).
recorded_pid() { # name pattern
  local file="$STATE/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ -r "/proc/$pid/cmdline" ]] || return 1
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *"$2"* ]] && echo "$pid"
}

ensure_node_modules() {
  # npm ci installs exactly what package-lock.json pins.
  if [[ ! -x "$ROOT/node_modules/.bin/azurite" || ! -d "$ROOT/node_modules/@vercel/cosmosdb-server" ]]; then
    echo "Installing emulator packages (npm ci)..."
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# Starts a command in the background, records its PID, and waits until its log says it is
# listening and check() succeeds. Both: if another process grabbed the port meanwhile, the port
# answers but our server never logs that it listens (it exits with EADDRINUSE).
launch() { # name ready-log-pattern check command...
  local name="$1" ready="$2" check="$3"
  shift 3
  local log="$STATE/$name.log"
  # The commands are node scripts run directly (not through npx), so the PID is the server itself.
  # `&` must apply to nohup alone: the forked child then execs into the server and keeps its PID.
  (cd "$ROOT" || exit 1
    nohup "$@" >"$log" 2>&1 </dev/null &
    echo $! >"$STATE/$name.pid")
  local pid deadline=$((SECONDS + READY_TIMEOUT))
  pid="$(<"$STATE/$name.pid")"
  until grep -q -- "$ready" "$log" && "$check"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "ERROR: $name exited before it was ready. Last lines of $log:" >&2
      tail -n 20 "$log" >&2
      rm -f "$STATE/$name.pid"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "ERROR: $name not ready after ${READY_TIMEOUT}s. Last lines of $log:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$name started (pid $pid, log ${log#"$ROOT"/})"
}

start() {
  mkdir -p "$STATE"
  ensure_node_modules

  if azurite_answers; then
    echo "azurite already answers on $HOST:10000-10002; reusing it"
  elif answers "http://$HOST:10000/" || answers "http://$HOST:10001/" || answers "http://$HOST:10002/"; then
    echo "ERROR: some of ports 10000-10002 answer but not all: something else holds them" >&2
    return 1
  else
    # --disableTelemetry: Azurite would otherwise try to send telemetry off the machine.
    # --skipApiVersionCheck: the current Azure SDKs use a newer API version than Azurite knows.
    launch azurite "Table service is successfully listening" azurite_answers \
      "$ROOT/node_modules/.bin/azurite" \
      --blobHost "$HOST" --blobPort 10000 --queueHost "$HOST" --queuePort 10001 \
      --tableHost "$HOST" --tablePort 10002 --inMemoryPersistence \
      --disableTelemetry --skipApiVersionCheck --silent
  fi

  if cosmos_answers; then
    echo "cosmos already answers on https://$HOST:$COSMOS_PORT; reusing it"
    # Our launcher stamps every response; a bare cosmosdb-server lacks the SDK fixes.
    local headers
    headers="$(curl --silent --insecure --max-time 2 --head "https://$HOST:$COSMOS_PORT/" || true)"
    if [[ "${headers,,}" != *"x-emulator-connection-id:"* ]]; then
      echo "WARNING: that server is not tools/cosmos-emulator/launcher.js; the .NET SDK may fail against it" >&2
    fi
  else
    launch cosmos "Cosmos DB emulator ready on" cosmos_answers \
      node "$ROOT/tools/cosmos-emulator/launcher.js" \
      --host "$HOST" --port "$COSMOS_PORT"
  fi
}

stop() {
  local name pattern pid
  for name in azurite cosmos; do
    pattern=$([[ $name == azurite ]] && echo azurite || echo cosmos-emulator/launcher.js)
    if pid="$(recorded_pid "$name" "$pattern")"; then
      kill -TERM "$pid"
      # Give it time to close connections; only then force it.
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      echo "$name stopped (pid $pid)"
    elif [[ -f "$STATE/$name.pid" ]]; then
      echo "$name: recorded process is gone"
    fi
    rm -f "$STATE/$name.pid"
  done
}

status() {
  local name pattern pid up
  for name in azurite cosmos; do
    pattern=$([[ $name == azurite ]] && echo azurite || echo cosmos-emulator/launcher.js)
    if "${name}_answers"; then up="answers"; else up="not answering"; fi
    if pid="$(recorded_pid "$name" "$pattern")"; then
      echo "$name: $up (started by this script, pid $pid)"
    else
      echo "$name: $up"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "Usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
