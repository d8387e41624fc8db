#!/usr/bin/env bash
# The README's picture of the visit map book: one page of the demo's map book (output/demo/visit_map_book.pdf,
# written by `make demo`, which this runs first if the book is missing), rendered by pdftoppm and reduced to
# 128 colours into docs/visit_map_book.png.
#   bash scripts/map_book_screenshot.sh [page]     (default: page 2, the Northwest station ground)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
page="${1:-2}"
pdf=output/demo/visit_map_book.pdf
[ -f "$pdf" ] || make demo
mkdir -p docs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -png -r 110 -f "$page" -l "$page" -singlefile "$pdf" "$work/page"
.venv/bin/python - "$work/page.png" docs/visit_map_book.png <<'PY'
import sys
from PIL import Image

Image.open(sys.argv[1]).convert("RGB").quantize(colors=128).save(sys.argv[2], optimize=True)
PY
echo "docs/visit_map_book.png: page $page of $pdf"
