#!/usr/bin/env bash
# Set up eventwire with its test tools and run the linter and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_browser.sh  # Debian's Chromium for the end-to-end browser tests, when missing
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet -e '.[test]'
.venv/bin/ruff check eventwire tests scripts bench training
set +e
.venv/bin/pytest -q "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$rc"
