#!/usr/bin/env bash
# Screenshot of the tracker's threads page (Datasette), taken with headless Chromium.
#
#   scripts/screenshot_tracker.sh [DB] [OUT.png]
#
# DB defaults to a fresh tracker of the fictional collection in tests/data/track; OUT to
# docs/tracker-threads.png. Needs camket[track] installed and Debian's `chromium`
# (apt-get install chromium). Not used by the tests.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
profile="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work" "$profile"
}
trap cleanup EXIT

db="${1:-}"
out="${2:-$root/docs/tracker-threads.png}"
if [ -z "$db" ]; then
    db="$work/commitments.db"
    camket track add "$db" "$root"/tests/data/track/*.txt -q
fi
command -v chromium >/dev/null || { echo "screenshot_tracker: chromium not found (apt-get install chromium)" >&2; exit 1; }

port="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
camket track serve "$db" --port "$port" 2>"$work/serve.log" &
server=$!
url="http://127.0.0.1:$port/$(basename "${db%.*}")/chuoi_cam_ket"
for _ in $(seq 1 60); do
    if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$url" 2>/dev/null; then break; fi
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
done

mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size=1280,1200 --screenshot="$out" "$url" 2>"$work/chromium.log" \
    || { cat "$work/chromium.log" >&2; exit 1; }
# A palette of 64 colours keeps the PNG small enough to commit (Pillow comes with matplotlib).
python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB').quantize(64).save(sys.argv[1], optimize=True)" "$out" \
    2>/dev/null || true
echo "screenshot of $url -> $out" >&2
