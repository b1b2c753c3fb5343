#!/usr/bin/env bash
# Renders every sample report (reports/*.cxr) to PDF over fresh demo data and turns each page into a PNG, so the
# reports can be looked at: OUT/REPORT.pdf and OUT/png/REPORT-N.png. Needs poppler-utils (pdftoppm).
#   scripts/render-samples.sh [OUT]        (default OUT: /tmp/cxr-samples; FROM/TO pick the period)
# Uses `cxr run REPORT --format pdf -o FILE`; while cxr does not offer pdf yet, it runs the report as JSON and renders
# that with PdfRenderer through the SampleReportsRender test.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-/tmp/cxr-samples}")
from=${FROM:-2025-11-01}
to=${TO:-2026-10-31}
mkdir -p "$out/png" "$out/json"
rm -f "$out"/*.pdf "$out"/png/*.png "$out"/json/*

dotnet build src/CxReports.Server -v q -nologo >/dev/null
cxr=src/CxReports.Server/bin/Debug/net10.0/cxr
"$cxr" demo --out "$out/data" >/dev/null
"$cxr" load --data "$out/data" >/dev/null

fallback=0
for file in reports/*.cxr; do
  report=$(sed -n 's/^report \([A-Za-z0-9_]*\) .*/\1/p' "$file" | head -1)
  [ -n "$report" ] || continue
  if "$cxr" run "$report" --data "$out/data" --from "$from" --to "$to" --format pdf -o "$out/$report.pdf" 2>/dev/null \
     && [ -s "$out/$report.pdf" ]; then
    continue
  fi
  "$cxr" run "$report" --data "$out/data" --from "$from" --to "$to" > "$out/json/$report.json"
  fallback=1
done

if [ "$fallback" = 1 ]; then
  echo "render-samples: cxr run --format pdf is not available yet; rendering the JSON with PdfRenderer" >&2
  CXR_SAMPLE_JSON="$out/json" CXR_SAMPLE_REPORTS="$PWD/reports" \
    dotnet test tests/CxReports.Rendering.Tests -nologo -v q --filter FullyQualifiedName~SampleReportsRender >/dev/null
  mv "$out"/json/*.pdf "$out/"
fi

for pdf in "$out"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r "${DPI:-60}" "$pdf" "$out/png/$name"
  echo "$pdf: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages, $(stat -c %s "$pdf") bytes"
done
echo "PNG pages in $out/png"
