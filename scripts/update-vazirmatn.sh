#!/usr/bin/env bash
# Refreshes the Persian web font the published pages ship (crates/policy/src/render/fonts/):
# the variable-weight Vazirmatn WOFF2 and its SIL Open Font License, taken from the `vazirmatn`
# npm package. Usage: scripts/update-vazirmatn.sh [VERSION] (default: the pinned one below).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-33.0.3}"
dest=crates/policy/src/render/fonts
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "vazirmatn@${version}" >/dev/null && tar xzf vazirmatn-*.tgz)
cp "$work/package/fonts/webfonts/Vazirmatn[wght].woff2" "$dest/vazirmatn.woff2"
cp "$work/package/OFL.txt" "$dest/OFL.txt"
echo "update-vazirmatn: vazirmatn ${version} -> ${dest}" >&2
sha256sum "$dest/vazirmatn.woff2" "$dest/OFL.txt" >&2
