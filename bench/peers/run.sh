#!/usr/bin/env bash
# The peers on the same data in one run (issue 23): Malloy as a library over DuckDB (npm), pandas (Debian),
# hand-written DuckDB SQL in its epoch-offset and timezone() forms, and CxReports (`cxr query`, and in process through
# bench/CxReports.Benchmarks), on NPS by month × channel in UTC and in Europe/Istanbul and NPS by channel. Every
# contender's numbers are checked equal before any time is taken; then medians of alternating rounds, as Markdown.
# A benchmark, never part of the test run.
#
#   bench/peers/run.sh DATA_DIR [ROUNDS]     # DATA_DIR: a loaded data directory (its cxreports.duckdb), e.g. a copy of
#                                            # bench/.cache/demo-1000000 (cp -a it: cxr query opens the warehouse for writing)
#
# Sets up what it needs: npm install in bench/peers (package-lock.json), python3-pandas with apt-get (as root), the Release
# builds of cxr and the benchmarks. Reads the warehouse read-only for the peers; pandas reads a pickled frame of the
# answers made once from the warehouse (kept in bench/.cache/peers, remade when the warehouse changes).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(cd "${1:?usage: bench/peers/run.sh DATA_DIR [ROUNDS]}" && pwd)"
rounds="${2:-7}"
warehouse="$data/cxreports.duckdb"
[ -f "$warehouse" ] || { echo "bench/peers: no warehouse at $warehouse: load the data first (cxr load --data $data)" >&2; exit 2; }

missing=()
command -v node > /dev/null && command -v npm > /dev/null || missing+=("node and npm (Debian: apt-get install -y nodejs npm)")
command -v dotnet > /dev/null || missing+=("dotnet (the .NET 10 SDK: scripts/install-deps.sh)")
if ! /usr/bin/python3 -c 'import pandas' 2> /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "bench/peers: installing python3-pandas from Debian" >&2
    apt-get install -y python3-pandas > /dev/null || { apt-get update > /dev/null && apt-get install -y python3-pandas > /dev/null; }
  fi
  /usr/bin/python3 -c 'import pandas' 2> /dev/null || missing+=("pandas for /usr/bin/python3 (apt-get install -y python3-pandas)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'bench/peers: missing %s\n' "${missing[@]}" >&2
  exit 2
fi
/usr/bin/python3 -c 'import pyarrow' 2> /dev/null ||
  echo "bench/peers: no pyarrow for /usr/bin/python3 (Debian 12 has no python3-pyarrow): pandas reads a pickled frame" >&2

# npm install from the lock file, not npm ci: the registry serves the DuckDB bindings for linux-x64 only, so the lock
# lacks the other platforms' optional packages and npm ci refuses it; --no-save leaves the lock as committed.
(cd "$here" && npm install --no-audit --no-fund --no-save --loglevel=error > /dev/null)
# cxr as scripts/run.sh installs it: published, so compiled ahead of time (ReadyToRun).
dotnet publish "$root/src/CxReports.Server" -c Release -o "$root/src/CxReports.Server/bin/Release/cxr" --nologo -v quiet >&2
dotnet build "$root/bench/CxReports.Benchmarks" -c Release --nologo -v quiet >&2

# pandas's copy of the answers, made from the warehouse so every contender reads the same rows.
cache="$root/bench/.cache/peers"
mkdir -p "$cache"
stamp="$(stat -c '%s %Y' "$warehouse")"
if [ "$(cat "$cache/answers.stamp" 2> /dev/null)" != "$stamp" ]; then
  echo "bench/peers: exporting the answers for pandas" >&2
  start=$(date +%s%N)
  node "$here/export_responses.mjs" "$warehouse" "$cache/answers.csv"
  /usr/bin/python3 "$here/pandas_nps.py" prepare "$cache/answers.csv" "$cache/answers.pickle"
  rm "$cache/answers.csv"
  echo "$stamp" > "$cache/answers.stamp"
  echo "bench/peers: pandas's frame made in $(( ($(date +%s%N) - start) / 1000000 )) ms (export, read_csv, pickle)" >&2
fi

echo "bench/peers: $(nproc) cores; $(uptime)" >&2
node "$here/compare.mjs" --data "$data" --pickle "$cache/answers.pickle" --rounds "$rounds" \
  --cxr "$root/src/CxReports.Server/bin/Release/cxr/cxr" \
  --bench "$root/bench/CxReports.Benchmarks/bin/Release/net10.0/CxReports.Benchmarks.dll"
echo "bench/peers: done; $(uptime)" >&2
