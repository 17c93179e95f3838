#!/usr/bin/env bash
# Debian packages certconform needs beyond Node.js and npm. Idempotent; run as root (or via sudo).
# chromium: the browser test of the report page (test/reports/html-page.test.ts) drives Debian's
# /usr/bin/chromium through Playwright, so no browser is ever downloaded.
set -euo pipefail
packages=(chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
node -e 'const [maj]=process.versions.node.split(".").map(Number); if (maj < 20) { console.error(`Node ${process.versions.node}: certconform needs Node 20 or later`); process.exit(1) }'
