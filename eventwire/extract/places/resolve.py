"""Disambiguation: pick the gazetteer entry for each detected toponym.

Each candidate entry gets a score from its population and feature class (prior), then from the
document (countries and regions mentioned elsewhere), the mention's own context (descriptor kind
and nationality, "X, Y" / "X in Y" containers) and the match quality (primary name, alias, or a
transliteration variant). Two passes: the first settles the unambiguous names and gives the
document's countries; the second rescores everything with them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from spacy.tokens import Doc

from eventwire.extract.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CONTINENT,
    COUNTRY,
    Gazetteer,
    GazetteerEntry,
    haversine_km,
)
from eventwire.extract.places.lexicon import place_lexicon
from eventwire.extract.places.metonymy import is_seat_of_government
from eventwire.extract.places.toponyms import Mention, looks_like_organisation, sub_mentions
from eventwire.extract.places.variants import name_key, skeleton, variant_rules

EXACT_NAME_BONUS = 2.5  # a primary name over a historic or foreign alias ("Salisbury" the English town, not Harare)
PEER_KIND_BONUS = 4.5  # a region among regions, a country among countries, a container over a town
CONTEXT_FULL_WEIGHT = 4.0  # mentions' weight (a country counts 2) from which the context counts in full
FEATURE_PRIOR = {COUNTRY: 4.0, CONTINENT: 2.0, ADMIN1: -0.5, ADMIN2: -2.0, "PPLC": 1.5, "PPL": 0.0}
KIND_FEATURES = {
    "P": {"PPL", "PPLC"},
    "ADM1": {ADMIN1, ADMIN2},  # "Laguna province": Philippine provinces are second-level
    "ADM2": {ADMIN1, ADMIN2, "PPL", "PPLC"},
    "PCLI": {COUNTRY},
}
AREAS = frozenset({ADMIN1, ADMIN2})
CONTAINER_AGREES = 6.0  # a container bonus this high: the text's "X, Y" settled the answer
ADMIN2_RADIUS_KM = 100.0  # "Snetterton, Norfolk": a town this close to the district's point lies in it
PERSON_REGION_MINIMUM = 500_000  # "thronged Hama" (tagged PERSON) is the region; "Nelson says" is no region
DISTRICT_WORDS = frozenset({"county", "parish", "district", "province", "borough"})
PART_OF_AREA_BONUS = 2.5  # "central Washington" is the state; "central Moscow" stays the city (region_vs_city)


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


def _variant_similarity(a: str, b: str) -> float:
    """Similarity after the transliteration substitutions (vowels kept), so g/h or kh/h do not count."""
    rules = variant_rules()

    def folded(text: str) -> str:
        text = "".join(ch for ch in text if ch.isalpha())
        for source, target in rules["substitutions"]:
            text = text.replace(source, target)
        return text.replace("y", "i").replace("j", "i")

    return SequenceMatcher(None, folded(a), folded(b)).ratio()


class DocumentContext:
    """What the document as a whole says: its countries and regions, weighted by mentions."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1s: Counter[tuple[str, str]] = Counter()

    def add(self, entry: GazetteerEntry, weight: float = 1.0, region_known: bool = True) -> None:
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1 and entry.feature_code != COUNTRY and region_known:
            self.admin1s[(entry.country, entry.admin1)] += weight

    def country_share(self, country: str) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if total else 0.0

    def region_share(self, country: str, admin1: str | None) -> float:
        total = sum(self.admin1s.values())
        return self.admin1s[(country, admin1)] / total if total and admin1 else 0.0

    def evidence(self) -> float:
        """0..1: how much the document's places say (one "Queens" is thin evidence)."""
        return min(1.0, sum(self.countries.values()) / CONTEXT_FULL_WEIGHT)

    def country_weight(self, country: str) -> float:
        """The country's share, damped while the document names few places."""
        return self.country_share(country) * self.evidence()


def _descriptor_countries(gazetteer: Gazetteer, mention: Mention) -> set[str]:
    """ISO3 codes named by the descriptor ("the Russian city of X" -> RUS, "the English city of X" -> GBR)."""
    out = set()
    for word in mention.descriptor_names:
        for entry, _ in gazetteer.lookup(name_key(word)):
            if entry.feature_code in {COUNTRY, ADMIN1}:
                out.add(entry.country)
    return out


def score_candidate(
    candidate: Candidate,
    mention: Mention,
    context: DocumentContext | None,
    descriptor_countries: set[str],
    container: GazetteerEntry | None,
) -> float:
    entry = candidate.entry
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature_code, 0.0)
    score += {"exact": EXACT_NAME_BONUS, "alias": 0.0}.get(candidate.how, -2.0 + 2.0 * candidate.similarity)
    if mention.kind_hint:
        score += 3.0 if entry.feature_code in KIND_FEATURES.get(mention.kind_hint, set()) else -3.0
    if mention.part_of_area and entry.feature_code in {COUNTRY, ADMIN1, ADMIN2}:
        score += PART_OF_AREA_BONUS
    if descriptor_countries:
        score += 6.0 if entry.country in descriptor_countries else -6.0
    if container is not None:
        score += _container_bonus(entry, container)
    if context is not None and entry.feature_code != CONTINENT:
        score += 5.0 * context.country_weight(entry.country)
        if entry.feature_code == ADMIN2:
            # counties share names across states: the document's main state settles them
            score += 5.0 * context.region_share(entry.country, entry.admin1) * context.evidence()
        elif entry.admin1 and context.admin1s[(entry.country, entry.admin1)] > 0:
            score += 2.0 * context.evidence()
    return score


def _container_bonus(entry: GazetteerEntry, container: GazetteerEntry) -> float:
    if container.feature_code == ADMIN2:
        if entry.country != container.country:
            return -4.0
        near = haversine_km(entry.lat, entry.lon, container.lat, container.lon) <= ADMIN2_RADIUS_KM
        return 8.0 if near and entry.admin1 == container.admin1 else (2.0 if entry.admin1 == container.admin1 else 1.0)
    if container.feature_code == COUNTRY:
        return 6.0 if entry.country == container.country else -4.0
    if container.feature_code == ADMIN1:
        same_region = entry.country == container.country and entry.admin1 == container.admin1
        return 8.0 if same_region else (1.0 if entry.country == container.country else -4.0)
    return 0.0


def _plausible_here(
    candidate: Candidate,
    mention: Mention,
    context: DocumentContext | None,
    descriptor_countries: set[str],
    container: GazetteerEntry | None,
) -> bool:
    """Weak matches need the document's support (second pass only).

    A spelling variant must lie in a country the document mentions (or its descriptor/container says);
    a district-level name ("Morris County") is not matched to a same-named town in an unmentioned region.
    """
    if context is None:
        return True
    entry = candidate.entry
    supported = (
        context.country_share(entry.country) > 0 or entry.country in descriptor_countries or container is not None
    )
    if candidate.how == "variant" and not supported:
        return False
    if mention.kind_hint == "ADM2" and entry.feature_code not in {COUNTRY, ADMIN1, ADMIN2}:
        return container is not None or context.admin1s[(entry.country, entry.admin1)] > 1
    return True


def _region_vs_city(candidate: Candidate, candidates: list[Candidate], mention: Mention) -> float:
    """A name shared by a region and its big city means the city ("Moscow", "New York"),
    unless the text says region ("Moscow region", "the province of X")."""
    entry = candidate.entry
    if entry.feature_code not in AREAS or mention.kind_hint in {"ADM1", "ADM2"}:
        return 0.0
    # a region yields to its big city; a district ("Reading", "Cavan") to any town of its name inside it
    minimum = 100_000 if entry.feature_code == ADMIN1 else 1_000
    has_city = any(
        c.entry.feature_code in {"PPL", "PPLC"}
        and c.entry.country == entry.country
        and c.entry.admin1 == entry.admin1
        and c.entry.population >= minimum
        for c in candidates
    )
    return -3.0 if has_city else 0.0


def _peer_bonus(candidate: Candidate, candidates: list[Candidate], mention: Mention, peers: set[str] | None) -> float:
    """Bonus for the kind the neighbours point to; never where the text or the name settles it
    ("Washington, D.C." has its own container; "New York" the region shares its name with its city)."""
    if not peers or candidate.entry.feature_code not in peers or mention.container is not None:
        return 0.0
    return PEER_KIND_BONUS if _region_vs_city(candidate, candidates, mention) == 0.0 else 0.0


def resolve_mentions(gazetteer: Gazetteer, mentions: list[Mention], doc: Doc | None = None) -> list[Resolution]:
    """Resolve every mention; mentions the gazetteer cannot support are dropped (or kept unresolved
    when NER calls them GPE/LOC). Unknown multi-word names fall back to a known name inside them."""
    mentions = [m for m in mentions if not is_seat_of_government(m.text)]
    if doc is not None:
        mentions = _joined_names(gazetteer, doc, mentions)
    candidates = {id(m): _filtered_candidates(gazetteer, m) for m in mentions}
    if doc is not None:
        mentions = _with_sub_mentions(gazetteer, doc, mentions, candidates)
        _drop_towns_outside_container(doc, mentions, candidates)
    first = {id(m): _best(m, candidates[id(m)], None, gazetteer, {}) for m in mentions}
    # names with a container ("Walker County (Ga.)", "Tacoma, Washington") are settled by it already
    first.update({id(m): _best(m, candidates[id(m)], None, gazetteer, first) for m in mentions if m.container})
    context = DocumentContext()
    for mention in mentions:
        resolution = first[id(mention)]
        if resolution.entry is not None and _counts_for_context(mention, resolution, candidates[id(mention)], first):
            weight = 2.0 if resolution.entry.feature_code == COUNTRY else 1.0
            context.add(resolution.entry, weight, _region_settled(mention, resolution, candidates[id(mention)], first))
    peers = _peer_features(doc, mentions, first) if doc is not None else {}
    final = {id(m): _best(m, candidates[id(m)], context, gazetteer, first, peers.get(id(m))) for m in mentions}
    _one_sense_per_name(gazetteer, doc, mentions, final, peers)
    out = []
    for mention in mentions:
        resolution = final[id(mention)]
        if (
            resolution.entry is not None
            or mention.label in {"GPE", "LOC"}
            or _named_by_descriptor(mention)
            or (_named_facility(mention))
            or (doc is not None and _named_as_a_setting(doc, mention))
        ):
            out.append(resolution)
    return out


def _drop_towns_outside_container(doc: Doc, mentions: list[Mention], candidates: dict[int, list[Candidate]]) -> None:
    """ "Estey's Bridge, N.B.": no town outside the countries its container can be is meant. Not for lists
    ("Saipan, Guam, Alaska"), where the next name is a sibling, not a container."""
    for mention in mentions:
        container = mention.container
        if container is None or id(container) not in candidates or _is_list_item(doc, container):
            continue
        areas = [c.entry for c in candidates[id(container)] if c.entry.feature_code in {COUNTRY, ADMIN1, ADMIN2}]
        if not areas:
            continue
        countries = {entry.country for entry in areas}
        candidates[id(mention)] = [
            c
            for c in candidates[id(mention)]
            if c.entry.feature_code not in {"PPL", "PPLC", ADMIN2} or c.entry.country in countries
        ]


def _is_list_item(doc: Doc, mention: Mention) -> bool:
    """The name is followed by another list item (", X" or "and X")."""
    after = doc[mention.end : mention.end + 2]
    return len(after) == 2 and after[0].text in {",", "and", "&"} and after[1].text[:1].isupper()


def _cue_strength(mention: Mention, peers: dict[int, set[str]]) -> int:
    """2: the text says what the name is ("X County", "X, Texas", "central X", a list of states);
    1: it is used as a place ("in X"); 0: nothing around it."""
    if (
        mention.kind_hint
        or mention.container
        or mention.part_of_area
        or mention.descriptor_names
        or id(mention) in peers
    ):
        return 2
    return 1 if mention.context_cue else 0


def _one_sense_per_name(
    gazetteer: Gazetteer,
    doc: Doc | None,
    mentions: list[Mention],
    final: dict[int, Resolution],
    peers: dict[int, set[str]],
) -> None:
    """A name means one place in one article: mentions with weaker cues take the reading of the
    best-cued mention of the same name ("visit the Nelson office" after "opened in Nelson, B.C."),
    when its cues agree on one place and that place is among the weaker mention's own candidates.
    A mention left unresolved (a name NER took for a person) is taken too, unless it acts as a person."""
    best: dict[str, tuple[int, set[int]]] = {}
    for mention in mentions:
        entry = final[id(mention)].entry
        if entry is None:
            continue
        key, strength = name_key(mention.text), _cue_strength(mention, peers)
        top, rows = best.get(key, (-1, set()))
        if strength > top:
            best[key] = (strength, {entry.row})
        elif strength == top:
            rows.add(entry.row)
    for mention in mentions:
        resolution = final[id(mention)]
        strength, rows = best.get(name_key(mention.text), (-1, set()))
        if len(rows) != 1 or _cue_strength(mention, peers) >= strength or strength < 1:
            continue
        if resolution.entry is None and (doc is None or strength < 2 or _acts_as_person(doc, mention)):
            continue
        (row,) = rows
        if resolution.entry is not None and resolution.entry.row == row:
            continue
        found = next((c for c in candidates_for(gazetteer, mention) if c.entry.row == row), None)
        if found is not None:
            final[id(mention)] = Resolution(mention, found.entry, resolution.score, found.how)


def _acts_as_person(doc: Doc, mention: Mention) -> bool:
    """Not to be rescued as a place: "Nelson says", "Nelson Mandela" (the subject of a verb, a name that
    goes on), or an unresolved name NER did not take for a person (an organisation, a street)."""
    root = doc[mention.start : mention.end].root
    next_is_name = mention.end < len(doc) and doc[mention.end].text[:1].isupper()
    return root.dep_ in {"nsubj", "nsubjpass"} or next_is_name or mention.label != "PERSON"


def _joined_names(gazetteer: Gazetteer, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Rejoin one name NER split: "Trinidad" + "Tobago" -> "Trinidad and Tobago" (a country), "Baja" +
    "California" -> "Baja California", "Boa" + "Vista" -> "Boa Vista" (when the whole is a known name)."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        touching = previous is not None and previous.end == mention.start
        if touching and _is_joined_name(gazetteer, doc, previous, mention):
            out[-1] = _merged(doc, previous, mention)
            continue
        if previous is not None and _joined_by_and(doc, previous, mention):
            span = doc[previous.start : mention.end]
            if any(e.feature_code in {COUNTRY, ADMIN1} for e, primary in gazetteer.lookup(name_key(span.text))):
                out[-1] = Mention(
                    start=span.start,
                    end=span.end,
                    text=span.text,
                    start_char=span.start_char,
                    end_char=span.end_char,
                    label=previous.label,
                    lookup_text=span.text,
                    context_cue=previous.context_cue or mention.context_cue,
                    container=mention.container,
                    region_word=previous.region_word,
                )
                continue
        out.append(mention)
    return out


def _is_joined_name(gazetteer: Gazetteer, doc: Doc, first: Mention, second: Mention) -> bool:
    """Two touching candidates whose joined text is a primary gazetteer name ("Boa" + "Vista")."""
    if doc[first.end - 1].is_punct or doc[second.start].is_punct or first.container is second:
        return False
    joined = doc[first.start : second.end].text
    return any(primary for _, primary in gazetteer.lookup(name_key(joined)))


def _merged(doc: Doc, first: Mention, second: Mention) -> Mention:
    span = doc[first.start : second.end]
    strong = next((m for m in (first, second) if m.label in {"GPE", "LOC"}), second)
    return Mention(
        start=span.start,
        end=span.end,
        text=span.text,
        start_char=span.start_char,
        end_char=span.end_char,
        label=strong.label,
        lookup_text=span.text,
        kind_hint=first.kind_hint or second.kind_hint,
        descriptor_names=first.descriptor_names,
        context_cue=first.context_cue or second.context_cue,
        container=second.container,
        region_word=second.region_word,
    )


def _peer_features(doc: Doc, mentions: list[Mention], first: dict[int, Resolution]) -> dict[int, set[str]]:
    """Region/country kinds a mention's neighbours point to: the other items of its list ("California or
    Washington" -> ADM1) and, for a container, its role ("Tacoma, Washington" -> ADM1 or PCLI)."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out: dict[int, set[str]] = {}
    for mention in mentions:
        kinds: set[str] = set()
        for token in _coordinated(doc[mention.start : mention.end].root):
            peer = by_token.get(token.i)
            entry = first[id(peer)].entry if peer is not None and peer is not mention and id(peer) in first else None
            if entry is not None and entry.feature_code in {ADMIN1, ADMIN2, COUNTRY}:
                kinds.add(entry.feature_code)
        if any(other.container is mention and _is_town(first.get(id(other))) for other in mentions):
            kinds.update({ADMIN1, ADMIN2, COUNTRY})
        if kinds:
            out[id(mention)] = kinds
    return out


def _is_town(resolution: Resolution | None) -> bool:
    return resolution is not None and resolution.entry is not None and resolution.entry.feature_code in {"PPL", "PPLC"}


def _coordinated(token) -> list:
    """The other conjuncts of the list the token belongs to."""
    head = token
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    members = [head]
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj":
                members.append(child)
                stack.append(child)
    return [t for t in members if t != token]


def _joined_by_and(doc: Doc, first: Mention, second: Mention) -> bool:
    """ "X and Y" as two spans (or "X and" + "Y", as NER sometimes cuts it)."""
    if second.start == first.end + 1:
        return doc[first.end].lower_ in {"and", "&"}
    return second.start == first.end and doc[first.end - 1].lower_ in {"and", "&"}


def _with_sub_mentions(
    gazetteer: Gazetteer, doc: Doc, mentions: list[Mention], candidates: dict[int, list[Candidate]]
) -> list[Mention]:
    out = []
    for mention in mentions:
        found = [] if candidates[id(mention)] else _known_sub_mentions(gazetteer, doc, mention, candidates)
        out.extend(found or [mention])
    return out


def _known_sub_mentions(
    gazetteer: Gazetteer, doc: Doc, mention: Mention, candidates: dict[int, list[Candidate]]
) -> list[Mention]:
    """Known names inside an unknown one; never for buildings, streets or macro-regions."""
    lexicon = place_lexicon()
    words = name_key(mention.text).split()
    if not words or words[-1] in lexicon.facility_words or words[-1] in lexicon.feature_words:
        return []
    if name_key(mention.text) in lexicon.macro_regions:
        return []
    if mention.label == "PERSON" and not mention.context_cue:
        return []  # "Vladimir Putin" holds no place "Vladimir"
    found: list[Mention] = []
    pieces = sub_mentions(doc, mention)
    is_list = "," in mention.text or " and " in mention.text
    for sub in pieces:
        key = name_key(sub.text)
        if key in lexicon.stopnames or key in lexicon.macro_regions or any(_overlap(sub, f) for f in found):
            continue
        # "North Korea", "Central American", "South Africa" name other places than Korea, America, Africa;
        # so does the tail of a nationality phrase ("Latin American" is not the United States).
        before = doc[sub.start - 1] if sub.start > mention.start else None
        qualified = before is not None and (
            before.lower_ in lexicon.stopnames or (mention.label == "NORP" and before.text not in {"-", "/", ",", "&"})
        )  # "North Korea", "Latin American"; not "anti-Russian" or "the Central Bank of Malta"
        all_candidates = _filtered_candidates(gazetteer, sub)
        if mention.label in {"ORG", "FAC"}:  # "the Georgia National Guard", "a New York court": a state too
            all_candidates += [
                c
                for c in candidates_for(gazetteer, sub)
                if c.entry.feature_code == ADMIN1 and c not in all_candidates and _state_name_in_org(c, sub)
            ]
        sub_candidates = [
            c
            for c in all_candidates
            if _usable_inside_a_name(c, all_candidates, sub)
            and not (qualified and c.entry.feature_code in {COUNTRY, CONTINENT})
        ]
        if sub_candidates:
            candidates[id(sub)] = sub_candidates
            found.append(sub)
            if not is_list:
                break
    return found


def _state_name_in_org(candidate: Candidate, sub: Mention) -> bool:
    """A region inside an organisation's name by its own name ("Texas"), or by an all-caps code
    ("FrontCounter BC"), not by an abbreviation that is also a word ("La" for Louisiana)."""
    return candidate.how == "exact" or (sub.text.isupper() and len(sub.text) >= 2)


def _usable_inside_a_name(candidate: Candidate, candidates: list[Candidate], sub: Mention) -> bool:
    """A big town inside a longer unknown name; by an alias only when no town bears that name as its own:
    "Paddock Hill Bend" holds no South Bend (alias "Bend" of Bend, Oregon), "Salt + Smoke" no As Salt.
    A district named in full ("the Montgomery County Democrats") counts whatever its size."""
    if candidate.entry.feature_code in {COUNTRY, ADMIN1, CONTINENT}:
        return candidate.how != "variant"
    if candidate.entry.feature_code == ADMIN2 and candidate.how == "exact":
        return name_key(sub.text).split()[-1] in DISTRICT_WORDS or candidate.entry.population >= 100_000
    if candidate.how == "alias":
        return candidate.entry.population >= 100_000 and not any(
            c.how == "exact" and c.entry.feature_code in {"PPL", "PPLC"} for c in candidates
        )
    return candidate.how == "exact" and candidate.entry.population >= 100_000


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _named_by_descriptor(mention: Mention) -> bool:
    """ "the village of Sharifah": a place even when the gazetteer does not know it."""
    return mention.kind_hint is not None and mention.text[:1].isupper() and not looks_like_organisation(mention)


SETTING_PREPS = frozenset({"in", "at", "near", "outside", "inside"})


def _named_as_a_setting(doc: Doc, mention: Mention) -> bool:
    """ "were killed in Kafr Nabuda", "bombed camps near Serzhen Yurt": an unknown capitalised name hanging
    from a locative preposition on a verb is a place even when NER calls it a person."""
    if mention.label not in {"PERSON", "PROPN"} or looks_like_organisation(mention):
        return False
    span = doc[mention.start : mention.end]
    root = span.root
    if not all(token.text[:1].isupper() for token in span if token.is_alpha and not token.is_lower):
        return False
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in SETTING_PREPS
        and root.head.head.pos_ in {"VERB", "AUX"}
        and name_key(mention.text) not in place_lexicon().stopnames
    )


def _named_facility(mention: Mention) -> bool:
    """ "at the Bardo Museum", "near al-Yarmouk Hospital", "the Kissufim crossing": a named site."""
    lexicon = place_lexicon()
    if mention.site_noun and mention.text[:1].isupper() and name_key(mention.text) not in lexicon.stopnames:
        return True
    return (
        mention.label in {"FAC", "ORG"}
        and mention.context_cue
        and mention.text.split()[-1].lower() in lexicon.facility_words
    )


def _filtered_candidates(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    if looks_like_organisation(mention) or not mention.text[:1].isupper():
        return []
    found = candidates_for(gazetteer, mention)
    lexicon = place_lexicon()
    if name_key(mention.text) in lexicon.macro_regions:
        return [c for c in found if c.entry.feature_code in {COUNTRY, CONTINENT}]
    natural = mention.text.split()[-1].lower() in lexicon.feature_words or mention.text.split()[0].lower() == "mount"
    if natural and mention.label != "GPE":  # NER's GPE says a settlement: "Beverly Hills", "Crystal Lake"
        found = [c for c in found if c.entry.feature_code != "PPL" or c.entry.population >= 100_000]
    if mention.label in {"GPE", "LOC"} or mention.kind_hint:
        return found
    if mention.label == "LANGUAGE":
        # "in Aleppo" (mis-tagged) is a place by its own name; "speaks English" is no England (an alias)
        found = [c for c in found if c.how == "exact"]
    if mention.label == "NORP":
        # A nationality word stands for its country, continent or nation ("Russian" -> Russia, "English" ->
        # England); nothing smaller.
        return [c for c in found if c.entry.feature_code in {COUNTRY, CONTINENT, ADMIN1}]
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
        return [c for c in found if c.entry.population >= 1000 or c.entry.feature_code in {COUNTRY, CONTINENT}]
    return [
        c
        for c in found
        if c.entry.feature_code in {COUNTRY, CONTINENT}
        or (c.entry.feature_code not in AREAS and c.entry.population >= 100_000 and c.how == "exact")
    ]


def _counts_for_context(
    mention: Mention, resolution: Resolution, candidates: list[Candidate], first: dict[int, Resolution]
) -> bool:
    """Only confident first-pass answers shape the document context."""
    if resolution.entry.feature_code in {COUNTRY, ADMIN1} or _inside_its_container(mention, resolution, first):
        return True
    if resolution.entry.feature_code == ADMIN2:  # "Pike County": one of many, unless its state is clear
        return len({(c.entry.country, c.entry.admin1) for c in candidates}) == 1
    return len({c.entry.country for c in candidates}) == 1 or resolution.entry.population >= 500_000


def _region_settled(
    mention: Mention, resolution: Resolution, candidates: list[Candidate], first: dict[int, Resolution]
) -> bool:
    """Whether the answer's first-level region is sure too: one "Riverdale" among many in the US says
    the country, not the state."""
    if resolution.entry.feature_code in {COUNTRY, ADMIN1} or _inside_its_container(mention, resolution, first):
        return True
    regions = {(c.entry.country, c.entry.admin1) for c in candidates}
    return len(regions) == 1 or resolution.entry.population >= 500_000


def _inside_its_container(mention: Mention, resolution: Resolution, first: dict[int, Resolution]) -> bool:
    """The text's container agrees with the answer (same country; same region when it names one)."""
    container = first.get(id(mention.container)) if mention.container is not None else None
    if container is None or container.entry is None:
        return False
    return _container_bonus(resolution.entry, container.entry) >= CONTAINER_AGREES


def _best(
    mention: Mention,
    candidates: list[Candidate],
    context: DocumentContext | None,
    gazetteer: Gazetteer,
    first_pass: dict[int, Resolution],
    peer_features: set[str] | None = None,
) -> Resolution:
    if not candidates:
        return Resolution(mention, None, 0.0, "unresolved")
    descriptor_countries = _descriptor_countries(gazetteer, mention)
    container = None
    if mention.container is not None:
        container_resolution = first_pass.get(id(mention.container))
        container = container_resolution.entry if container_resolution else None
    candidates = [c for c in candidates if _plausible_here(c, mention, context, descriptor_countries, container)]
    if not candidates:
        return Resolution(mention, None, 0.0, "unresolved")
    scored = [
        (
            score_candidate(c, mention, context, descriptor_countries, container)
            + _region_vs_city(c, candidates, mention)
            + _peer_bonus(c, candidates, mention, peer_features),
            c,
        )
        for c in candidates
    ]
    score, best = max(scored, key=lambda pair: (pair[0], pair[1].entry.population))
    return Resolution(mention, best.entry, score, best.how)
