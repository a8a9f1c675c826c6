#!/usr/bin/env bash
# Chromium for the end-to-end tests (tests/test_web_e2e.py): Debian's package, driven by Playwright
# through executable_path, so `playwright install` (a download from a CDN) is never needed.
# Idempotent: does nothing when a chromium is already on the PATH.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser: no apt-get here; install Chromium yourself (the e2e tests skip without it)" >&2
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo -n" || {
    echo "install_browser: not root and no sudo; the e2e tests will skip" >&2
    exit 0
  }
fi
echo "install_browser: installing chromium (apt)" >&2
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]
