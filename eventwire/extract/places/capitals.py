"""Capitals named by a nationality word: "in the Iraqi capital" is Baghdad, for event location.

Wire reports name a capital this way as often as by its name. The phrase (nationality word + "capital") becomes
a place mention of the country's capital for the event locator only (`place_mentions` and `places` are left as
they are); when the text names the capital as well ("the Iraqi capital, Baghdad") that name is the place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.extract.places.attachment import governing_prep
from eventwire.extract.places.gazetteer import COUNTRY, Gazetteer
from eventwire.model import Place
from eventwire.nlp.parse import text_of

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

CAPITAL_NOUN = "capital"
NAME_WITHIN = 3  # tokens after "capital" where a name in apposition starts ("the Iraqi capital, Baghdad")


def capital_mentions(
    doc: Doc, mentions: list[PlaceMention], gazetteer: Gazetteer, locative: set[str]
) -> list[PlaceMention]:
    """One mention of the capital for each "<nationality> capital" in a locative phrase ("in", "outside": the
    `locative` prepositions; not "a plan for the Ethiopian capital") not followed by the capital's own name."""
    starts = {m.token_start for m in mentions}
    found = []
    for mention in mentions:
        noun = mention.token_end
        if not (mention.is_demonym and mention.place.feature_code == COUNTRY and noun < len(doc)):
            continue
        if doc[noun].lower_ != CAPITAL_NOUN or any(noun < start <= noun + NAME_WITHIN for start in starts):
            continue
        prep, _ = governing_prep(doc[noun])
        if prep is None or prep.lower_ not in locative:
            continue
        capital = gazetteer.capital(mention.place.country) if mention.place.country else None
        if capital is None:
            continue
        start, end = mention.place.start, doc[noun].idx + len(doc[noun])
        place = Place(
            text=text_of(doc)[start:end],
            start=start,
            end=end,
            geonameid=capital.geonameid,
            name=capital.name,
            lat=capital.lat,
            lon=capital.lon,
            country=capital.country,
            admin1=capital.admin1,
            feature_code=capital.feature_code,
            confidence=mention.place.confidence,
        )
        found.append(replace(mention, place=place, token_end=noun + 1, label="GPE", is_demonym=False))
    return found
