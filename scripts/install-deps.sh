#!/usr/bin/env bash
# Installs what building and testing CxReports needs and the machine lacks. Safe to run again.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-deps: the .NET 10 SDK is required (https://dot.net); it is not an apt package on Debian 12" >&2
  exit 1
fi

# Debian packages the product and its tests use: time zone data and ICU for IANA zones and locales; a real SMTP
# server for the delivery tests (aiosmtpd, run with Debian's own /usr/bin/python3); poppler-utils (pdffonts,
# pdftoppm) for the PDF tests and scripts/render-samples.sh; postgresql for the tests that run every metric on the
# PostgreSQL warehouse too (they start their own server with initdb on a free port, never the system cluster). Regenerating the shipped subset fonts
# (scripts/make-fonts.sh) also needs fonts-dejavu-core and fonttools: dev-time only, installed by that script's user.
missing=()
for package in tzdata libicu72 python3-aiosmtpd poppler-utils postgresql; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}"
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}"; fi
fi

dotnet restore CxReports.sln --nologo -v quiet
