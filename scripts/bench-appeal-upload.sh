#!/usr/bin/env bash
# Memory of a 1 GB appeal upload, for docs/performance.md (not a timed test; issue 13: growth <= 64 MB).
# Generates a real, valid ~1 GB MP4 with ffmpeg (a 10 s lossless H.264 clip of noise, repeated with
# -stream_loop and -c copy, so it costs seconds, not an encode of a 1 GB video), starts the server from a
# Release build on loopback with its own SQLite file and media folder, uploads a 3 s clip as the baseline,
# then the 1 GB file, and prints the server's peak working set (VmHWM) and resident set (VmRSS) from
# /proc after each. The 1 GB upload goes the whole way: streamed to disk, ffprobe, ffmpeg's packet read,
# thumbnail, stored. Nothing it makes is committed; everything lives under a temp folder removed at the end.
#   scripts/bench-appeal-upload.sh [size-in-MB, default 1024]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target_mb=${1:-1024}
work=$(mktemp -d /tmp/appeal-bench.XXXXXX)
port=${BENCH_PORT:-5391}
base="http://127.0.0.1:$port"
key=bench-organizer-key-0123456789
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)" >&2
dotnet build src/Conference.Server -c Release -nologo -v q -clp:ErrorsOnly -p:SkipWebAppBuild=true >&2

echo "== generate files in $work" >&2
ffmpeg -v error -y -f lavfi -i testsrc=duration=3:size=320x240:rate=25 -c:v libx264 -pix_fmt yuv420p "$work/small.mp4"
# Noise does not compress: lossless 640x360 at 25 fps is ~8-9 MB per second of video.
ffmpeg -v error -y -f lavfi -i "color=c=gray:s=640x360:r=25:d=10,noise=alls=100:allf=t" \
  -c:v libx264 -preset ultrafast -qp 0 -pix_fmt yuv420p "$work/clip.mp4"
clip_bytes=$(stat -c %s "$work/clip.mp4")
loops=$(( (target_mb * 1024 * 1024 + clip_bytes - 1) / clip_bytes ))
ffmpeg -v error -y -stream_loop $((loops - 1)) -i "$work/clip.mp4" -c copy -movflags +faststart "$work/big.mp4"
big_bytes=$(stat -c %s "$work/big.mp4")
big_seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/big.mp4")
echo "big.mp4: $big_bytes bytes, ${big_seconds}s" >&2

echo "== start the server on $base" >&2
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" \
  Auth__OrganizerKey="$key" Auth__SessionSigningKey=bench-signing-key-0123456789-abcdefghijklmnopqrstuv \
  Database__Provider=Sqlite ConnectionStrings__Conference="Data Source=$work/conference.db" \
  Demo__SeedOnFirstRun=false Appeals__StoragePath="$work/media" \
  Appeals__MaxUploadBytes=$((4 * 1024 * 1024 * 1024)) Appeals__MaxAppealDuration=01:00:00 \
  Logging__LogLevel__Default=Warning \
  dotnet src/Conference.Server/bin/Release/net10.0/Conference.Server.dll > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$base/health/live" > /dev/null && break
  sleep 1
done
curl -sf "$base/health/live" > /dev/null || { cat "$work/server.log" >&2; exit 1; }

auth=(-H "Authorization: Bearer $key")
json=(-H 'Content-Type: application/json')
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
conf=$(curl -sf "${auth[@]}" "${json[@]}" \
  -d '{"title":"Bench","scheduledStart":"2027-01-31T11:00:00Z","timeZone":"Asia/Baku","languages":["az"]}' \
  "$base/api/conferences" | field 'd["id"]')
rev=$(curl -sf "$base/api/conferences/$conf" | field 'd["revision"]')
segment=$(curl -sf "${auth[@]}" "${json[@]}" \
  -d "{\"expectedRevision\":$rev,\"kind\":\"videoAppeals\",\"title\":\"Appeals\",\"durationSeconds\":600}" \
  "$base/api/conferences/$conf/segments" | field 'd["segments"][0]["id"]')

memory() { awk '/^VmHWM|^VmRSS/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$server_pid/status"; echo; }
upload() {
  local file=$1 name=$2
  local started=$(date +%s.%N)
  local code
  code=$(curl -s -o "$work/answer.json" -w '%{http_code}' -X POST -T "$file" "${auth[@]}" -H 'Content-Type: video/mp4' \
    "$base/api/conferences/$conf/appeals?segmentId=$segment&senderName=$name&country=TR&language=az&title=Bench")
  local ended=$(date +%s.%N)
  echo "upload $name: HTTP $code in $(echo "$ended - $started" | bc) s" >&2
  [[ "$code" == 201 ]] || { cat "$work/answer.json" >&2; echo >&2; exit 1; }
}
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status"; }

echo "== after start-up:  $(memory)"
upload "$work/small.mp4" baseline
sleep 2
before=$(hwm)
echo "== after 3 s clip:  $(memory)"
upload "$work/big.mp4" big
sleep 2
after=$(hwm)
echo "== after $((big_bytes / 1024 / 1024)) MB:  $(memory)"
echo "peak working set growth by the big upload: $(( (after - before) / 1024 )) MB (target <= 64 MB)"
stored=$(find "$work/media" -name '*.mp4' -size +100M -printf '%s\n' | head -1)
echo "stored video: ${stored:-none} bytes (sent $big_bytes)"
