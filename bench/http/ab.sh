#!/usr/bin/env bash
# Two builds of cxr serving the same cached report JSON alternately: requests/s and the server's CPU time per answer
# (utime + stime from /proc, so the load wrk and the other server put on the machine does not count). For changes
# too small for bench/http/run.sh's throughput ratio to resolve on a shared machine. A benchmark, never a test.
#
#   bench/http/ab.sh CXR_A CXR_B DATA_DIR [ROUNDS]   # e.g. a copy of an earlier build's bin/Release/net10.0/cxr;
#                                                  # DATA_DIR: a loaded data directory (copied for the second server)
set -euo pipefail
a="$1"; b="$2"; data="$(cd "$3" && pwd)"; rounds="${4:-4}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
report_path="/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro"
command -v wrk > /dev/null || { echo "bench/http: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

key="$("$a" keys create --scope read --data "$data" 2> /dev/null | tail -1)"
cp -a "$data" "$work/data-b"   # DuckDB lets one process at a time open a file
serve() { # BUILD NAME DATA
  "$1" serve --reports "$root/reports" --data "$3" --urls http://127.0.0.1:0 > "$work/$2.url" 2> "$work/$2.log" &
  pids+=($!); echo $! > "$work/$2.pid"
  for _ in $(seq 1 1200); do [ -s "$work/$2.url" ] && return; sleep 0.1; done
  echo "bench/http: $2 did not start" >&2; cat "$work/$2.log" >&2; exit 1
}
serve "$a" A "$data"
serve "$b" B "$work/data-b"

auth="Authorization: Bearer $key"
for who in A B; do   # evaluate and cache, then warm (JIT, tiered compilation)
  url="$(head -1 "$work/$who.url")"
  curl -fsS -o /dev/null -H "$auth" "$url$report_path"
  wrk -t2 -c64 -d8s -H "$auth" "$url$report_path" > /dev/null
done

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
echo "| round | build | requests/s | CPU µs per answer |"
echo "| ---: | --- | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  for who in A B; do
    url="$(head -1 "$work/$who.url")"; pid="$(cat "$work/$who.pid")"
    before="$(ticks "$pid")"
    out="$(wrk -t2 -c64 -d10s -H "$auth" "$url$report_path")"
    after="$(ticks "$pid")"
    answers="$(awk '/requests in/ { print $1 }' <<< "$out")"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")"
    echo "| $round | $who | $rps | $(awk -v t=$((after - before)) -v n="$answers" -v hz="$hz" 'BEGIN { printf "%.2f", t * 1e6 / hz / n }') |"
  done
done
