"""`eventwire evaluate places`: geoparsing (GeoWebNews) and event location (Halterman 2019).

    eventwire evaluate places --gold geowebnews ../shared/data/dev/geowebnews
    eventwire evaluate places --gold event-location ../shared/data/dev/event-location --limit 2000

Both run the real pipeline components over the gold texts and score the extract output:
- geowebnews: gold = GWN.xml toponyms with coordinates (all annotation types, as in gwn_full.txt).
  Detection P/R/F1 by span overlap (predicted places of both roles); each gold toponym is paired
  with the predicted place overlapping it; accuracy within 161 km (the right GeoNames id counts as
  0 km) over the paired toponyms and over all gold; exact match (id, or within 5 km); correct country
  (gold country = the country of the gazetteer town nearest the gold point); median error.
- event-location: one document per labelled sentence. The gold marks the place of the event told by
  its VERB span, so the event whose trigger overlaps the gold verb is scored; when the coder has none
  there, one is made at the gold verb ("gold-verb events made"), so the location choice is what is
  measured (--coder-events: make one only when the coder found no event, else score its first event).
  Figures are also printed per `source`: Masdar_RA left 89 % of its items without a location, even
  for plain "killed in X" sentences, while RELABEL is the re-checked gold-standard subset. Right when
  its location span overlaps a gold LOCATION span; "no location" is right when the gold has none.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventwire.evaluate.gold import GoldArticle, GoldToponym, LocatedSentence, read_event_location, read_geowebnews
from eventwire.evaluate.metrics import f1, overlaps, prf_counts, ratio
from eventwire.evaluate.runner import Insert, Runner
from eventwire.model import Document, Event, Evidence, Span

KM_161 = 161.0
GOLD_VERB_COMPONENT = "gold_verb_events"


def evaluate_geowebnews(
    path: Path, limit: int | None = None, full: bool = False, half: str | None = None
) -> dict[str, float]:
    """Run the places stage (`full`: every component) over the GeoWebNews articles and score them.

    `half`: "even" scores the articles at even positions of GWN.xml (the tuning half), "odd" the others (held out)."""
    articles = geowebnews_half(read_geowebnews(path), half)[:limit]
    documents = [Document(id=a.doc_id, text=a.text) for a in articles]
    return score_geowebnews(articles, Runner(None if full else ["actors", "places"]).results(documents))


def geowebnews_half(articles: list[GoldArticle], half: str | None) -> list[GoldArticle]:
    """The articles at even (tuning) or odd (held-out) positions of GWN.xml; all of them when `half` is None."""
    if half is None:
        return articles
    return articles[{"even": 0, "odd": 1}[half] :: 2]


def score_geowebnews(articles: list[GoldArticle], results: list[dict]) -> dict[str, float]:
    from eventwire.extract.places.gazetteer import haversine_km, load_gazetteer

    gold_countries = _gold_countries([t for a in articles for t in a.toponyms])
    iso2_to_iso3 = {entry.country_code: entry.country for entry in load_gazetteer().iter_countries()}
    n_pred = matched_pred = n_gold = matched_gold = 0
    errors: list[float] = []
    country_right = exact = 0
    for article, result in zip(articles, results, strict=True):
        places = result["places"]
        n_pred += len(places)
        matched_pred += sum(
            any(overlaps(p["start"], p["end"], t.start, t.end) for t in article.toponyms) for p in places
        )
        for toponym in article.toponyms:
            n_gold += 1
            paired = [p for p in places if overlaps(p["start"], p["end"], toponym.start, toponym.end)]
            if not paired:
                continue
            matched_gold += 1
            place = paired[0]
            if place["lat"] is None:
                errors.append(20000.0)
                continue
            same_id = toponym.geonameid is not None and place["geonameid"] == toponym.geonameid
            error = 0.0 if same_id else haversine_km(toponym.lat, toponym.lon, place["lat"], place["lon"])
            errors.append(error)
            exact += same_id or error <= 5.0
            gold_country = iso2_to_iso3.get(gold_countries[(toponym.lat, toponym.lon)])
            country_right += same_id or place["country"] == gold_country
    precision, recall = ratio(matched_pred, n_pred), ratio(matched_gold, n_gold)
    within = sum(error <= KM_161 for error in errors)
    return {
        "gold toponyms": n_gold,
        "predicted places": n_pred,
        "detection precision": precision,
        "detection recall": recall,
        "detection F1": f1(precision, recall),
        "paired toponyms": len(errors),
        "accuracy@161km (paired)": within / len(errors) if errors else 0.0,
        "accuracy@161km (all gold)": within / n_gold if n_gold else 0.0,
        "exact match (paired)": exact / len(errors) if errors else 0.0,
        "correct country (paired)": country_right / len(errors) if errors else 0.0,
        "median error km (paired)": statistics.median(errors) if errors else 0.0,
        "mean error km (paired)": statistics.fmean(errors) if errors else 0.0,
    }


def _gold_countries(toponyms: list[GoldToponym]) -> dict[tuple[float, float], str]:
    """ISO2 of the gazetteer town nearest each gold point (reverse_geocoder's table)."""
    import reverse_geocoder

    points = sorted({(t.lat, t.lon) for t in toponyms})
    if not points:
        return {}
    found = reverse_geocoder.search(points, mode=1, verbose=False)
    return {point: row["cc"] for point, row in zip(points, found, strict=True)}


# ---------------------------------------------------------------- event location


def gold_verb_event(ctx, verb: tuple[int, int], at_gold_verb: bool = False) -> bool:
    """Make sure an event stands on the gold verb; True when one had to be made.

    By default (DESIGN.md) an event is made only when the coder found none, else its first event is scored;
    with `at_gold_verb`, one is made whenever no coded event overlaps the verb (the location choice alone)."""
    if any(overlaps(e.trigger.start, e.trigger.end, *verb) for e in ctx.result.events):
        return False
    if ctx.result.events and not at_gold_verb:
        return False
    span = ctx.doc.char_span(verb[0], verb[1], alignment_mode="expand")
    sentence = span.sent if span is not None else ctx.doc[:]
    ctx.result.events.append(
        Event(
            id="gold-verb",
            type="UNKNOWN",
            trigger=Span(ctx.document.text[verb[0] : verb[1]], verb[0], verb[1]),
            evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char),
        )
    )
    return True


class GoldVerbEvents:
    """Pipeline component, run before `event_locations`: an event at each document's gold verb (`gold_verb_event`)."""

    def __init__(self, golds: list[LocatedSentence], at_gold_verb: bool) -> None:
        self.verbs = {gold.doc_id: gold.verb for gold in golds}
        self.at_gold_verb = at_gold_verb
        self.made = 0

    def __call__(self, ctx) -> None:
        self.made += gold_verb_event(ctx, self.verbs[ctx.document.id], self.at_gold_verb)


def scored_event(events: list[dict], verb: tuple[int, int]) -> dict | None:
    """The event standing on the gold verb, else the first event."""
    event = next((e for e in events if overlaps(e["trigger"]["start"], e["trigger"]["end"], *verb)), None)
    return event or (events[0] if events else None)


def score_event_location(
    golds: list[LocatedSentence], components: list[str] | None, at_gold_verb: bool = True
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Overall figures and the same figures per `source` (annotation batch)."""
    gold_verbs = GoldVerbEvents(golds, at_gold_verb)
    at_verbs = Insert(
        GOLD_VERB_COMPONENT,
        gold_verbs,
        before="event_locations",
        requires=("result.events",),
        assigns=("result.events",),
    )
    runner = Runner(components, insert=[at_verbs], batch_size=64)
    documents = [Document(id=g.doc_id, text=g.text) for g in golds]
    overall = _ChoiceCounts()
    by_source: dict[str, _ChoiceCounts] = {}
    for gold, result in zip(golds, runner.process(documents), strict=True):
        location = (scored_event(result.to_dict()["events"], gold.verb) or {}).get("location")
        for counts in (overall, by_source.setdefault(gold.source or "?", _ChoiceCounts())):
            counts.add(gold, location)
    figures = {"sentences": len(golds), "gold-verb events made": gold_verbs.made, **overall.figures()}
    return figures, {source: counts.figures() for source, counts in sorted(by_source.items())}


@dataclass
class _ChoiceCounts:
    sentences: int = 0
    with_gold: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    right: int = 0

    def add(self, gold: LocatedSentence, location: dict | None) -> None:
        hit = location is not None and any(overlaps(location["start"], location["end"], *g) for g in gold.locations)
        self.sentences += 1
        self.with_gold += bool(gold.locations)
        self.true_pos += hit
        self.false_pos += location is not None and not hit
        self.false_neg += bool(gold.locations) and not hit
        self.right += hit or (location is None and not gold.locations)

    def figures(self) -> dict[str, float]:
        precision, recall, f1_ = prf_counts(self.true_pos, self.false_pos, self.false_neg)
        return {
            "with a gold location": self.with_gold,
            "precision": precision,
            "recall": recall,
            "F1": f1_,
            "accuracy (incl. no location)": ratio(self.right, self.sentences),
        }


def _print_by_source(by_source: dict[str, dict[str, float]], sizes: dict[str, int]) -> None:
    table = Table(title="event location by source (annotation batch)")
    for column in ("source", "sentences", "with gold", "P", "R", "F1", "accuracy"):
        table.add_column(column, justify="left" if column == "source" else "right")
    for source, figures in by_source.items():
        table.add_row(
            source,
            str(sizes[source]),
            str(figures["with a gold location"]),
            *(f"{figures[k]:.3f}" for k in ("precision", "recall", "F1", "accuracy (incl. no location)")),
        )
    Console().print(table)


def _print_table(title: str, figures: dict[str, float]) -> None:
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console().print(table)


@click.command()
@click.option("--gold", "gold_kind", type=click.Choice(["geowebnews", "event-location"]), required=True)
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N documents/sentences.")
@click.option(
    "--half",
    type=click.Choice(["even", "odd"]),
    default=None,
    help="geowebnews only: score the articles at even positions of GWN.xml (tuning half) or odd ones (held out).",
)
@click.option("--full", is_flag=True, help="Run every pipeline component, not only those places needs.")
@click.option(
    "--source", default=None, help="event-location only: score one `source` (e.g. RELABEL, the re-checked subset)."
)
@click.option(
    "--coder-events",
    is_flag=True,
    help="event-location only: score the coder's first event when none stands on the gold verb "
    "(default: an event is made at the gold verb, so only the location choice is measured).",
)
def command(
    gold_kind: str,
    path: Path,
    limit: int | None,
    full: bool,
    coder_events: bool,
    source: str | None,
    half: str | None,
) -> None:
    """Score geoparsing (GeoWebNews) or event location (Halterman 2019) against gold data."""
    started = time.perf_counter()
    if gold_kind == "geowebnews":
        figures = evaluate_geowebnews(path, limit, full, half)
    else:
        golds = [g for g in read_event_location(path) if source is None or g.source == source][:limit]
        components = None if full else ["actors", "places", "events", "event_locations"]
        figures, by_source = score_event_location(golds, components, at_gold_verb=not coder_events)
        sizes = {name: sum((g.source or "?") == name for g in golds) for name in by_source}
    figures["seconds"] = time.perf_counter() - started
    _print_table(f"places: {gold_kind} ({path})", figures)
    if gold_kind != "geowebnews":
        _print_by_source(by_source, sizes)
        Console().print(
            "The event-location model was fitted on this data (every source but Masdar_RA), so these figures are "
            "in-sample; held-out figures: python training/fit_event_location.py PATH"
        )
