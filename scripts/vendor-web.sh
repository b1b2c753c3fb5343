#!/usr/bin/env bash
# Installs the pages' charting library from the npm registry at the versions web/package-lock.json pins (npm ci) and
# copies its browser builds and licences into src/CxReports.Server/Pages/Assets/vendor, which cxr embeds and serves
# itself (nothing from a CDN). The copies are committed, so building cxr needs no npm; run this after changing
# web/package.json (then commit package-lock.json and the copies).
#   chart.js             the charts: tooltips, legend toggles (MIT; bundles @kurkle/color, MIT)
#   chartjs-plugin-zoom  zoom and pan on long time axes (MIT); its touch gestures need hammerjs, which is not shipped:
#                        the pages zoom by drag and Ctrl + wheel only
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund >&2
out=../src/CxReports.Server/Pages/Assets/vendor
mkdir -p "$out"
cp node_modules/chart.js/dist/chart.umd.min.js "$out/chart.umd.min.js"
cp node_modules/chartjs-plugin-zoom/dist/chartjs-plugin-zoom.min.js "$out/chartjs-plugin-zoom.min.js"
cp node_modules/chart.js/LICENSE.md "$out/LICENSE-chart.js.txt"
cp node_modules/@kurkle/color/LICENSE "$out/LICENSE-kurkle-color.txt"
cp node_modules/chartjs-plugin-zoom/LICENSE.md "$out/LICENSE-chartjs-plugin-zoom.txt"
# The minified files end with a source map comment; the maps are not shipped, so the comment would only 404.
sed -i '/^\/\/# sourceMappingURL=/d' "$out"/*.min.js
echo "vendor-web: chart.js $(node -p "require('./node_modules/chart.js/package.json').version"), chartjs-plugin-zoom $(node -p "require('./node_modules/chartjs-plugin-zoom/package.json').version") -> $out" >&2
