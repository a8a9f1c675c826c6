"""Load test of `eventwire serve`: mixed read queries on loopback against a store of synthetic events.

    python bench/web_load.py                        # 100,000 events, 3,000 requests, 4 clients
    python bench/web_load.py --events 200000 --requests 5000 --clients 8 --seconds 120

Builds the store directly (bulk Arrow inserts, no spaCy), starts the server in its own process
on 127.0.0.1, sends the requests from client threads (keep-alive connections) until the
count or the time runs out, and prints requests/s and p50/p95/p99 latency per kind of query.
A benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.store.duckdb_store import DuckDBStore  # noqa: E402
from eventwire.store.schema import column_names  # noqa: E402
from eventwire.web.queries import quad_classes  # noqa: E402

COUNTRIES = {
    "UKR": (48.4, 31.2), "RUS": (55.7, 37.6), "SYR": (35.0, 38.5), "SDN": (15.5, 32.5), "COD": (-1.7, 29.2),
    "MLI": (14.0, -4.0), "NGA": (9.1, 7.4), "AFG": (34.5, 69.2), "YEM": (15.4, 44.2), "MMR": (19.7, 96.1),
    "ETH": (9.0, 38.7), "SOM": (2.0, 45.3), "IRQ": (33.3, 44.4), "ISR": (31.8, 35.2), "PSE": (31.5, 34.5),
    "KEN": (-1.3, 36.8), "COL": (4.7, -74.1), "MEX": (19.4, -99.1), "PAK": (33.7, 73.1), "IND": (28.6, 77.2),
    "FRA": (48.9, 2.35), "USA": (38.9, -77.0), "CHN": (39.9, 116.4), "TUR": (39.9, 32.9), "IRN": (35.7, 51.4),
}  # fmt: skip
WORDS = ["drone", "shelling", "talks", "protest", "ceasefire", "aid", "convoy", "sanctions", "border", "troops"]
START = date(2024, 1, 1)


def build_store(path: Path, n_events: int, per_document: int = 5, seed: int = 7) -> float:
    """Fill a fresh store with synthetic documents and events; returns the seconds it took."""
    started = time.perf_counter()
    rng = random.Random(seed)
    kinds = sorted(quad_classes())
    codes = sorted(COUNTRIES)
    store = DuckDBStore(path)
    documents, events, evidence = [], [], []
    now = datetime.now(UTC).replace(tzinfo=None)
    n_documents = (n_events + per_document - 1) // per_document
    for number in range(n_documents):
        content_id = f"{number:016x}"
        published = START + timedelta(days=rng.randrange(720))
        sentences = []
        for index in range(min(per_document, n_events - number * per_document)):
            kind, actor, target, where = rng.choice(kinds), rng.choice(codes), rng.choice(codes), rng.choice(codes)
            sentence = f"Forces of {actor} and {target}: {kind.lower()} near {where} ({rng.choice(WORDS)})."
            offset = sum(len(text) + 1 for text in sentences)
            sentences.append(sentence)
            lat, lon = COUNTRIES[where]
            precision = rng.choice([1, 1, 1, 2, 3, 4, 6])
            day = published - timedelta(days=rng.randrange(3))
            dead = rng.choice([None, None, 0, 1, 2, 5, 12, 40]) if kind in ("ASSAULT", "COERCE") else None
            row = dict.fromkeys(column_names("events"))
            row.update(
                content_id=content_id, event_index=index, doc_id=f"synthetic-{number}", event_id=f"e{index}",
                type=kind, status=rng.choice(["asserted"] * 8 + ["future", "hypothetical"]),
                confidence=round(rng.uniform(0.3, 0.95), 2), trigger_text=kind.lower(),
                trigger_start=offset + sentence.index(kind.lower()),
                trigger_end=offset + sentence.index(kind.lower()) + len(kind),
                evidence_sentence=sentence, evidence_start=offset, evidence_end=offset + len(sentence),
                actor_text=actor, actor_name=actor, actor_country=actor,
                recipient_text=target, recipient_name=target, recipient_country=target,
                date_value=day.isoformat(), date_precision="day", date_start=day, date_end=day,
                location_name=where, location_lat=lat + rng.uniform(-2, 2), location_lon=lon + rng.uniform(-2, 2),
                location_country=where, location_precision=precision, location_text=where,
                dead_low=dead, dead_best=dead, dead_high=dead,
            )  # fmt: skip
            events.append(tuple(row.values()))
            evidence.append((content_id, index, "sentence", sentence, offset, offset + len(sentence)))
            evidence.append((content_id, index, "trigger", kind.lower(), row["trigger_start"], row["trigger_end"]))
        text = " ".join(sentences)
        result = json.dumps({"doc_id": f"synthetic-{number}", "events": []})
        documents.append(
            (content_id, f"synthetic-{number}", number + 1, f"Report {number}", None, "synthetic-wire",
             published, text, now, len(sentences), None, result)
        )  # fmt: skip
    with store._transaction():
        store._insert_many("documents", documents)
        store._insert_many("events", events)
        store._insert_many("evidence", evidence)
    store.close()
    return time.perf_counter() - started


def random_filters(rng: random.Random) -> dict[str, str]:
    filters: dict[str, str] = {}
    if rng.random() < 0.4:
        filters["type"] = rng.choice(sorted(quad_classes()))
    if rng.random() < 0.4:
        filters["country"] = rng.choice(sorted(COUNTRIES))
    if rng.random() < 0.3:
        since = START + timedelta(days=rng.randrange(600))
        filters.update(since=since.isoformat(), until=(since + timedelta(days=rng.choice([7, 30, 90]))).isoformat())
    if rng.random() < 0.15:
        lat, lon = COUNTRIES[rng.choice(sorted(COUNTRIES))]
        filters["near"] = f"{lat},{lon},150"
    if rng.random() < 0.1:
        filters["text"] = rng.choice(WORDS)
    if rng.random() < 0.1:
        filters["actor"] = rng.choice(sorted(COUNTRIES))
    return filters


def make_request(rng: random.Random, n_documents: int, per_document: int) -> tuple[str, str]:
    """(kind, path with query) drawn from the page's mix of reads."""
    kind = rng.choices(
        ["events", "event", "counts", "timeline", "graph", "geojson", "status", "document"],
        weights=[30, 15, 10, 10, 10, 8, 12, 5],
    )[0]
    filters = random_filters(rng)
    if kind == "events":
        sort = rng.choice(["date", "-date", "-dead", "type", "-confidence"])
        params = {**filters, "sort": sort, "limit": 50, "offset": rng.choice([0, 0, 50, 500])}
        return kind, f"/api/events?{urlencode(params)}"
    if kind == "event":
        return kind, f"/api/events/{rng.randrange(n_documents):016x}/{rng.randrange(per_document)}"
    if kind == "document":
        return kind, f"/api/documents/{rng.randrange(n_documents):016x}"
    if kind == "counts":
        return kind, f"/api/counts?{urlencode({**filters, 'by': rng.choice(['type', 'country', 'week'])})}"
    if kind == "timeline":
        return kind, f"/api/timeline?{urlencode({**filters, 'interval': 'week'})}"
    if kind == "graph":
        return kind, f"/api/graph?{urlencode(filters)}"
    if kind == "geojson":
        return kind, f"/api/geojson?{urlencode({**filters, 'limit': 2000})}"
    return kind, "/api/status"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db", str(db)]
    command += ["--port", str(port)]
    env = {**os.environ, "EVENTWIRE_TOKEN": "load-test", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"server exited: {server.stderr.read()}") from None
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server did not start within 60 s")


def run_load(port: int, n_requests: int, seconds: float, clients: int, n_documents: int, per_document: int) -> dict:
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(n_requests))
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(1000 + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                if next(counter, None) is None:
                    break
            kind, path = make_request(rng, n_documents, per_document)
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                status, connection = 0, http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                errors.append(f"{path}: {exc}")
            elapsed = time.perf_counter() - started
            with lock:
                latencies.setdefault(kind, []).append(elapsed)
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"wall": time.perf_counter() - started, "latencies": latencies, "errors": errors}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def print_table(outcome: dict, n_events: int) -> None:
    latencies, wall = outcome["latencies"], outcome["wall"]
    every = [value for values in latencies.values() for value in values]
    print(f"\n{len(every)} requests in {wall:.1f} s against {n_events:,} events: {len(every) / wall:.1f} requests/s, "
          f"{len(outcome['errors'])} errors\n")  # fmt: skip
    print("| query | requests | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|")
    for kind, values in sorted(latencies.items()) + [("all", every)]:
        cells = " | ".join(f"{percentile(values, share) * 1000:.1f}" for share in (0.5, 0.95, 0.99))
        print(f"| {kind} | {len(values)} | {cells} |")
    if every:
        print(f"\nmean {statistics.mean(every) * 1000:.1f} ms")
    for error in outcome["errors"][:10]:
        print(f"error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=3000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=120, help="or after this many seconds")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    parser.add_argument("--db", type=Path, help="keep the synthetic store here (default: a temporary folder)")
    args = parser.parse_args()
    per_document = 5
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "load.duckdb"
        if db.exists():
            db.unlink()
        print(f"building {args.events:,} synthetic events in {db} ...", flush=True)
        print(f"built in {build_store(db, args.events, per_document):.1f} s", flush=True)
        port = free_port()
        server = start_server(db, port)
        try:
            n_documents = (args.events + per_document - 1) // per_document
            outcome = run_load(port, args.requests, args.seconds, args.clients, n_documents, per_document)
        finally:
            server.terminate()
            server.wait(timeout=20)
        print_table(outcome, args.events)
        if outcome["errors"]:
            sys.exit(1)


if __name__ == "__main__":
    main()
