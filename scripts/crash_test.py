"""Crash test: SIGKILL `eventwire ingest` at random points, many times, and check the store.

Each cycle ingests an invented corpus into a fresh database: `--kills-per-cycle` runs
are killed after a random delay (during the model load, the extraction or a batch's
save), each followed by `eventwire check`'s checks (keys, counts, spans) and a look for
duplicated documents; then one run is left to finish, and the store must hold every
document of the corpus exactly once. Small batches put many kills inside the store phase.

    python scripts/crash_test.py                      # 5 cycles x 10 kills, batch size 1-2
    python scripts/crash_test.py --cycles 1 --kills-per-cycle 3 --docs 20

Prints a table, one row per kill, and the totals; exits with 1 when anything was lost,
duplicated or inconsistent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.store import open_store  # noqa: E402
from eventwire.store.check import check_store  # noqa: E402

PLACES = ["Goma", "Kyiv", "Lagos", "Khartoum", "Aleppo", "Mosul", "Kharkiv", "Bamako", "Sanaa", "Gaza"]
ACTS = [
    "Rebels attacked an army convoy near {place} on Monday, killing {n} soldiers, the army said.",
    "Police arrested {n} protesters in {place} on Tuesday after clashes outside parliament.",
    "A drone strike hit a market in {place}, wounding {n} civilians, local officials said.",
    "Thousands marched in {place} on Friday demanding the release of {n} detained journalists.",
    "The governor of {place} said {n} people were displaced by shelling overnight.",
]


def corpus(size: int, seed: int) -> list[dict]:
    """Invented articles, each one distinct (its number and place)."""
    pick = random.Random(seed)
    return [
        {
            "id": f"crash-{index}",
            "text": pick.choice(ACTS).format(place=pick.choice(PLACES), n=index + 2)
            + f" Report {index}: "
            + pick.choice(ACTS).format(place=pick.choice(PLACES), n=index + 3),
            "published_at": "2025-07-01",
        }
        for index in range(size)
    ]


@dataclass
class Kill:
    cycle: int
    number: int
    delay: float
    batch_size: int
    before: int
    after: int
    exited_itself: bool
    consistent: bool
    problems: str


def stored(db: Path) -> tuple[int, list[str], list[str]]:
    """(documents, check problems, duplicated doc ids) of the store; missing file = empty."""
    if not db.exists():
        return 0, [], []
    with open_store(db, read_only=True, wait=30) as store:
        problems = [str(finding) for finding in check_store(store) if not finding.ok]
        duplicated = [
            doc_id for (doc_id,) in store._execute("SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1")
        ]
        return store.count_documents(), problems, duplicated


def ingest(db: Path, feed: Path, batch_size: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from eventwire.cli import main; main()", "ingest", str(feed)]
    command += ["--db", str(db), "-q", "--batch-size", str(batch_size)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True
    )


def run_cycle(cycle: int, kills: int, docs: int, max_delay: float, work: Path, pick: random.Random) -> tuple:
    db, feed = work / f"cycle{cycle}.duckdb", work / f"cycle{cycle}.jsonl"
    records = corpus(docs, seed=cycle)
    feed.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    rows: list[Kill] = []
    number = 0
    while sum(1 for row in rows if not row.exited_itself) < kills and number < 3 * kills:
        number += 1
        before = stored(db)[0]
        batch_size = pick.choice([1, 2])
        delay = pick.uniform(0.5, max_delay)
        process = ingest(db, feed, batch_size)
        try:
            process.wait(timeout=delay)
            exited = True
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            exited = False
        after, problems, duplicated = stored(db)
        if duplicated:
            problems.append(f"duplicated: {duplicated[:3]}")
        rows.append(Kill(cycle, number, delay, batch_size, before, after, exited, not problems, "; ".join(problems)))
        print(format_row(rows[-1]), flush=True)
    final = ingest(db, feed, 2)
    final.wait()
    count, problems, duplicated = stored(db)
    with open_store(db, read_only=True) as store:
        ids = [result["doc_id"] for result in store.iter_results()]
    lost = sorted({record["id"] for record in records} - set(ids))
    return rows, final.returncode, len(lost), len(ids) - len(set(ids)) + len(duplicated), problems, count


def format_row(row: Kill) -> str:
    what = "exited before the kill" if row.exited_itself else "killed"
    state = "consistent" if row.consistent else f"INCONSISTENT: {row.problems}"
    return (
        f"| {row.cycle} | {row.number:2d} | {row.delay:5.1f} s | {row.batch_size} | {row.before:3d} -> {row.after:3d} "
        f"| {what} | {state} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=5)
    parser.add_argument("--kills-per-cycle", type=int, default=10)
    parser.add_argument("--docs", type=int, default=300, help="documents in each cycle's corpus")
    parser.add_argument("--max-delay", type=float, default=12.0, help="latest kill, seconds after the start")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    pick = random.Random(args.seed)
    started = time.monotonic()
    print("| cycle | kill | after | batch | documents stored before -> after | process | store |")
    print("|---|---|---|---|---|---|---|")
    kills, inconsistent, lost, duplicated, unfinished, in_store_phase = 0, 0, 0, 0, 0, 0
    with tempfile.TemporaryDirectory(prefix="eventwire-crash-") as folder:
        for cycle in range(1, args.cycles + 1):
            rows, code, cycle_lost, cycle_dup, problems, count = run_cycle(
                cycle, args.kills_per_cycle, args.docs, args.max_delay, Path(folder), pick
            )
            killed = [row for row in rows if not row.exited_itself]
            kills += len(killed)
            in_store_phase += sum(1 for row in killed if row.after > row.before)
            inconsistent += sum(1 for row in rows if not row.consistent) + bool(problems)
            lost += cycle_lost
            duplicated += cycle_dup
            unfinished += code != 0
            print(
                f"cycle {cycle}: re-run exit {code}; {count} of {args.docs} documents stored, {cycle_lost} lost, "
                f"{cycle_dup} duplicated, check {problems or 'ok'}",
                flush=True,
            )
    print(
        f"\n{kills} kills ({in_store_phase} after the run had stored a batch), {inconsistent} inconsistent stores, "
        f"{lost} documents lost, {duplicated} duplicated, {unfinished} re-runs failed; "
        f"{time.monotonic() - started:.0f} s"
    )
    return 1 if inconsistent or lost or duplicated or unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
