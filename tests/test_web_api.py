"""The HTTP API over a small hand-built store (no spaCy): every endpoint, bad parameters, auth."""

from __future__ import annotations

import pytest
from web_samples import HOSTILE_SENTENCE, build_store

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.web.app import create_app  # noqa: E402
from eventwire.web.security import TOKEN_HEADER  # noqa: E402

TOKEN = "test-token-0123456789"


@pytest.fixture
def store(tmp_path):
    with build_store(tmp_path / "web.duckdb") as opened:
        yield opened


@pytest.fixture
def client(store):
    return TestClient(create_app(store, TOKEN))


def test_events_list_sort_and_page(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4
    assert [row["type"] for row in body["events"]] == ["ASSAULT", "REQUEST", "ASSAULT", "CONSULT"]
    dead_first = client.get("/api/events", params={"sort": "-dead", "limit": 1}).json()
    assert dead_first["events"][0]["dead_best"] == 5 and dead_first["total"] == 4
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()["events"]
    assert [row["key"] for row in second] == [row["key"] for row in body["events"][2:]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ASSAULT"}, 2),
        ({"type": "assault,consult"}, 3),
        ({"acled_type": "Battles"}, 1),
        ({"actor": "COD"}, 1),
        ({"country": "PER"}, 1),
        ({"dyad": "CHL-PER"}, 1),
        ({"dyad": "PER-CHL"}, 0),
        ({"since": "2025-06-15", "until": "2025-06-20"}, 1),  # "June 2025" overlaps
        ({"bbox": "60,30,75,40"}, 1),  # Kabul
        ({"bbox": "170,-60,-60,10"}, 1),  # across the antimeridian: Lima
        ({"near": "-1.6,29.2,50"}, 1),  # Goma
        ({"text": "FISHING"}, 1),
        ({"status": "asserted"}, 4),
        ({"min_confidence": 0.75}, 1),
    ],
)
def test_event_filters(client, params, expected):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == expected


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"since": "yesterday"}, "since"),
        ({"since": "2025-07-01", "until": "2025-06-01"}, "until"),
        ({"near": "1,2"}, "near"),
        ({"near": "91,0,5"}, "near"),
        ({"near": "nan,0,5"}, "near"),
        ({"bbox": "0,10,5"}, "bbox"),
        ({"bbox": "0,20,5,10"}, "bbox"),
        ({"dyad": "RUS"}, "dyad"),
        ({"country": "Ukraine"}, "country"),
        ({"type": "ASSAULT;DROP TABLE"}, "type"),
        ({"min_confidence": "2"}, "min_confidence"),
        ({"min_confidence": "nan"}, "min_confidence"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"sort": "evidence_sentence"}, "sort"),
        ({"text": "x" * 500}, "text"),
    ],
)
def test_bad_parameter_is_422_naming_it(client, params, name):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    assert name in [error["loc"][-1] for error in response.json()["detail"]]


def test_event_detail_has_evidence_paragraph_and_source(client):
    key = client.get("/api/events", params={"type": "ASSAULT", "country": "COD"}).json()["events"][0]["key"]
    detail = client.get(f"/api/events/{key}").json()
    event = detail["event"]
    paragraph = detail["paragraph"]
    sentence = paragraph["text"][
        event["evidence_start"] - paragraph["start"] : event["evidence_end"] - paragraph["start"]
    ]
    assert sentence == event["evidence_sentence"] and sentence.startswith("Rebels attacked")
    fields = {item["field"]: item["text"] for item in detail["evidence"]}
    assert fields["trigger"] == "attacked" and fields["dead"] == "five soldiers"
    assert detail["mentions"][0]["source"] == "invented-wire"
    assert detail["mentions"][0]["attribution"] == "the Congolese army said"
    assert client.get("/api/events/nope/0").status_code == 404
    assert client.get(f"/api/events/{event['content_id']}/-1").status_code == 422


def test_paragraph_around():
    from eventwire.web.queries import paragraph_around

    one, two = "One sentence. " * 10, "Two here, long enough to be a paragraph. " * 4
    lines = f"{one}\n{two}\n\n{'Three. ' * 20}"  # one paragraph a line, one blank line by chance
    start = lines.index("Two")
    assert lines[slice(*paragraph_around(lines, start, start + 9))] == two
    wrapped = "A a a.\nB b b.\n\nC c c.\nD d d."  # hard-wrapped lines, blank lines between paragraphs
    assert wrapped[slice(*paragraph_around(wrapped, 0, 6))] == "A a a.\nB b b."
    assert wrapped[slice(*paragraph_around(wrapped, 22, 28))] == "C c c.\nD d d."
    assert paragraph_around("No breaks.", 0, 3) == (0, 10)
    huge = "y" * 10_000
    first, last = paragraph_around(huge, 5000, 5010)
    assert first <= 5000 and last >= 5010 and last - first <= 3000


def test_documents(client):
    listing = client.get("/api/documents").json()
    assert listing["total"] == 4
    content_id = listing["documents"][0]["content_id"]
    document = client.get(f"/api/documents/{content_id}").json()
    assert document["text"].startswith("Rebels attacked") and len(document["events"]) == 2
    assert client.get("/api/documents/missing").status_code == 404


def test_aggregates(client):
    by_type = {row["key"]: row["n"] for row in client.get("/api/counts", params={"by": "type"}).json()}
    assert by_type == {"ASSAULT": 2, "REQUEST": 1, "CONSULT": 1}
    by_day = client.get("/api/counts", params={"by": "day"}).json()
    assert [row["key"] for row in by_day] == sorted(row["key"] for row in by_day)
    weeks = client.get("/api/counts", params={"by": "week", "country": "COD"}).json()
    assert weeks == [{"key": "2025-03-03", "n": 1}]  # the Monday of 3 March 2025
    assert client.get("/api/counts", params={"by": "actor_text"}).status_code == 422
    timeline = client.get("/api/timeline", params={"interval": "month"}).json()
    assert {"period": "2025-06-01", "type": "CONSULT", "n": 1, "approximate": 0} in timeline
    daily = client.get("/api/timeline", params={"type": "CONSULT"}).json()
    assert daily == [{"period": "2025-06-01", "type": "CONSULT", "n": 1, "approximate": 1}]  # "June 2025"


def test_actor_graph_splits_by_quad_class(client):
    graph = client.get("/api/graph").json()
    edges = {(edge["source"], edge["target"]): edge for edge in graph["edges"]}
    assert edges[("CHL", "PER")]["cooperative"] == 1 and edges[("CHL", "PER")]["conflictual"] == 0
    assert edges[("COD", "COD")]["by_quad"] == {"material_conflict": 1}
    assert {node["id"] for node in graph["nodes"]} == {"CHL", "PER", "COD"}


def test_geojson(client):
    collection = client.get("/api/geojson", params={"country": "PER"}).json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == pytest.approx([-77.02824, -12.04318])
    assert feature["properties"]["quad_class"] == "verbal_cooperation"
    assert feature["properties"]["date_precision"] == "month" and feature["properties"]["location_precision"] == 1


def test_status_and_openapi(client):
    assert client.get("/api/status").json() == {"documents": 4, "events": 4, "last_seq": 4}
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/graph", "/api/geojson", "/api/documents", "/api/sitrep"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would pull its script from a CDN


def test_security_headers_and_page(client):
    page = client.get("/")
    assert page.status_code == 200 and "<script src=" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in client.get("/api/events", headers={"Origin": "http://evil"}).headers


def test_hostile_article_comes_back_as_data(client):
    (row,) = client.get("/api/events", params={"country": "AFG"}).json()["events"]
    assert row["evidence_sentence"] == HOSTILE_SENTENCE  # stored and served as text; the page escapes it
    report = client.get("/sitrep", params={"country": "AFG"})
    assert "<script>" not in report.text and "&lt;script&gt;" in report.text
    assert "onerror=" not in report.text.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in report.text
    assert "\u202e" not in report.text and "⟨U+202E⟩" in report.text  # the override is shown, not obeyed
    markdown = client.get("/api/sitrep", params={"country": "AFG"}).text
    assert "<script>" not in markdown and "<img" not in markdown and "\u202e" not in markdown


def test_sitrep(client):
    report = client.get("/api/sitrep", params={"country": "cod", "format": "json"}).json()
    assert report["events"] == 1 and report["dead"] == 5
    (group,) = report["groups"]
    assert group["type"] == "ASSAULT" and group["places"][0]["place"] == "Goma"
    markdown = client.get("/api/sitrep", params={"country": "COD"}).text
    assert "## ASSAULT (1)" in markdown and "Rebels attacked" in markdown and "characters 0–" in markdown
    assert client.get("/api/sitrep", params={"country": "Congo"}).status_code == 422
    assert client.get("/api/sitrep").status_code == 422


def test_write_needs_the_right_token(client):
    line = '{"id": "new-1", "text": "Nothing happened today.", "published_at": "2025-01-01"}\n'
    assert client.post("/api/documents", content=line).status_code == 401
    assert client.post("/api/documents", content=line, headers={TOKEN_HEADER: "wrong"}).status_code == 403
    assert client.post("/api/documents", content=line, headers={"Authorization": "Bearer nope"}).status_code == 403


def test_body_size_limit(store):
    client = TestClient(create_app(store, TOKEN, max_body=100))
    response = client.post("/api/documents", content="x" * 1000, headers={TOKEN_HEADER: TOKEN})
    assert response.status_code == 413


@pytest.mark.slow
def test_post_documents_ingests_while_serving(store, pipeline):
    client = TestClient(create_app(store, TOKEN, pipeline_factory=lambda: pipeline))
    before = client.get("/api/status").json()
    line = (
        '{"id": "new-1", "published_at": "2025-08-02", "source": "test", '
        '"text": "Russian forces shelled the city of Kharkiv on Friday, killing three civilians."}\n'
        "not json\n"
    )
    response = client.post("/api/documents", content=line, headers={TOKEN_HEADER: TOKEN})
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["new"] == 1 and summary["failed"] == 1 and summary["events"] >= 1
    assert "malformed JSON" in summary["errors"][0]["reason"]
    after = client.get("/api/status").json()
    assert after["documents"] == before["documents"] + 1 and after["last_seq"] > before["last_seq"]
    assert client.get("/api/events", params={"country": "UKR"}).json()["total"] >= 1
    again = client.post("/api/documents", content=line, headers={TOKEN_HEADER: TOKEN}).json()
    assert again["new"] == 0 and again["skipped"] == 1


def test_body_must_be_utf8(client):
    response = client.post("/api/documents", content=b"\xff\xfe bad", headers={TOKEN_HEADER: TOKEN})
    assert response.status_code == 422


def test_loopback_server_refuses_foreign_host_names(store):
    client = TestClient(create_app(store, TOKEN, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1")
    assert client.get("/api/status").status_code == 200
    assert client.get("/api/status", headers={"Host": "attacker.example"}).status_code == 400  # DNS rebinding


def test_token_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    from eventwire.web.security import TOKEN_ENV, resolve_token

    monkeypatch.delenv(TOKEN_ENV, raising=False)
    db = str(tmp_path / "web.duckdb")
    token, generated = resolve_token(None, db)
    assert generated and len(token) >= 32
    assert (tmp_path / "web.duckdb.token").stat().st_mode & 0o077 == 0
    assert resolve_token(None, db) == (token, False)
    assert resolve_token("given", db) == ("given", False)
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert resolve_token(None, db) == ("from-env", False)
