#!/usr/bin/env bash
# Renders every sample report (reports/*.cxr) to PDF over fresh demo data and turns each page into a PNG, so the
# reports can be looked at: OUT/REPORT.pdf and OUT/png/REPORT-N.png. Needs poppler-utils (pdftoppm).
#   scripts/render-samples.sh [OUT]        (default OUT: /tmp/cxr-samples; FROM/TO pick the period)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-/tmp/cxr-samples}")
from=${FROM:-2025-11-01}
to=${TO:-2026-10-31}
mkdir -p "$out/png"
rm -f "$out"/*.pdf "$out"/png/*.png

dotnet build src/CxReports.Server -v q -nologo >/dev/null
cxr=src/CxReports.Server/bin/Debug/net10.0/cxr
"$cxr" demo --out "$out/data" >/dev/null
"$cxr" load --data "$out/data" >/dev/null

for file in reports/*.cxr; do
  report=$(sed -n 's/^report \([A-Za-z0-9_]*\) .*/\1/p' "$file" | head -1)
  [ -n "$report" ] || continue
  "$cxr" run "$report" --data "$out/data" --from "$from" --to "$to" --format pdf -o "$out/$report.pdf"
done

for pdf in "$out"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r "${DPI:-60}" "$pdf" "$out/png/$name"
  echo "$pdf: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages, $(stat -c %s "$pdf") bytes"
done
echo "PNG pages in $out/png"
