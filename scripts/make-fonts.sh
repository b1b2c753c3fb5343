#!/usr/bin/env bash
# Regenerates the subset fonts the PDF renderer ships (src/CxReports.Rendering/Pdf/Fonts). Dev time only: needs
# Debian's fonts-dejavu-core and fonttools (pyftsubset). SkiaSharp embeds whole font files, so the subset keeps PDFs
# small: Basic Latin, Latin-1, Latin Extended-A (Turkish ç ğ ı İ ö ş ü and their capitals, other European names),
# general punctuation, the signs the renderer draws (▲ ▼ − × ✓) and currency signs (€ ₺).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/dejavu
out=src/CxReports.Rendering/Pdf/Fonts
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0131,U+02C6,U+02DC,U+2007-200B,U+2010-2027,U+202F,U+2030,U+2032-2033,U+2039-203A,U+20AC,U+20BA,U+2122,U+2190-2193,U+2212,U+2713,U+25B2,U+25BC,U+25CF"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$unicodes" --layout-features='kern,liga' --no-hinting \
    --name-IDs='*' --name-languages='*' --notdef-outline --output-file="$out/$face-Subset.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE-DejaVu.txt" 2>/dev/null || true
ls -l "$out"
