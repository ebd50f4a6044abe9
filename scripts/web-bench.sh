#!/usr/bin/env bash
# Web app figures for docs/performance.md (not a timed test): the participant page's JavaScript
# gzipped without livekit-client (target <= 120 KB) and the time until its countdown shows under
# Chromium network throttling at 400 kbit/s and 400 ms round trip (target <= 4 s).
# Needs /usr/bin/chromium (apt-get install -y chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build tests/Conference.Web.Tests -nologo -v q -clp:ErrorsOnly >&2
dotnet test tests/Conference.Web.Tests --no-build -nologo --filter "FullyQualifiedName~WebBench" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "KB|time until|Passed|Failed"
