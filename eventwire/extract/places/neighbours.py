"""What the other mentions of an article say about a mention, for disambiguation.

Before the final pass: the region/country kind its list peers and the towns it contains point to (a score
bonus). After it: one sense per name, the best-cued mention of a name lending its reading to weaker ones.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.extract.places.candidates import Resolution, candidates_for
from eventwire.extract.places.gazetteer import ADMIN1, ADMIN2, COUNTRY, Gazetteer
from eventwire.extract.places.toponyms import Mention
from eventwire.extract.places.variants import name_key


def peer_features(doc: Doc, mentions: list[Mention], first: dict[int, Resolution]) -> dict[int, set[str]]:
    """Region/country kinds a mention's neighbours point to: the other items of its list ("California or
    Washington" -> ADM1) and, for a container, its role ("Tacoma, Washington" -> ADM1 or PCLI)."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    town_containers = {id(m.container) for m in mentions if m.container is not None and _is_town(first.get(id(m)))}
    out: dict[int, set[str]] = {}
    for mention in mentions:
        kinds: set[str] = set()
        for token in _coordinated(doc[mention.start : mention.end].root):
            peer = by_token.get(token.i)
            entry = first[id(peer)].entry if peer is not None and peer is not mention and id(peer) in first else None
            if entry is not None and entry.feature_code in {ADMIN1, ADMIN2, COUNTRY}:
                kinds.add(entry.feature_code)
        if id(mention) in town_containers:
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


def one_sense_per_name(
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
