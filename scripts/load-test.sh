#!/usr/bin/env bash
# Load test of `cxr serve` on 127.0.0.1 with wrk (Debian package), bounded in time: the cached report JSON and a
# cached /api/query, 64 connections each, after /health/live as the baseline. Prints wrk's latency distribution; any non-2xx or socket error shows in it.
# With --hostile: one 30 s run mixing cached reports, never-seen parameters (each a real evaluation) and 256 KiB
# /api/check bodies (bench/load/hostile.lua), printing the answers by status and the server's memory before and after.
# DURATION (default 10s, 30s with --hostile) and CONNECTIONS (default 64) tune it. Sends traffic only to the loopback server it starts.
set -euo pipefail
cd "$(dirname "$0")/.."

hostile=false
if [ "${1:-}" = "--hostile" ]; then hostile=true; fi
duration=${DURATION:-$([ "$hostile" = true ] && echo 30s || echo 10s)}
connections=${CONNECTIONS:-64}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build src/CxReports.Server -c Release --nologo -v quiet
cxr=$PWD/src/CxReports.Server/bin/Release/net10.0/cxr

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$cxr" demo --out "$work/data" >/dev/null 2>&1
key=$("$cxr" keys create --scope read --data "$work/data" 2>/dev/null | tail -1)
"$cxr" serve --reports reports --data "$work/data" --urls http://127.0.0.1:0 >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "load-test: the server did not start" >&2; cat "$work/log" >&2; exit 1; }

auth="Authorization: Bearer $key"
rss() { awk -v f="$1" '$1 == f":" { printf "%.0f MiB", $2 / 1024 }' "/proc/$pid/status"; }
if [ "$hostile" = true ]; then
  curl -fsS -o /dev/null -H "$auth" "$url/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro"
  echo "== before: RSS $(rss VmRSS), peak $(rss VmHWM)"
  wrk -t2 -c"$connections" -d"$duration" --timeout 30s --latency -H "$auth" -s bench/load/hostile.lua "$url"
  echo "== after: RSS $(rss VmRSS), peak $(rss VmHWM)"
  sleep 5
  echo "== 5 s later: RSS $(rss VmRSS)"
  grep -c " fail: " "$work/log" | sed 's/^/== error lines in the server log: /' || true
  exit 0
fi

report="$url/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro"
query="$url/api/query?q=nps,%20csat%20by%20month,%20channel&from=2025-11-01&to=2026-10-31"
# The baseline first: the smallest response of the same server, so the ratios hold on a busy machine.
for target in "$url/health/live" "$report" "$query"; do
  curl -fsS -o /dev/null -H "$auth" "$target"  # warm: the first request evaluates, the rest are cache hits
  echo "== $(curl -fsS -o /dev/null -w '%{size_download} bytes' -H "$auth" "$target"): ${target#"$url"}"
  wrk -t1 -c"$connections" -d"$duration" --latency -H "$auth" "$target"
done
