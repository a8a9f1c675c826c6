"""The dateline's place: "NAIROBI, Kenya (AP) _", "MIAMI _", "(NEW YORK) —", "By LAGOS, Nigeria, Apr 5 –",
"KUALA LUMPUR: ...".

A wire report is filed from its dateline's town: statements it reports are made there, and when the report
names no place in another country its events happen there too. Events that nothing else places take it
(source "dateline", event_location.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventwire.extract.places.gazetteer import ADMIN1, ADMIN2, haversine_km
from eventwire.extract.times.dateline import AGENCY, DATELINE_END, DATELINE_MAX_CHARS, spaced_colon_dateline
from eventwire.nlp.lines import headline_before_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

# A name opening the text or a line (capitalised: case-degenerate text comes re-cased, "Canberra, Australia (AP) _"),
# or an upper-case one after "By", then a comma, an agency, a dash or a bracket.
DATELINE_NAME = re.compile(
    r"(?:^\s*\(?|\n\s*\(?)([A-Z][\w.'&-]+(?:\s+[A-Z][\w.'&-]+){0,3})\)?(?=\s*(?:,|\(|_|--|-|—|–))"
    r"|\bBy\s+([A-Z][A-Z.'&-]+(?:\s+[A-Z][A-Z.'&-]+){0,3})(?=\s*(?:,|\(|_|--|-|—|–))"
    # after a byline on the same line: "By Jane Doe, Associated Press WASHINGTON (AP) —"
    r"|\b([A-Z][A-Z.'&-]+(?:\s+[A-Z][A-Z.'&-]+){0,3})(?=\s*" + AGENCY + ")"
)
# "KUALA LUMPUR: Malaysian authorities ordered ...": a name and a colon opening the text (Asian wire style).
COLON_DATELINE = re.compile(r"^\s*([A-Z][\w.'&-]+(?:\s+[A-Z][\w.'&-]+){0,3}):\s")
# Only the first lines hold a dateline.
DATELINE_WITHIN = 400
TOWN_OR_DIVISION = ("PPL", ADMIN1, ADMIN2)
LOCAL = ("PPL", ADMIN2)  # a town or a county/district: what a local report is about


def dateline_place(text: str, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The place the report is filed from, when its dateline names a town or a division the gazetteer knows."""
    for start, end in _dateline_names(text):
        town = _town_within(start, end, mentions)
        if town is not None:
            return town
    return None


def dateline_name_start(text: str) -> int | None:
    """Where the dateline's name starts ("BUFFALO" in "BUFFALO, N.Y. (AP) --"), if the text opens on a dateline."""
    return next((start for start, _ in _dateline_names(text)), None)


def _dateline_names(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the names that may open the text's dateline, in order: a colon's, each name a dateline's end
    follows, one after a headline."""
    colon = COLON_DATELINE.match(text)
    if colon is not None:
        yield colon.start(1), colon.end(1)  # then the others: "US: Syria Aid Efforts Hampered -LONDON —" is a headline
    spaced = spaced_colon_dateline(text)
    if spaced is not None:
        yield spaced.start(1), spaced.end(1)
    for match in DATELINE_NAME.finditer(text[:DATELINE_WITHIN]):
        group = next(k for k in (1, 2, 3) if match.group(k) is not None)
        start, end = match.start(group), match.end(group)
        if DATELINE_END.search(text[start : start + DATELINE_MAX_CHARS]) is not None:
            yield start, end
    headline = headline_before_dateline(text)
    if headline is not None:
        yield headline.start(1), headline.end(1)


def _glued_dateline(text: str) -> tuple[int, int] | None:
    """(where the headline ends, where the dateline after it ends) for a headline glued by a hyphen to its story's
    dateline on the first line ("Activist Gunned Down-PHNOM PENH — "), or None."""
    headline = headline_before_dateline(text)
    end = DATELINE_END.match(text, headline.end(1)) if headline is not None else None
    return (headline.start(1) - 1, end.end()) if end is not None else None


def glued_headline_end(text: str) -> int:
    """Where a headline glued to its story's dateline ends (at the hyphen), or 0 when the text opens with none."""
    glued = _glued_dateline(text)
    return glued[0] if glued is not None else 0


def headline_dateline_end(text: str) -> int | None:
    """Where a dateline after a headline on the first line ends, or None: what comes before it is the headline and the
    place the report was filed from, no party to the events told."""
    glued = _glued_dateline(text)
    return glued[1] if glued is not None else None


def _town_within(start: int, end: int, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The town or division the dateline's name opens with ("NAIROBI" of "NAIROBI, Kenya"); a place found only
    inside the name is a piece of a longer one ("LOUIS" of "ST. LOUIS" is no Louisville)."""
    for mention in mentions:
        place = mention.place
        inside = place.start == start and place.end <= end
        if inside and mention.resolved and not mention.is_demonym and _is_town_or_division(place.feature_code):
            return mention
    return None


def _is_town_or_division(feature_code: str | None) -> bool:
    return feature_code is not None and feature_code.startswith(TOWN_OR_DIVISION)


def report_town(doc: Doc, mentions: list[PlaceMention], lead_sentences: int, within_km: float) -> PlaceMention | None:
    """The one town (or county) a report without a dateline is about: named in its lead (first `lead_sentences`
    sentences), and every other town or county it names lies within `within_km` of it (a part, a suburb, the
    county holding it). A report that also names a town elsewhere is about more than one place: None."""
    local = [m for m in mentions if m.resolved and not m.is_demonym and is_local(m.place.feature_code)]
    if not local:
        return None
    home = min(local, key=lambda m: (not m.place.feature_code.startswith("PPL"), m.token_start))
    if home.place.role != "location" or home.place.lat is None or not in_lead(doc, home, lead_sentences):
        return None
    town = home.place
    for mention in local:
        place = mention.place
        if place.country != town.country or place.lat is None:
            return None
        if haversine_km(place.lat, place.lon, town.lat, town.lon) > within_km:
            return None
    return home


def is_local(feature_code: str | None) -> bool:
    return feature_code is not None and feature_code.startswith(LOCAL)


def in_lead(doc: Doc, mention: PlaceMention, lead_sentences: int) -> bool:
    for k, sentence in enumerate(doc.sents):
        if k >= lead_sentences:
            return False
        if mention.token_start < sentence.end:
            return True
    return False
