#!/usr/bin/env bash
# The fuzz suite's long mode: many more hypothesis examples per property (tests/test_fuzz.py).
# CI runs the same properties with few examples as part of the normal test suite.
#   bash scripts/fuzz.sh                 # every property, long mode
#   bash scripts/fuzz.sh -k jsonl        # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
EVENTWIRE_FUZZ=long PYTHONPATH=$PWD exec "$PYTHON" -m pytest -q tests/test_fuzz.py -p no:cacheprovider \
  --hypothesis-show-statistics "$@"
