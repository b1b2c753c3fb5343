#!/usr/bin/env bash
# Lints the server's OpenAPI document with Redocly CLI's `recommended` rules (npm package @redocly/cli).
# Starts `cxr serve` on a free loopback port over a small demo dataset, fetches /openapi/v1.json, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/CxReports.Server --nologo -v quiet
cxr=$PWD/src/CxReports.Server/bin/Debug/net10.0/cxr
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$cxr" demo --out "$work/data" --customers 100 >/dev/null 2>&1
"$cxr" serve --reports reports --data "$work/data" --urls http://127.0.0.1:0 >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
curl -fsS "$(head -1 "$work/url")/openapi/v1.json" -o "$work/openapi.json"
npx --yes @redocly/cli@2 lint --extends=recommended "$work/openapi.json"
