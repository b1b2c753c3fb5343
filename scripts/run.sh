#!/usr/bin/env bash
# Runs CxReports on the sample reports and the demo data. Arguments go to `cxr` (default: the sample tour).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
dotnet build src/CxReports.Server -c Release --nologo -v quiet
cxr=src/CxReports.Server/bin/Release/net10.0/cxr

if [ $# -gt 0 ]; then exec "$cxr" "$@"; fi

[ -f demo-data/musteriler.csv ] || "$cxr" demo --out demo-data
"$cxr" check reports
"$cxr" load
"$cxr" run customer_success --from 2025-11-01 --to 2026-10-31
