#!/usr/bin/env bash
# Runs every test of CxReports, then checks that the sample reports are valid and canonically formatted.
# Installs what it needs on a fresh Debian machine with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh --test

dotnet build CxReports.sln -c Release --nologo -v quiet
dotnet test CxReports.sln -c Release --no-build --nologo -v minimal  # minimal: failures with their messages

cxr=src/CxReports.Server/bin/Release/net10.0/cxr
"$cxr" check reports
"$cxr" fmt --check reports
echo "sample reports: check and fmt clean"
