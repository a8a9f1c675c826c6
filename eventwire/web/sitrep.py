"""Situation report: a country's events over a period, grouped by type and place, with counts
and a citation of the sentence each line rests on. Markdown for text, HTML for printing.

Article text is untrusted: the HTML escapes it and isolates its direction (<bdi>), the
Markdown escapes its markup characters, so neither can carry a script or a link.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.store.base import EventFilters
from eventwire.web.queries import EventQuery, Run, list_events

MAX_EVENTS = 5000
LINES_PER_PLACE = 25


@dataclass(frozen=True)
class SitrepParams:
    country: str
    since: date | None = None
    until: date | None = None

    @property
    def period(self) -> str:
        return f"{self.since or 'start'} to {self.until or 'now'}"


def _party(row: dict, role: str) -> str | None:
    return row[f"{role}_name"] or row[f"{role}_text"] or row[f"{role}_country"]


def _line(row: dict, citation: int) -> dict[str, Any]:
    return {
        "key": row["key"],
        "date": row["date_value"] or (f"published {row['published_at']}" if row["published_at"] else None),
        "date_precision": row["date_precision"],
        "actor": _party(row, "actor"),
        "recipient": _party(row, "recipient"),
        "dead": row["dead_best"],
        "injured": row["injured_best"],
        "status": row["status"],
        "sentence": row["evidence_sentence"],
        "citation": citation,
    }


def build(run: Run, params: SitrepParams) -> dict[str, Any]:
    """The report as plain data: totals, groups (type -> place -> lines) and citations."""
    query = EventQuery(base=EventFilters(country=params.country, since=params.since, until=params.until))
    page = list_events(run, query, sort="date", limit=MAX_EVENTS)
    rows = page["events"]
    citations: list[dict[str, Any]] = []
    groups: dict[str, dict[str, list[dict]]] = {}
    for row in rows:
        citations.append(
            {
                "number": len(citations) + 1,
                "title": row["title"],
                "source": row["source"],
                "url": row["url"],
                "published_at": row["published_at"],
                "doc_id": row["doc_id"],
                "start": row["evidence_start"],
                "end": row["evidence_end"],
            }
        )
        place = row["location_name"] or "place not named"
        groups.setdefault(row["type"], {}).setdefault(place, []).append(_line(row, len(citations)))
    ordered = sorted(groups.items(), key=lambda item: (-sum(len(lines) for lines in item[1].values()), item[0]))
    return {
        "country": params.country,
        "since": params.since,
        "until": params.until,
        "period": params.period,
        "events": len(rows),
        "total_matching": page["total"],
        "documents": len({row["content_id"] for row in rows}),
        "dead": sum(row["dead_best"] or 0 for row in rows),
        "injured": sum(row["injured_best"] or 0 for row in rows),
        "groups": [
            {
                "type": kind,
                "n": sum(len(lines) for lines in places.values()),
                "places": [
                    {"place": place, "n": len(lines), "lines": lines[:LINES_PER_PLACE]}
                    for place, lines in sorted(places.items(), key=lambda item: (-len(item[1]), item[0]))
                ],
            }
            for kind, places in ordered
        ],
        "citations": citations,
    }


def _outcome(line: dict) -> str:
    parts = [f"{line['dead']} dead" if line["dead"] else "", f"{line['injured']} injured" if line["injured"] else ""]
    return ", ".join(part for part in parts if part)


def _facts(line: dict) -> list[str]:
    return [part for part in (line["date"], _who(line), _outcome(line), line["status"]) if part]


def _who(line: dict) -> str:
    if line["actor"] and line["recipient"]:
        return f"{line['actor']} → {line['recipient']}"
    return line["actor"] or (f"→ {line['recipient']}" if line["recipient"] else "")


BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: Any) -> str:
    """Bidirectional controls shown as their code point: an override cannot disguise text."""
    return BIDI_CONTROLS.sub(lambda match: f"⟨U+{ord(match.group()):04X}⟩", str(text))


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()#|!{}])")


def md(text: Any) -> str:
    """Untrusted text made inert in Markdown: markup characters escaped, HTML as entities, one line."""
    escaped = html.escape(" ".join(visible(text).split()), quote=False)
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def to_markdown(report: dict) -> str:
    lines = [
        f"# Situation report: {md(report['country'])}, {md(report['period'])}",
        "",
        f"{report['events']} events in {report['documents']} documents; "
        f"{report['dead']} reported dead, {report['injured']} injured (best estimates).",
    ]
    for group in report["groups"]:
        lines += ["", f"## {md(group['type'])} ({group['n']})"]
        for place in group["places"]:
            lines += ["", f"### {md(place['place'])} ({place['n']})", ""]
            for line in place["lines"]:
                facts = " · ".join(md(part) for part in _facts(line))
                lines.append(f"- {facts}: “{md(line['sentence'] or '')}” \\[{line['citation']}\\]")
    if report["citations"]:
        lines += ["", "## Sources", ""]
        for cite in report["citations"]:
            where = ", ".join(md(part) for part in (cite["title"], cite["source"], cite["published_at"]) if part)
            span = f"characters {cite['start']}–{cite['end']}"
            lines.append(f"{cite['number']}. {where}; document {md(cite['doc_id'])}, {span}")
    return "\n".join(lines) + "\n"


def h(text: Any) -> str:
    """Untrusted text as HTML: escaped, its writing direction isolated from the page's."""
    return f"<bdi>{html.escape(visible(text))}</bdi>"


def to_html(report: dict) -> str:
    title = f"Situation report: {html.escape(report['country'])}, {html.escape(report['period'])}"
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        '<link rel="stylesheet" href="/static/sitrep.css">',
        "</head><body>",
        f"<h1>{title}</h1>",
        f"<p class=summary>{report['events']} events in {report['documents']} documents; "
        f"{report['dead']} reported dead, {report['injured']} injured (best estimates).</p>",
    ]
    if not report["groups"]:
        out.append("<p>No events for this country and period.</p>")
    for group in report["groups"]:
        out.append(f"<section><h2>{h(group['type'])} <span class=n>({group['n']})</span></h2>")
        for place in group["places"]:
            out.append(f"<h3>{h(place['place'])} <span class=n>({place['n']})</span></h3><ul>")
            for line in place["lines"]:
                facts = " · ".join(h(part) for part in _facts(line))
                out.append(
                    f"<li>{facts}: <q>{h(line['sentence'] or '')}</q> "
                    f'<a class=cite href="#cite-{line["citation"]}">[{line["citation"]}]</a></li>'
                )
            out.append("</ul>")
        out.append("</section>")
    if report["citations"]:
        out.append("<h2>Sources</h2><ol class=sources>")
        for cite in report["citations"]:
            where = ", ".join(h(part) for part in (cite["title"], cite["source"], cite["published_at"]) if part)
            out.append(
                f'<li id="cite-{cite["number"]}">{where}; document {h(cite["doc_id"])}, '
                f"characters {cite['start']}–{cite['end']}</li>"
            )
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out)
