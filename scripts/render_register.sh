#!/usr/bin/env bash
# Render an .xlsx register as LibreOffice Calc prints it: a PDF and one PNG per page,
# so a person can look at what an analyst will see on paper.
#
#   scripts/render_register.sh [REGISTER.xlsx] [OUTDIR] [DPI]
#
# Without REGISTER it writes the register of corpora/transcripts first (camket extract).
# Needs LibreOffice (soffice; Debian: libreoffice-calc) and pdftoppm (poppler-utils).
set -euo pipefail
register=${1:-}
outdir=${2:-render}
dpi=${3:-110}
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "render_register: $tool not found (apt-get install libreoffice-calc poppler-utils)" >&2; exit 1; }
done
mkdir -p "$outdir"
if [[ -z "$register" ]]; then
    register="$outdir/register.xlsx"
    camket extract corpora/transcripts -o "$register" --force -q
fi
name=$(basename "${register%.*}")
# A private LibreOffice profile: works beside an open LibreOffice and leaves the user's settings alone.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$outdir" "$register" >/dev/null
pdftoppm -png -r "$dpi" "$outdir/$name.pdf" "$outdir/$name-page"
echo "$outdir/$name.pdf: $(pdfinfo "$outdir/$name.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') page(s)"
ls "$outdir/$name-page"*.png
