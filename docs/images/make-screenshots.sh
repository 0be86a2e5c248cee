#!/bin/sh
# The template screenshots of docs/spreadsheets*.md: `netmap init` in both
# languages, printed to PDF by LibreOffice, pages turned into PNG by
# pdftoppm and cropped with Pillow. Usage: docs/images/make-screenshots.sh [BUILD]
# (needs libreoffice-calc, poppler-utils and python3-pil).
set -eu
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
netmap=$(cd "$build" && pwd)/netmap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$netmap" init --lang de -o vorlage.xlsx >/dev/null
"$netmap" init --lang en -o template.xlsx >/dev/null
soffice --headless --convert-to pdf vorlage.xlsx template.xlsx >/dev/null 2>&1
# Page 1 is the hints sheet; the examples sheet is the last page.
for f in vorlage template; do
	last=$(pdfinfo "$f.pdf" | awk '/^Pages:/ {print $2}')
	pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$f.pdf" "$f-hints"
	pdftoppm -png -r 200 -f "$last" -l "$last" -singlefile "$f.pdf" "$f-examples"
done
/usr/bin/python3 - "$here" <<'PY'
import sys
from PIL import Image, ImageOps
out = sys.argv[1]
def crop(src, dst, right=None):
    im = Image.open(src).convert('L')
    x0, y0, x1, y1 = ImageOps.invert(im).getbbox()
    if right:
        x1 = x0 + int((x1 - x0) * right)
    im.crop((max(x0 - 10, 0), max(y0 - 10, 0), x1 + 10, y1 + 10)).save(f'{out}/{dst}', optimize=True)
crop('vorlage-hints.png', 'template-de-hinweise.png')
crop('template-hints.png', 'template-en-how-to.png')
crop('vorlage-examples.png', 'template-de-beispiele.png', 0.62)
crop('template-examples.png', 'template-en-examples.png', 0.62)
PY
