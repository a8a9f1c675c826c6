"""`eventwire evaluate actors`: mention-level actor resolution against PLOVER gold records.

For every gold source/target actor, the predicted Party overlapping the first occurrence
of its actorText in the sentence is compared with the gold code: country = the code's
first three letters (IGO/NGO/IMG codes form one non-state class), sector = the gold
sector's first three letters where the gold gives one. Runs the real Pipeline
(actors stage only, evaluate/runner.py) and reads the contract output (`actors` in DocResult.to_dict()).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from eventwire.evaluate.gold import read_plover_records
from eventwire.evaluate.metrics import best_overlap

GOLD_READERS = {"plover-gsr": read_plover_records}
NON_STATE = "IGO/NGO"
NON_STATE_CODES = {"IGO", "NGO", "IMG"}
# Old CAMEO country codes in the gold that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass
class GoldActor:
    record_id: str
    text: str
    actor_text: str
    code: str
    sector: str | None
    start: int | None
    end: int | None

    @property
    def country(self) -> str:
        code = self.code[:3].upper()
        return NON_STATE if code in NON_STATE_CODES else CAMEO_TO_ISO.get(code, code)


@dataclass
class ActorScores:
    total: int = 0
    located: int = 0
    found: int = 0
    country_right: int = 0
    sector_total: int = 0
    sector_right: int = 0
    both_total: int = 0
    both_right: int = 0
    errors: list[str] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actor text sits in the sentence ('Bosnian Serbs ... forces' -> its first part)."""
    piece = actor_text.split("...")[0].split("..")[0].strip() or actor_text.strip()
    for candidate in (piece, piece.rstrip("'s").strip()):
        at = text.find(candidate)
        if at < 0:
            at = text.lower().find(candidate.lower())
        if at >= 0:
            return at, at + len(candidate)
    return None


def load_gold(path: Path, gold_format: str = "plover-gsr") -> list[dict[str, Any]]:
    """Gold records, each with a unique `key` (the file repeats an id)."""
    records = GOLD_READERS[gold_format](path)
    return [{**r, "key": f"{n:04d}:{r.get('id')}"} for n, r in enumerate(records)]


def gold_actors(record: dict[str, Any]) -> list[GoldActor]:
    actors = []
    for role in ("source", "target"):
        for item in record.get(role) or []:
            if not isinstance(item, dict) or not item.get("actorText") or not item.get("code"):
                continue
            where = locate(record["text"], item["actorText"])
            sector = (item.get("sector") or "").strip()[:3].upper() or None
            actors.append(
                GoldActor(
                    record["key"],
                    record["text"],
                    item["actorText"],
                    item["code"],
                    sector if sector != "***" else None,
                    *(where or (None, None)),
                )
            )
    return actors


def predicted_country(party: dict[str, Any]) -> str | None:
    if party.get("country"):
        return party["country"]
    kb_prefix = (party.get("kb_id") or "")[:3]
    if party.get("sector") in ("IGO", "NGO") or kb_prefix in NON_STATE_CODES:
        return NON_STATE
    return None


def score(gold: list[GoldActor], predictions: dict[str, list[dict[str, Any]]]) -> ActorScores:
    scores = ActorScores()
    for actor in gold:
        scores.total += 1
        if actor.start is None:
            continue
        scores.located += 1
        party = best_overlap(predictions.get(actor.record_id, []), actor.start, actor.end)
        if party is None:
            scores.errors.append(f"MISSING  {actor.actor_text!r} ({actor.code}) in: {actor.text[:140]}")
            continue
        scores.found += 1
        country = predicted_country(party)
        country_ok = country == actor.country
        scores.country_right += country_ok
        scores.confusion[(actor.country, country)] += not country_ok
        sector_ok = None
        if actor.sector:
            scores.sector_total += 1
            sector_ok = party.get("sector") == actor.sector
            scores.sector_right += sector_ok
            scores.both_total += 1
            scores.both_right += bool(country_ok and sector_ok)
        if not country_ok or sector_ok is False:
            scores.errors.append(
                f"WRONG    {actor.actor_text!r} gold {actor.country}/{actor.sector} got "
                f"{party.get('text')!r} {country}/{party.get('sector')}  in: {actor.text[:120]}"
            )
    return scores


def run_pipeline(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    from eventwire.evaluate.runner import Runner
    from eventwire.ingest import make_document

    documents = [make_document(r["text"], doc_id=r["key"], published_at=r.get("date")) for r in records]
    return {result["doc_id"]: result["actors"] for result in Runner(["actors"]).results(documents)}


def score_actors(path: Path, gold_format: str = "plover-gsr", limit: int | None = None) -> ActorScores:
    """Run the actors stage over the gold sentences and score every gold actor."""
    records = load_gold(path, gold_format)[:limit] if limit else load_gold(path, gold_format)
    gold = [actor for record in records for actor in gold_actors(record)]
    return score(gold, run_pipeline(records))


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def render(scores: ActorScores, console: Console) -> None:
    table = Table(title="Actor resolution (mention level, PLOVER GSR)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    table.add_row("gold actors", str(scores.total), "")
    table.add_row("located in text", ratio(scores.located, scores.total), str(scores.located))
    table.add_row("coverage (a Party overlaps)", ratio(scores.found, scores.located), str(scores.found))
    table.add_row("country accuracy, found", ratio(scores.country_right, scores.found), str(scores.found))
    table.add_row("country accuracy, all located", ratio(scores.country_right, scores.located), str(scores.located))
    table.add_row(
        "sector agreement (gold has sector)", ratio(scores.sector_right, scores.sector_total), str(scores.sector_total)
    )
    table.add_row(
        "country+sector (gold has sector)", ratio(scores.both_right, scores.both_total), str(scores.both_total)
    )
    console.print(table)


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_format", type=click.Choice(["plover-gsr"]), default="plover-gsr", show_default=True)
@click.option("--limit", type=int, default=None, help="Score only the first N gold sentences.")
@click.option("--show-errors", type=int, default=0, help="Print up to N missed or wrong actors.")
def command(path: Path, gold_format: str, limit: int | None, show_errors: int) -> None:
    """Score actor resolution: coverage, country accuracy and sector agreement per gold actor."""
    scores = score_actors(path, gold_format, limit)
    console = Console()
    render(scores, console)
    for line in scores.errors[:show_errors]:
        click.echo(line)
