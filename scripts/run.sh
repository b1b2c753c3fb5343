#!/usr/bin/env bash
# Runs CxReports: the HTTP server with the sample reports over the demo data (written on first start), on
# http://127.0.0.1:5080, without API keys because it only listens on this machine (the server says so in its log).
# With arguments, runs that `cxr` command instead: ./scripts/run.sh query "nps by month" --format table
# Installs only what running needs; the build speaks on stderr, so stdout is only the command's output
# (./scripts/run.sh run cx_roi --format csv --block kpi_1 > kpi.csv holds the CSV and nothing else).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
# Published, not only built: publishing compiles cxr ahead of time (ReadyToRun, see the project file), which spares
# every command the JIT of its start.
dotnet publish src/CxReports.Server -c Release -o src/CxReports.Server/bin/Release/cxr --nologo -v quiet >&2
cxr=src/CxReports.Server/bin/Release/cxr/cxr

if [ $# -gt 0 ]; then exec "$cxr" "$@"; fi
exec "$cxr" serve --no-auth --urls http://127.0.0.1:5080
