#!/usr/bin/env bash
# Installs what CxReports needs and the machine lacks, for running (default) or for testing (--test). Safe to run again.
#   ./scripts/install-deps.sh          what `cxr` needs to run: time zone data and ICU (IANA zones, locales, collation)
#   ./scripts/install-deps.sh --test   also what the tests use: a real SMTP server for the delivery tests (aiosmtpd,
#                                      run with Debian's own /usr/bin/python3), poppler-utils (pdffonts, pdftoppm) for
#                                      the PDF tests and scripts/render-samples.sh, and postgresql for the tests that run
#                                      every metric on the PostgreSQL warehouse too (they start their own server with
#                                      initdb on a free port, never the system cluster), and chromium for the browser
#                                      tests of the pages (Playwright drives /usr/bin/chromium; nothing is downloaded)
# Regenerating the shipped subset fonts (scripts/make-fonts.sh) also needs fonts-dejavu-core and fonttools: dev-time
# only, installed by that script's user. Everything this script says goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-deps: the .NET 10 SDK is required (https://dot.net); it is not an apt package on Debian 12" >&2
  exit 1
fi

packages=(tzdata libicu72)
restore=src/CxReports.Server
case "${1:-}" in
  "") ;;
  --test) packages+=(python3-aiosmtpd poppler-utils postgresql chromium); restore=CxReports.sln ;;
  *) echo "install-deps: unknown option '$1' (use --test for what the tests need)" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
  else sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "${missing[@]}" >&2; fi
fi

dotnet restore "$restore" --nologo -v quiet >&2
