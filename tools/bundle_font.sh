#!/usr/bin/env bash
# Bundle the Vazirmatn typeface (SIL Open Font License 1.1) into the web reader.
# Gets the font's npm package with `npm pack` (no CDN at run time, ever) and copies
# the few woff2 weights the templates use, plus the licence, into the static folder.
# Run once when upgrading the font; the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

DEST=src/khabar/web/static/fonts
WEIGHTS=(Regular Bold)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

( cd "$work" && npm pack --silent vazirmatn >/dev/null && tar -xzf vazirmatn-*.tgz )
pkg="$work/package"
version=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['version'])" "$pkg/package.json")

mkdir -p "$DEST"
for weight in "${WEIGHTS[@]}"; do
  src="$pkg/fonts/webfonts/Vazirmatn-${weight}.woff2"
  if [ ! -f "$src" ]; then
    echo "bundle_font: Vazirmatn-${weight}.woff2 not in the npm package" >&2
    exit 1
  fi
  cp "$src" "$DEST/"
done
cp "$pkg/OFL.txt" "$DEST/OFL.txt"
[ -f "$pkg/AUTHORS.txt" ] && cp "$pkg/AUTHORS.txt" "$DEST/AUTHORS.txt"
echo "Vazirmatn $version (npm package vazirmatn), weights: ${WEIGHTS[*]}" > "$DEST/VERSION"
du -ch "$DEST"/* | tail -n 1
