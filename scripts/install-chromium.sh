#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver from the Debian packages (for the browser test
# of the moderator page, tests/tests/server_browser.rs). Idempotent: does nothing when both
# `chromium` and `chromedriver` are already on the PATH.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "install-chromium: chromium and chromedriver already installed" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium: need root to run apt-get; install 'chromium chromium-driver'" >&2
    exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update >&2
apt-get install -y --no-install-recommends chromium chromium-driver >&2
command -v chromedriver >&2
