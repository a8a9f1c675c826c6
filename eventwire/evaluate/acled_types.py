"""ACLED taxonomy scores: the 25 sub-event types (2020 schema) or the older event types.

One ACLED row is one document (text = `notes`); the document's predicted ACLED type is that of
its first event with an ACLED mapping that is not negated or hypothetical (none: "no event").

- 2020 schema (`sub_event_type` present): per sub-event type P/R/F1 and the macro-F1 over the
  25 types (types absent from gold and never predicted are left out of the mean, and said so).
- older schema (acled-africa-2016: `event_type` only, e.g. "Battle-No change of territory"):
  event types mapped to the 2020 event types, Protests and Riots merged (the old schema did not
  tell them apart); macro-F1 over those classes.

`--part` picks a fixed half of the rows by a hash of the row's id, so that rules can be fixed on
one half ('tune') and scored on the other ('held-out'); the halves were fixed before any look.
"""

from __future__ import annotations

import csv
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click

# The 25 sub-event types of ACLED (2020 codebook), with their event type and disorder type.
SUB_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "Government regains territory": ("Battles", "Political violence"),
    "Non-state actor overtakes territory": ("Battles", "Political violence"),
    "Armed clash": ("Battles", "Political violence"),
    "Excessive force against protesters": ("Protests", "Demonstrations"),
    "Protest with intervention": ("Protests", "Demonstrations"),
    "Peaceful protest": ("Protests", "Demonstrations"),
    "Violent demonstration": ("Riots", "Demonstrations"),
    "Mob violence": ("Riots", "Political violence"),
    "Chemical weapon": ("Explosions/Remote violence", "Political violence"),
    "Air/drone strike": ("Explosions/Remote violence", "Political violence"),
    "Suicide bomb": ("Explosions/Remote violence", "Political violence"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "Political violence"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "Political violence"),
    "Grenade": ("Explosions/Remote violence", "Political violence"),
    "Sexual violence": ("Violence against civilians", "Political violence"),
    "Attack": ("Violence against civilians", "Political violence"),
    "Abduction/forced disappearance": ("Violence against civilians", "Political violence"),
    "Agreement": ("Strategic developments", "Strategic developments"),
    "Arrests": ("Strategic developments", "Strategic developments"),
    "Change to group/activity": ("Strategic developments", "Strategic developments"),
    "Disrupted weapons use": ("Strategic developments", "Strategic developments"),
    "Headquarters or base established": ("Strategic developments", "Strategic developments"),
    "Looting/property destruction": ("Strategic developments", "Strategic developments"),
    "Non-violent transfer of territory": ("Strategic developments", "Strategic developments"),
    "Other": ("Strategic developments", "Strategic developments"),
}
NONE = "(no event)"
MERGED_DEMONSTRATIONS = "Protests/Riots"
# Older ACLED event types -> 2020 event types (Protests and Riots merged: the old schema is one type).
OLD_EVENT_TYPES = {
    "Battle-No change of territory": "Battles",
    "Battle-Government regains territory": "Battles",
    "Battle-Non-state actor overtakes territory": "Battles",
    "Riots/Protests": MERGED_DEMONSTRATIONS,
    "Violence against civilians": "Violence against civilians",
    "Remote violence": "Explosions/Remote violence",
    "Strategic development": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
}
SKIPPED_STATUSES = {"negated", "hypothetical"}


def in_part(row_id: str, part: str) -> bool:
    if part == "all":
        return True
    held_out = zlib.crc32(row_id.encode("utf-8")) % 2 == 1
    return held_out == (part == "held-out")


def read_rows(path: Path, part: str) -> list[tuple[str, str, str | None, str]]:
    """(row id, notes, event date, gold label) of each row of the part; the label is the 2020
    sub-event type, or the 2020 event type of an older row ('old:' prefixed)."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    rows = []
    for file in files:
        with file.open(encoding="utf-8", errors="replace", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                text = (row.get("notes") or "").strip()
                row_id = row.get("event_id_cnty") or row.get("data_id") or f"{file.stem}-{n}"
                sub_type = (row.get("sub_event_type") or "").strip()
                label = sub_type if sub_type in SUB_EVENT_TYPES else None
                if label is None and not sub_type:
                    old = OLD_EVENT_TYPES.get((row.get("event_type") or "").strip())
                    label = f"old:{old}" if old else None
                if text and label and in_part(row_id, part):
                    rows.append((row_id, text, iso_date(row.get("event_date") or ""), label))
    return rows


def iso_date(value: str) -> str | None:
    """'9-May-20' (2020 schema) or '2016-07-02' -> ISO date; None when neither."""
    for pattern in ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None


def predicted_acled(result: dict) -> dict | None:
    for event in result.get("events") or []:
        if event.get("acled") and event.get("status") not in SKIPPED_STATUSES:
            return event["acled"]
    return None


def predicted_sub_type(result: dict) -> str:
    acled = predicted_acled(result)
    return (acled or {}).get("sub_event_type") or NONE


def predicted_old_type(result: dict) -> str:
    acled = predicted_acled(result)
    if not acled:
        return NONE
    event_type = acled.get("event_type") or NONE
    return MERGED_DEMONSTRATIONS if event_type in ("Protests", "Riots") else event_type


def prf(gold: list[str], predicted: list[str], label: str) -> tuple[int, int, int, float, float, float]:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
    n_gold, n_pred = gold.count(label), predicted.count(label)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return n_gold, n_pred, tp, precision, recall, f1


def print_table(gold: list[str], predicted: list[str], labels: list[str], title: str) -> float:
    """Per-label P/R/F1 and the macro-F1 over the labels present in gold or predicted."""
    click.echo(title)
    click.echo(f"{'type':40} {'gold':>5} {'pred':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}")
    scored = []
    for label in labels:
        n_gold, n_pred, tp, precision, recall, f1 = prf(gold, predicted, label)
        if n_gold or n_pred:
            scored.append(f1)
        click.echo(f"{label[:40]:40} {n_gold:5} {n_pred:5} {tp:5} {precision:6.2f} {recall:6.2f} {f1:6.2f}")
    click.echo(f"{NONE:40} {'':5} {predicted.count(NONE):5}")
    macro = sum(scored) / len(scored) if scored else 0.0
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    absent = [label for label in labels if not gold.count(label) and not predicted.count(label)]
    click.echo(f"macro-F1 {macro:.3f} over {len(scored)} types; accuracy {accuracy:.3f} ({len(gold)} rows)")
    if absent:
        click.echo(f"  left out of the mean (not in gold, never predicted): {', '.join(absent)}")
    return macro


Runner = Callable[[list[tuple[str, str, str | None]]], list[dict]]


def evaluate_acled_types(path: Path, limit: int | None, part: str, run: Runner, errors: int) -> None:
    rows = read_rows(path, part)[:limit]
    results = run([(row_id, text, date) for row_id, text, date, _ in rows])
    old = [label.removeprefix("old:") for *_, label in rows if label.startswith("old:")]
    new_rows = [(row, result) for row, result in zip(rows, results, strict=True) if not row[3].startswith("old:")]
    old_rows = [(row, result) for row, result in zip(rows, results, strict=True) if row[3].startswith("old:")]
    if new_rows:
        gold = [row[3] for row, _ in new_rows]
        predicted = [predicted_sub_type(result) for _, result in new_rows]
        print_table(gold, predicted, list(SUB_EVENT_TYPES), f"ACLED sub-event types, part={part}")
        events = sorted({event for event, _ in SUB_EVENT_TYPES.values()})
        to_event = {sub: event for sub, (event, _) in SUB_EVENT_TYPES.items()}
        print_table(
            [to_event[g] for g in gold],
            [to_event.get(p, NONE) for p in predicted],
            events,
            "ACLED event types",
        )
        show_confusions(gold, predicted, [row[1] for row, _ in new_rows], errors)
    if old_rows:
        predicted = [predicted_old_type(result) for _, result in old_rows]
        labels = sorted(set(old) | {p for p in predicted if p != NONE})
        print_table(old, predicted, labels, f"ACLED event types (older schema; Protests and Riots merged), part={part}")
        show_confusions(old, predicted, [row[1] for row, _ in old_rows], errors)


def show_confusions(gold: list[str], predicted: list[str], texts: list[str], errors: int) -> None:
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    click.echo("most frequent confusions (gold -> predicted):")
    for (g, p), n in pairs.most_common(12):
        click.echo(f"  {n:4}  {g} -> {p}")
    shown: dict[tuple[str, str], int] = defaultdict(int)
    for g, p, text in zip(gold, predicted, texts, strict=True):
        if g != p and shown[(g, p)] < 2 and sum(shown.values()) < errors:
            shown[(g, p)] += 1
            click.echo(f"  {g} -> {p} | {text[:200]}")
