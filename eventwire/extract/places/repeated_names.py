"""One reading per name in an article, carried to the mentions detection missed.

A name the article once uses as a place ("in Samos", "Beverly Hills, Calif.") names the same place where NER or the
context gave no support: "the Samos hotspot", "Samos’s economy", "the Beverly Hills Police Department", "Nelson
residents". Every other occurrence of the same characters, on token boundaries, takes that reading; not inside a
longer person's name ("George Washington" after "Washington, D.C."), and never a name that is a word of a person's
name in the article ("Kelly" after "John Kelly") or ends a longer name in it ("Conor McGregor", "Manchester City"),
nor where NER calls it alone a person or an organisation and it modifies no noun ("Noma said", "the Centre asked").
Only readings the text supports (NER's GPE/LOC, a descriptor, a container; not a bare "in X": "a stake in Nashua")
by the name itself (a town by its primary name, a country or region also by an alias: "U.S."; a town's alias such as
"Allah" or "Tavern" is too often a word of its own) are carried, no nationality words ("French" may be a language),
and no name that begins a company's ("Nashua Corp.").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from eventwire.extract.places.gazetteer import ADMIN1, COUNTRY
from eventwire.extract.places.lexicon import place_data
from eventwire.nlp.columns import column
from eventwire.nlp.parse import text_of

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

MIN_NAME_LENGTH = 3
ABBREVIATED_FEATURES = {COUNTRY, ADMIN1}
MODIFIER_DEPS = {"compound", "poss", "nmod", "amod"}
COMPANY_WORDS = place_data("descriptors.yaml").words("company_words")


def repeated_mentions(doc: Doc, found: list[PlaceMention], carried: list[PlaceMention]) -> list[PlaceMention]:
    """Copies of the `carried` mentions at each other occurrence of their text that no mention in `found` covers."""
    taken = [(m.place.start, m.place.end) for m in found]
    surnames = person_name_words(doc)
    added: list[PlaceMention] = []
    companies = _company_names(doc)
    doc_text = text_of(doc)
    for text, source in _one_per_text(carried).items():
        if text in surnames or any(name.startswith(text) for name in companies):
            continue  # "Kelly": a person of the article; "Nashua" of "Nashua Corp.": a company's name
        # "IMMOKALEE –" opening the report names the Immokalee of its text
        pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE if text.isupper() else 0)
        spans = [doc.char_span(*match.span()) for match in pattern.finditer(doc_text) if match.group()[:1].isupper()]
        if any(span is not None and _ends_a_longer_name(span) for span in spans):
            continue  # "Conor McGregor", "Manchester City": the name ends another's name somewhere
        for span in spans:
            if span is None:
                continue
            start, end = span.start_char, span.end_char
            if any(start < e and s < end for s, e in taken) or _inside_a_person(span) or _acts_as_a_party(span):
                continue
            taken.append((start, end))
            place = replace(source.place, text=doc_text[start:end], start=start, end=end, mismatch=None)
            added.append(replace(source, place=place, token_start=span.start, token_end=span.end, label="PROPN"))
    return added


def abbreviated_mentions(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "South Africans ... chiefs in post-apartheid SA", "Western Australia ... wastewater in WA": an upper-case word
    spelling the initials of a country or first-level region of two words or more that the article names, names it
    (unless two of its places share those initials)."""
    sources: dict[str, PlaceMention | None] = {}
    for mention in found:
        place = mention.place
        words = (place.name or "").split()
        if place.feature_code in ABBREVIATED_FEATURES and len(words) >= 2 and all(w[:1].isupper() for w in words):
            initials = "".join(word[0] for word in words)
            known = sources.get(initials, mention)
            sources[initials] = mention if known is None or known.place.name == place.name else None
    if all(source is None for source in sources.values()):
        return []
    taken = [(m.token_start, m.token_end) for m in found if m.resolved]
    added = []
    for i, word in enumerate(column(doc, "text")):
        source = sources.get(word)
        if source is None or any(start <= i < end for start, end in taken):
            continue
        token = doc[i]
        place = replace(source.place, text=token.text, start=token.idx, end=token.idx + len(token), mismatch=None)
        added.append(
            replace(source, place=place, token_start=token.i, token_end=token.i + 1, label="PROPN", is_demonym=False)
        )
    return added


def _one_per_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    """The reading of each name, when all its mentions agree on one place."""
    readings: dict[str, set] = {}
    first: dict[str, PlaceMention] = {}
    for mention in mentions:
        text = mention.place.text
        readings.setdefault(text, set()).add((mention.place.geonameid, mention.place.lat, mention.place.lon))
        first.setdefault(text, mention)
    return {
        text: mention
        for text, mention in first.items()
        if len(readings[text]) == 1 and len(text) >= MIN_NAME_LENGTH and text[:1].isupper()
    }


def person_name_words(doc: Doc) -> set[str]:
    """The words of the article's people with a name of two words or more ("John Kelly" -> "Kelly")."""
    words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(token.text for token in ent if token.text[:1].isupper())
            words.add(ent[1:].text)
    return words


def _company_names(doc: Doc) -> list[str]:
    """Names of the article's companies, by NER's organisations ending in a company word ("Nashua Corp.")."""
    return [
        ent.text.removeprefix("the ").removeprefix("The ")
        for ent in doc.ents
        if ent.label_ == "ORG" and ent[-1].lower_.strip(".") in COMPANY_WORDS
    ]


def _ends_a_longer_name(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].pos_ == "PROPN"


def _acts_as_a_party(span: Span) -> bool:
    """NER calls the name alone a person or an organisation, and it is no modifier of a noun: "Noma said", "the
    Centre asked the court" (not "the Samos hotspot", "Samos’s economy")."""
    if span.root.dep_ in MODIFIER_DEPS:
        return False
    return any(
        ent.label_ in {"PERSON", "ORG"} and ent.end == span.end and ent.start <= span.start <= ent.start + 1
        for ent in span.doc.ents
    )


def _inside_a_person(span: Span) -> bool:
    """Part of a longer person's name ("George Washington")."""
    return any(
        ent.label_ == "PERSON" and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
        for ent in span.doc.ents
    )
