#!/usr/bin/env bash
# Screenshots of the browser pages over the demo data, light and dark, and the page weight and timings of each report
# page (web/screenshots.mjs). Starts `cxr serve --no-auth` on a free loopback port, stops it at the end.
#   ./scripts/screenshot-pages.sh [OUT_DIR] [DATA_DIR]    default /tmp/cxr-pages, a fresh demo dataset (2,000 customers)
# Needs /usr/bin/chromium (./scripts/install-deps.sh --test) and npm (for playwright-core, which downloads no browser).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-/tmp/cxr-pages}")
work=$(mktemp -d)
data=${2:-$work/data}
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd web && npm ci --no-audit --no-fund >&2)
dotnet build src/CxReports.Server -c Release --nologo -v quiet >&2
cxr=$PWD/src/CxReports.Server/bin/Release/net10.0/cxr
[ -d "$data" ] || "$cxr" demo --out "$data" >/dev/null 2>&1
"$cxr" serve --reports reports --data "$data" --urls http://127.0.0.1:0 --no-auth >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
reports=$(curl -fsS "$url/api/reports" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).map(r=>r.name).join(" ")))')
# shellcheck disable=SC2086
node web/screenshots.mjs "$url" "$out" $reports
echo "screenshot-pages: PNGs in $out" >&2
