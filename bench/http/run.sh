#!/usr/bin/env bash
# Cached report JSON over HTTP: `cxr serve` against a bare Kestrel endpoint (bench/CxReports.BareKestrel) serving the
# same bytes with the same content type, in one run (issue 23). Both listen on 127.0.0.1; the report is evaluated
# once (the cache warmed), both servers get one unmeasured wrk run (JIT), then wrk -t2 -c64 -d15s --latency on each, alternating, ROUNDS rounds: requests/s and
# p99 of each, their medians, and CxReports / bare. wrk sends the API key to both (the bare one ignores it).
# A benchmark, never part of the test run.
#
#   bench/http/run.sh [DATA_DIR] [ROUNDS]    # DATA_DIR: a loaded data directory (default: a fresh `cxr demo`);
#                                            # a key is created in it. DURATION (15s), CONNECTIONS (64), THREADS (2).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rounds="${2:-3}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
report_path="/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro"

command -v wrk > /dev/null || { echo "bench/http: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
command -v curl > /dev/null || { echo "bench/http: curl is missing (apt-get install -y curl)" >&2; exit 2; }
dotnet build src/CxReports.Server -c Release --nologo -v quiet >&2
dotnet build bench/CxReports.BareKestrel -c Release --nologo -v quiet >&2
cxr="$root/src/CxReports.Server/bin/Release/net10.0/cxr"
bare="$root/bench/CxReports.BareKestrel/bin/Release/net10.0/CxReports.BareKestrel.dll"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${1:-}" ]; then data="$(cd "$1" && pwd)"; else data="$work/data"; "$cxr" demo --out "$data" > /dev/null 2>&1; fi
key="$("$cxr" keys create --scope read --data "$data" 2> /dev/null | tail -1)"
"$cxr" serve --reports reports --data "$data" --urls http://127.0.0.1:0 > "$work/url" 2> "$work/log" &
pids+=($!)
for _ in $(seq 1 1200); do [ -s "$work/url" ] && break; sleep 0.1; done
url="$(head -1 "$work/url")"
[ -n "$url" ] || { echo "bench/http: cxr serve did not start" >&2; cat "$work/log" >&2; exit 1; }

auth="Authorization: Bearer $key"
curl -fsS -o /dev/null -H "$auth" "$url$report_path"   # evaluates and caches
curl -fsS -D "$work/headers" -o "$work/body" -H "$auth" "$url$report_path"
grep -qi '^x-cache: hit' "$work/headers" || { echo "bench/http: the second request was not a cache hit" >&2; cat "$work/headers" >&2; exit 1; }
content_type="$(awk -F': ' 'tolower($1) == "content-type" { sub(/\r$/, "", $2); print $2 }' "$work/headers")"

bare_url="http://127.0.0.1:$((20000 + RANDOM % 20000))"
dotnet "$bare" "$work/body" "$content_type" "$bare_url" > /dev/null 2> "$work/bare.log" &
pids+=($!)
for _ in $(seq 1 300); do curl -fsS -o "$work/bare_body" "$bare_url/" 2> /dev/null && break; sleep 0.1; done
cmp -s "$work/body" "$work/bare_body" || { echo "bench/http: the bare endpoint does not serve the same bytes" >&2; exit 1; }
echo "bench/http: $(wc -c < "$work/body") bytes of $content_type; cxr serve at $url, bare Kestrel at $bare_url; $(nproc) cores" >&2

# One wrk run: requests/s and p99 in ms, and the non-2xx count (must be 0).
measure() {
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "$auth" "$1")"
  echo "$out" >> "$work/wrk.log"
  local rps p99 errors
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")"
  p99="$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' <<< "$out")"
  errors="$(awk '/Non-2xx/ { print $5 } /Socket errors/ { n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<< "$out" | tail -1)"
  echo "$rps $p99 $errors"
}

# Warm both (JIT, tiered compilation, connection pools) with one unmeasured run each, as long as a measured one.
measure "$url$report_path" > /dev/null
measure "$bare_url$report_path" > /dev/null

declare -a cxr_rps cxr_p99 bare_rps bare_p99
for round in $(seq 1 "$rounds"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # Alternate which goes first, so a change of load falls on both alike.
  if [ $((round % 2)) = 1 ]; then order="cxr bare"; else order="bare cxr"; fi
  for who in $order; do
    if [ "$who" = cxr ]; then read -r rps p99 errors < <(measure "$url$report_path"); cxr_rps+=("$rps"); cxr_p99+=("$p99")
    else read -r rps p99 errors < <(measure "$bare_url$report_path"); bare_rps+=("$rps"); bare_p99+=("$p99"); fi
    [ "$errors" = 0 ] || { echo "bench/http: $who answered $errors requests with errors" >&2; tail -20 "$work/wrk.log" >&2; exit 1; }
    echo "bench/http: round $round, load $load: $who $rps requests/s, p99 $p99 ms" >&2
  done
done
grep -qi '^x-cache: hit' <(curl -fsS -D - -o /dev/null -H "$auth" "$url$report_path") || { echo "bench/http: no longer a cache hit" >&2; exit 1; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cr="$(median "${cxr_rps[@]}")"; cp="$(median "${cxr_p99[@]}")"; br="$(median "${bare_rps[@]}")"; bp="$(median "${bare_p99[@]}")"
echo "| server | requests/s | p99 ms | each round (requests/s, p99 ms) |"
echo "| --- | ---: | ---: | --- |"
echo "| cxr serve (cached report JSON, API key) | $cr | $cp | $(paste -d/ <(printf '%s\n' "${cxr_rps[@]}") <(printf '%s\n' "${cxr_p99[@]}") | paste -sd' ') |"
echo "| bare Kestrel (same bytes) | $br | $bp | $(paste -d/ <(printf '%s\n' "${bare_rps[@]}") <(printf '%s\n' "${bare_p99[@]}") | paste -sd' ') |"
awk -v cr="$cr" -v br="$br" -v cp="$cp" -v bp="$bp" 'BEGIN { printf "| cxr / bare | %.2fx | %.2fx | goal: >= 0.8x throughput, p99 <= 2x |\n", cr / br, cp / bp }'
echo "bench/http: done; $(uptime)" >&2
