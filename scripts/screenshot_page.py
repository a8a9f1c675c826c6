"""Screenshot the analyst's page on a database, in Debian's Chromium (no network, nothing downloaded).

    python scripts/screenshot_page.py eventwire.duckdb out/page.png ["?country=UKR"]

Starts `eventwire serve` on a free loopback port, opens the page (with the query, if any),
clicks the first event of the table, saves a full-page screenshot and prints what it drew.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def main(db: str, output: str, query: str = "") -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "EVENTWIRE_TOKEN": os.environ.get("EVENTWIRE_TOKEN", "screenshot"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, env=env)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(f"http://127.0.0.1:{port}/{query}")
            page.wait_for_selector("body[data-ready]")
            rows = page.locator("#events tbody tr")
            counts = {
                "table rows": rows.count(),
                "map marks": page.locator("#map .mark").count(),
                "timeline bars": page.locator("#timeline .bar").count(),
                "graph nodes": page.locator("#graph .node").count(),
            }
            if rows.count():
                rows.first.click()
                page.wait_for_selector("#detail mark")
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=output, full_page=True)
            browser.close()
        print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f"; screenshot: {output}")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main(*sys.argv[1:4])
