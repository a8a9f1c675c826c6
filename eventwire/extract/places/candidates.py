"""Candidate generation for disambiguation: the gazetteer entries a mention's name may denote.

Exact and alias matches first, else transliteration variants; then filters by what the NER label, the name's
shape and a "X, Y" container allow. Also holds the stage's answer type, Resolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.extract.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CONTINENT,
    COUNTRY,
    NATURAL_CODES,
    Gazetteer,
    GazetteerEntry,
)
from eventwire.extract.places.lexicon import place_lexicon
from eventwire.extract.places.toponyms import Mention, looks_like_organisation
from eventwire.extract.places.variants import name_key, skeleton, variant_rules

AREAS = frozenset({ADMIN1, ADMIN2})
BROAD = frozenset({COUNTRY, CONTINENT}) | NATURAL_CODES  # names the text needs no more support for than a country's
PERSON_REGION_MINIMUM = 500_000  # "thronged Hama" (tagged PERSON) is the region; "Nelson says" is no region
CITY_POPULATION = 100_000  # a town this big after a comma may be the next of a list rather than a container


@dataclass
class Resolution:
    mention: Mention
    entry: GazetteerEntry | None
    score: float
    how: str  # "exact", "alias", "variant", or "unresolved"


@dataclass
class Candidate:
    entry: GazetteerEntry
    how: str
    similarity: float


def candidates_for(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    """Gazetteer entries the mention's name may denote (exact/alias first, else spelling variants)."""
    keys = [name_key(mention.text), name_key(mention.lookup_text)]
    key = keys[-1]
    if not key or key in place_lexicon().stopnames and not mention.strong:
        return []
    found: list[Candidate] = []
    for key in dict.fromkeys(keys):  # the whole name first ("Cape Town"), then without "Town"/"Oblast"
        found = [Candidate(entry, "exact" if primary else "alias", 1.0) for entry, primary in gazetteer.lookup(key)]
        if found:
            break
    if _is_short_code(mention.lookup_text):
        found = [c for c in found if c.entry.feature_code in {COUNTRY, ADMIN1, CONTINENT, "PPLC"}]
    if found or not (mention.strong or mention.label in {"ORG", "NORP", "FAC"} and mention.context_cue):
        return found
    if key.split()[-1] in place_lexicon().facility_words:
        return []
    return _variant_candidates(gazetteer, key)


def _is_short_code(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _variant_candidates(gazetteer: Gazetteer, key: str) -> list[Candidate]:
    rules = variant_rules()
    skel = skeleton(key)
    if len(skel) < rules["min_skeleton_length"]:
        return []
    best: dict[int, Candidate] = {}
    for entry, alias_key in gazetteer.lookup_skeleton(skel):
        similarity = _variant_similarity(key, alias_key)
        if similarity >= rules["min_similarity"] and (entry.row not in best or best[entry.row].similarity < similarity):
            best[entry.row] = Candidate(entry, "variant", similarity)
    return list(best.values())


@lru_cache(maxsize=1 << 16)
def _variant_similarity(a: str, b: str) -> float:
    """Similarity after the transliteration substitutions (vowels kept), so g/h or kh/h do not count."""
    rules = variant_rules()

    def folded(text: str) -> str:
        text = "".join(ch for ch in text if ch.isalpha())
        for source, target in rules["substitutions"]:
            text = text.replace(source, target)
        return text.replace("y", "i").replace("j", "i")

    return SequenceMatcher(None, folded(a), folded(b)).ratio()


def filtered_candidates(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    """The candidates the mention's NER label and name shape allow (the gazetteer alone is weak evidence)."""
    if looks_like_organisation(mention) or not mention.text[:1].isupper():
        return []
    found = candidates_for(gazetteer, mention)
    lexicon = place_lexicon()
    if name_key(mention.text) in lexicon.macro_regions:
        return [c for c in found if c.entry.feature_code in BROAD]
    if name_key(mention.text) in lexicon.compass_names and not mention.kind_hint:
        return []  # "the West and Russia": a bloc or a direction, not a region called West; "the West region" is
    natural = mention.text.split()[-1].lower() in lexicon.feature_words or mention.text.split()[0].lower() == "mount"
    if natural and mention.label != "GPE":  # NER's GPE says a settlement: "Beverly Hills", "Crystal Lake"
        found = [c for c in found if c.entry.feature_code != "PPL" or c.entry.population >= 100_000]
    if mention.label in {"GPE", "LOC"} or mention.kind_hint:
        return found
    if mention.label == "LANGUAGE":
        # "in Aleppo" (mis-tagged) is a place by its own name; "speaks English" is no England (an alias)
        found = [c for c in found if c.how == "exact"]
    if mention.label == "NORP":
        # A nationality word stands for its country, continent, nation or macro-region ("Russian" -> Russia,
        # "English" -> England, "Central American" -> Central America); nothing smaller.
        return [c for c in found if c.entry.feature_code in BROAD | {ADMIN1}]
    if mention.label in {"PERSON"}:
        # spaCy often calls rare towns people ("Lashkar Gah"); a locative context lets them through.
        # Regions too need some size: "Nelson says" is no New Zealand region.
        minimum = 5000 if mention.context_cue else 1_000_000
        return [
            c
            for c in found
            if c.how != "variant"
            and (
                c.entry.feature_code == COUNTRY
                or c.entry.population >= minimum
                or (c.entry.feature_code == ADMIN1 and c.entry.population >= PERSON_REGION_MINIMUM)
            )
            and (c.entry.feature_code != ADMIN2 or mention.context_cue)
        ]
    # ORG / FAC / untagged proper nouns: the gazetteer alone is weak evidence.
    if mention.context_cue:
        return [c for c in found if c.entry.population >= 1000 or c.entry.feature_code in BROAD]
    return [
        c
        for c in found
        if c.entry.feature_code in BROAD
        or (c.entry.feature_code not in AREAS and c.entry.population >= 100_000 and c.how == "exact")
    ]


def drop_towns_outside_container(doc: Doc, mentions: list[Mention], candidates: dict[int, list[Candidate]]) -> None:
    """ "Estey's Bridge, N.B.": no town outside the countries its container can be is meant. Not for lists
    ("Saipan, Guam, Alaska"), where the next name is a sibling, not a container."""
    for mention in mentions:
        container = mention.container
        if (
            container is None
            or mention.near_container
            or id(container) not in candidates
            or _is_list_item(doc, container)
        ):
            continue
        areas = [c.entry for c in candidates[id(container)] if c.entry.feature_code in {COUNTRY, ADMIN1, ADMIN2}]
        if not areas:
            continue
        countries = {entry.country for entry in areas}
        kept = [
            c
            for c in candidates[id(mention)]
            if c.entry.feature_code not in {"PPL", "PPLC", ADMIN2} or c.entry.country in countries
        ]
        if kept or not _names_a_city(candidates[id(container)]):
            candidates[id(mention)] = kept
        # else "Real Madrid or Barcelona, Liverpool have ...": a city after a comma, in none of whose countries the
        # name has a reading, is the next of a list, not its container


def _names_a_city(candidates: list[Candidate]) -> bool:
    return any(c.entry.feature_code in {"PPL", "PPLC"} and c.entry.population >= CITY_POPULATION for c in candidates)


def _is_list_item(doc: Doc, mention: Mention) -> bool:
    """The name is followed by another list item (", X" or "and X")."""
    after = doc[mention.end : mention.end + 2]
    return len(after) == 2 and after[0].text in {",", "and", "&"} and after[1].text[:1].isupper()
