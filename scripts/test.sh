#!/usr/bin/env bash
# The one test command. Installs and starts what the tests need (PostgreSQL and Redis on loopback,
# Chromium and FFmpeg for the browser tests, the LiveKit npm SDK used as an independent check),
# runs every test assembly and the web app's Vitest suite, stops what it started, and prints as
# its last line exactly "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# PostgreSQL runs as the postgres user, which may not reach the checkout (a clone under /root, a home
# directory with mode 700): its data folder and logs live in a fresh temp folder it owns instead.
services=""
pg_data=""
pg_ctl=""
redis_pid=""
log() { printf '[test] %s\n' "$*" >&2; }

stop_services() {
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_postgres "$pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  fi
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
  [ -n "$services" ] && rm -rf "$services"
}
trap stop_services EXIT

as_postgres() {
  # From / : the postgres user may not be allowed into the checkout it is started from.
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

install_debian_packages() {
  local missing=()
  command -v python3 >/dev/null || missing+=(python3)
  [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  command -v npm >/dev/null || missing+=(nodejs npm)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then log "need root to install ${missing[*]}"; return 1; fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  echo "${dir:-/usr/lib/postgresql/15/bin}"
}

start_postgres() {
  local bin port
  bin=$(pg_bin)
  pg_ctl="$bin/pg_ctl"
  port=$(free_port)
  services=$(mktemp -d "${TMPDIR:-/tmp}/conference-test-services.XXXXXX") || return 1
  pg_data="$services/pg"
  mkdir -p "$pg_data"
  chmod 755 "$services"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$services"
  chmod 700 "$pg_data"
  as_postgres "$bin/initdb" -D "$pg_data" -U conference -A trust -E UTF8 >"$services/initdb.log" 2>&1 \
    || { cat "$services/initdb.log" >&2; return 1; }
  as_postgres "$pg_ctl" -D "$pg_data" -l "$services/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_data -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$services/postgres.log" >&2; return 1; }
  export CONFERENCE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=conference;Database=postgres;Pooling=true"
  log "PostgreSQL on 127.0.0.1:$port"
}

# The cluster tests' Redis: no persistence, loopback only, stopped by its PID on exit.
start_redis() {
  local port
  port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --pidfile "$services/redis.pid" --logfile "$services/redis.log" >/dev/null || return 1
  for _ in $(seq 50); do
    redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  redis_pid=$(cat "$services/redis.pid" 2>/dev/null)
  [ -n "$redis_pid" ] || { cat "$services/redis.log" >&2; return 1; }
  export CONFERENCE_TEST_REDIS="127.0.0.1:$port"
  log "Redis on 127.0.0.1:$port"
}

install_npm_packages() {
  local dir
  for dir in tests/*/package.json; do
    [ -f "$dir" ] || continue
    dir=$(dirname "$dir")
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  done
}

# The web app's unit tests (Vitest); their JUnit report is summed with the .trx files.
run_vitest() {
  log "vitest in src/Conference.Web"
  (cd src/Conference.Web && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$vitest_report") >&2
}

summarize() {
  python3 - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    if root.tag in ('testsuites', 'testsuite'):
        suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
        tests, skipped = int(root.get('tests', 0)), sum(int(suite.get('skipped', 0)) for suite in suites)
        bad = int(root.get('failures', 0)) + int(root.get('errors', 0))
        passed += tests - bad - skipped
        failed += bad
        continue
    counters = ET.parse(path).getroot().find('{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}ResultSummary/{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters')
    passed += int(counters.get('passed', 0))
    failed += int(counters.get('failed', 0)) + int(counters.get('error', 0)) + int(counters.get('timeout', 0)) + int(counters.get('aborted', 0))
print(f"{passed} passed, {failed} failed")
PY
}

status=0
install_debian_packages || status=1
[ $status = 0 ] && { start_postgres || status=1; }
[ $status = 0 ] && { start_redis || status=1; }
[ $status = 0 ] && { install_npm_packages || status=1; }

rm -rf tests/*/TestResults src/Conference.Web/test-results
vitest_report="$root/src/Conference.Web/test-results/vitest-junit.xml"
built=0
if [ $status = 0 ]; then
  # Building the server also runs npm ci / npm run build for the web app (see Conference.Server.csproj).
  dotnet build Conference.sln -nologo -v q -clp:ErrorsOnly && built=1 || status=1
fi
# Once built, every suite runs even if an earlier one failed, so the summary counts every test.
if [ $built = 1 ]; then
  run_vitest || status=1
  [ -f "$vitest_report" ] || { log "vitest wrote no report"; status=1; }
  dotnet test Conference.sln --no-build -nologo --logger trx --blame-hang-timeout 10m || status=1
fi

shopt -s nullglob
results=(tests/*/TestResults/*.trx src/Conference.Web/test-results/*.xml)
if [ ${#results[@]} -eq 0 ]; then
  log "no test results were written"
  echo "0 passed, 1 failed"
  exit 1
fi
summary=$(summarize "${results[@]}")
failed=${summary#*, }; failed=${failed% failed}
[ "$failed" != 0 ] && status=1
echo "$summary"
exit $status
