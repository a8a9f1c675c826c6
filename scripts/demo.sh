#!/usr/bin/env bash
# Set up eventwire and run its main job on the embedded default store (DuckDB, no server):
# ingest the illustrative example articles and show the events extracted from them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet -e .
db=${EVENTWIRE_DB:-eventwire.duckdb}
.venv/bin/eventwire ingest --db "$db" examples/articles.jsonl
.venv/bin/eventwire events --db "$db"
echo
echo "See them on the analyst's page (map, timeline, actor graph, evidence):"
echo "    .venv/bin/eventwire serve --db $db"
echo "then open http://127.0.0.1:8765/ in a browser (Ctrl-C stops the server)."
