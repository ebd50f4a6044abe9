#!/usr/bin/env bash
# Smoke test against a REAL LiveKit server (not run by ./scripts/test.sh, which has none; see docs/media.md).
#
#   livekit-server --dev                       # in another terminal: ws://127.0.0.1:7880, devkey / secret
#   ./scripts/livekit-smoke.sh                 # rights and unpublish only
#   SMOKE_EGRESS=1 ./scripts/livekit-smoke.sh  # also recording checks (needs LiveKit's egress service)
#
# It starts this service on a free loopback port with the LiveKit provider and a throwaway SQLite database (the
# demo conference is seeded into it), joins the demo room with a headless publisher (@livekit/rtc-node) that
# publishes a microphone, starts the show (the anthem locks the room) and checks, on the real server:
#   1. the publisher's right to publish is revoked and its microphone unpublished;
#   2. (SMOKE_EGRESS=1) the recording egress joins hidden, as a recorder, and stays so while the director works;
#   3. (SMOKE_EGRESS=1) stopping an egress that already ended answers failed_precondition, which the director
#      takes as done: after the show ends the media status is inSync, not degraded.
# Exit status 0 when every check passed. Configure LiveKit's webhook to the URL it prints to test the join path too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

LIVEKIT_URL=${LIVEKIT_URL:-ws://127.0.0.1:7880}
LIVEKIT_API_KEY=${LIVEKIT_API_KEY:-devkey}
LIVEKIT_API_SECRET=${LIVEKIT_API_SECRET:-secret}
SMOKE_EGRESS=${SMOKE_EGRESS:-0}
log() { printf '[smoke] %s\n' "$*" >&2; }

for tool in node npm dotnet python3 curl; do
  command -v "$tool" >/dev/null || { log "$tool is needed"; exit 2; }
done

http_url=${LIVEKIT_URL/#ws:/http:}
http_url=${http_url/#wss:/https:}
if ! curl -fsS -o /dev/null --max-time 5 "$http_url"; then
  log "no LiveKit server answers at $http_url (start one: livekit-server --dev)"
  exit 2
fi

log "installing the smoke publisher's npm packages"
(cd scripts/livekit-smoke && npm install --no-audit --no-fund --loglevel=error) >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/livekit-smoke.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
organizer_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
server="http://127.0.0.1:$port"

log "starting the service on $server (log: $work/server.log)"
ASPNETCORE_ENVIRONMENT=Development \
Urls="$server" \
ConnectionStrings__Conference="Data Source=$work/smoke.db" \
Auth__OrganizerKey="$organizer_key" \
Demo__SeedOnFirstRun=true \
Media__Provider=LiveKit \
Media__PlayoutMode=Client \
Media__RecordShows=$([ "$SMOKE_EGRESS" = 1 ] && echo true || echo false) \
Media__ReconcileInterval=00:00:02 \
LiveKit__Url="$LIVEKIT_URL" LiveKit__ApiKey="$LIVEKIT_API_KEY" LiveKit__ApiSecret="$LIVEKIT_API_SECRET" \
  dotnet run --project src/Conference.Server --no-launch-profile >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 180); do
  curl -fsS -o /dev/null --max-time 2 "$server/health/ready" && break
  kill -0 "$server_pid" 2>/dev/null || { log "the service exited:"; tail -n 40 "$work/server.log" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null --max-time 2 "$server/health/ready" || { log "the service did not become ready"; exit 1; }
log "webhook URL for LiveKit's config (optional): $server/api/media/livekit/webhook"

status=0
SERVER="$server" ORGANIZER_KEY="$organizer_key" SMOKE_EGRESS="$SMOKE_EGRESS" \
LIVEKIT_URL="$LIVEKIT_URL" LIVEKIT_HTTP_URL="$http_url" LIVEKIT_API_KEY="$LIVEKIT_API_KEY" LIVEKIT_API_SECRET="$LIVEKIT_API_SECRET" \
  node scripts/livekit-smoke/smoke.mjs || status=$?
[ $status = 0 ] || { log "server log tail:"; tail -n 60 "$work/server.log" >&2; }
exit $status
