"""End-to-end: the analyst's page in a real Chromium (Debian's `chromium`, driven by Playwright).

The server runs uvicorn on loopback over a hand-built store (no spaCy). Chromium comes from
scripts/install_browser.sh (CI runs it); the tests skip, saying so, only when it is absent.
The screenshot lands in out/e2e/ (its path is printed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from web_samples import HOSTILE_SENTENCE, build_store

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

import uvicorn  # noqa: E402

from eventwire.model import DocResult, Document, Event, EventLocation, Evidence, Span  # noqa: E402
from eventwire.web.app import create_app  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[1] / "out" / "e2e"

# CI sets EVENTWIRE_REQUIRE_BROWSER=1: there a missing Chromium fails the run instead of skipping it.
REQUIRED = os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not REQUIRED, reason="no Chromium: run scripts/install_browser.sh"
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("e2e") / "web.duckdb")
    app = create_app(store, "e2e-token")
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "uvicorn did not start"
    yield {"url": f"http://127.0.0.1:{port}", "app": app}
    uvicorn_server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"EVENTWIRE_REQUIRE_BROWSER=1 but no Chromium at {CHROMIUM}: scripts/install_browser.sh failed")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request, dialog and page error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    tab = context.new_page()
    tab.requests, tab.dialogs, tab.errors, tab.console_errors = [], [], [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


def open_page(page, server, query: str = "") -> None:
    page.goto(f"{server['url']}/{query}")
    page.wait_for_selector("body[data-ready]")


def test_filter_updates_map_timeline_table_and_detail_shows_evidence(page, server):
    open_page(page, server)
    assert page.locator("#events tbody tr").count() == 4
    assert page.locator("#map .mark").count() == 3  # the appeal has no place
    assert page.locator("#map .country").count() > 150  # the offline Natural Earth basemap
    assert page.locator("#timeline .bar").count() >= 3
    assert page.locator("#graph .node").count() == 3

    page.fill("#filters [name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events tbody tr")).to_have_count(2)
    assert page.locator("#map .mark").count() == 2
    assert {bar.get_attribute("data-type") for bar in page.locator("#timeline .bar").all()} == {"ASSAULT"}
    assert "type=ASSAULT" in page.url  # the view can be shared

    page.locator("#events tbody tr", has_text="Goma").click()
    page.wait_for_selector("#detail mark")
    assert page.locator("#detail mark").inner_text().startswith("Rebels attacked an army convoy near Goma")
    assert page.locator("#detail .trigger").inner_text() == "attacked"
    assert "the Congolese army said" in page.locator("#detail").inner_text()
    assert "event=" in page.url

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "page.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert page.errors == []
    assert page.console_errors == []  # e.g. no Content-Security-Policy violation by the page itself


def test_shared_url_restores_the_view_and_brushing_filters_dates(page, server):
    open_page(page, server, "?country=PER")
    assert page.input_value("#filters [name=country]") == "PER"
    assert page.locator("#events tbody tr").count() == 1
    open_page(page, server)
    box = page.locator("#timeline").bounding_box()
    # Drag across the whole timeline: since/until land in the URL and the form.
    page.mouse.move(box["x"] + box["width"] * 0.02, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"since=.*until="))
    assert page.input_value("#filters [name=since]") and page.input_value("#filters [name=until]")
    page.wait_for_selector("body[data-ready]:not([data-loading])")
    assert page.locator("#events tbody tr").count() >= 1


def test_hostile_article_renders_inert(page, server):
    open_page(page, server, "?country=AFG")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail mark")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("window.__pwned") is None  # no handler or script of the article ran
    shown = page.locator("#detail mark").inner_text()
    assert shown == HOSTILE_SENTENCE.replace("\u202e", "⟨U+202E⟩").replace("\u202c", "⟨U+202C⟩")
    assert "\u202e" not in page.locator("body").inner_text()  # the override is shown, not obeyed
    assert page.locator("#events img, #detail img, #detail script, #events script, #detail a, #events b").count() == 0
    assert "<script>" in page.locator("#events tbody").inner_text()  # shown as text
    page.goto(f"{server['url']}/sitrep?country=AFG")
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert page.locator("body script, body img").count() == 0
    assert page.errors == []


def test_no_request_leaves_localhost_and_new_events_appear(page, server):
    open_page(page, server)
    before = page.locator("#events tbody tr").count()
    # A document stored while the page is open (as POST /api/documents would) shows up by itself.
    text = "Protesters marched in Santiago on Monday."
    document = Document("live-1", text, None, title="Live", source="invented-wire")
    start = text.index("marched")
    event = Event(
        id="e1",
        type="PROTEST",
        trigger=Span("marched", start, start + 7),
        evidence=Evidence(text, 0, len(text)),
        location=EventLocation(3871336, "Santiago", -33.45694, -70.64827, "CHL", None, 1, "Santiago", 22, 30),
    )
    server["app"].state.locked_store.save([(document, DocResult(doc_id="live-1", events=[event]))])
    expect(page.locator("#events tbody tr")).to_have_count(before + 1, timeout=15_000)
    assert "updated" in page.inner_text("#status")
    origin = server["url"]
    outside = [url for url in page.requests if not (url.startswith(origin + "/") or url.startswith("data:"))]
    assert outside == [], json.dumps(outside)
    assert len(page.requests) > 5
