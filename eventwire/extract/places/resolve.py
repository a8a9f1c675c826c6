"""Disambiguation: pick the gazetteer entry for each detected toponym.

Each candidate entry gets a score from its population and feature class (prior), then from the
document (countries and regions mentioned elsewhere), the mention's own context (descriptor kind
and nationality, "X, Y" / "X in Y" containers) and the match quality (primary name, alias, or a
transliteration variant). Two passes: the first settles the unambiguous names and gives the
document's countries; the second rescores everything with them.

This module runs the stage; its parts live beside it: candidates.py (which entries a name may denote),
mention_merging.py (names NER split), inner_names.py (known names inside unknown ones), scoring.py (the
score terms and the pick), document_context.py (the countries and regions an article supports) and
neighbours.py (list peers, containers, one sense per name).
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.extract.places.candidates import (
    Resolution,
    drop_towns_outside_container,
    filtered_candidates,
)
from eventwire.extract.places.document_context import gather_context
from eventwire.extract.places.gazetteer import Gazetteer
from eventwire.extract.places.inner_names import with_sub_mentions
from eventwire.extract.places.lexicon import is_seat_of_government, place_lexicon
from eventwire.extract.places.mention_merging import joined_names
from eventwire.extract.places.neighbours import one_sense_per_name, peer_features
from eventwire.extract.places.scoring import best_resolution, is_town
from eventwire.extract.places.toponyms import Mention, after_site_preposition, looks_like_organisation
from eventwire.extract.places.variants import name_key
from eventwire.knowledge import function_words

__all__ = ["Resolution", "resolve_mentions"]

SETTING_PREPS = function_words().section("locative_preps").words("setting")


def resolve_mentions(gazetteer: Gazetteer, mentions: list[Mention], doc: Doc | None = None) -> list[Resolution]:
    """Resolve every mention; mentions the gazetteer cannot support are dropped (or kept unresolved
    when NER calls them GPE/LOC). Unknown multi-word names fall back to a known name inside them."""
    mentions = [m for m in mentions if not is_seat_of_government(m.text)]
    if doc is not None:
        mentions = joined_names(gazetteer, doc, mentions)
    candidates = {id(m): filtered_candidates(gazetteer, m) for m in mentions}
    if doc is not None:
        mentions = with_sub_mentions(gazetteer, doc, mentions, candidates)
        drop_towns_outside_container(doc, mentions, candidates)
    first = {id(m): best_resolution(m, candidates[id(m)], None, gazetteer, {}) for m in mentions}
    _orient_quarters(mentions, first)
    # names with a container ("Walker County (Ga.)", "Tacoma, Washington") are settled by it already
    first.update(
        {id(m): best_resolution(m, candidates[id(m)], None, gazetteer, first) for m in mentions if m.container}
    )
    context = gather_context(mentions, candidates, first)
    peers = peer_features(doc, mentions, first) if doc is not None else {}
    final = {
        id(m): best_resolution(m, candidates[id(m)], context, gazetteer, first, peers.get(id(m))) for m in mentions
    }
    one_sense_per_name(gazetteer, doc, mentions, final, peers)
    return [final[id(m)] for m in mentions if _kept(doc, m, final[id(m)])]


def _orient_quarters(mentions: list[Mention], first: dict[int, Resolution]) -> None:
    """ "the Heliopolis neighbourhood of Cairo" / "the Paris suburb of Saint-Denis": the bigger town holds the other."""
    for mention in mentions:
        outer = mention.container
        if not mention.quarter_of_container or outer is None or id(outer) not in first:
            continue
        inner_entry, outer_entry = first[id(mention)].entry, first[id(outer)].entry
        if inner_entry is None or not is_town(inner_entry):
            continue
        if outer_entry is None or inner_entry.population > outer_entry.population:
            mention.container, mention.inside_container = None, False
            outer.container, outer.inside_container, outer.context_cue = mention, True, True


def _kept(doc: Doc | None, mention: Mention, resolution: Resolution) -> bool:
    """Resolved, or a place by what the text says even though the gazetteer does not know it (not a bare compass
    word: "the West")."""
    if resolution.entry is None and _bare_common_word(mention):
        return False
    return (
        resolution.entry is not None
        or mention.label in {"GPE", "LOC"}
        or _named_by_descriptor(mention)
        or _named_facility(mention)
        or (doc is not None and (_named_as_a_setting(doc, mention) or _named_venue(doc, mention)))
    )


def _bare_common_word(mention: Mention) -> bool:
    return name_key(mention.text) in place_lexicon().compass_names


def _named_by_descriptor(mention: Mention) -> bool:
    """ "the village of Sharifah": a place even when the gazetteer does not know it."""
    return mention.kind_hint is not None and mention.text[:1].isupper() and not looks_like_organisation(mention)


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


def _named_venue(doc: Doc, mention: Mention) -> bool:
    """ "studying at the Guildhall School of Music in London", "a briefing at the Palais des Nations in Geneva": a
    name after a site preposition that the text puts in a place is a venue there, whatever its name."""
    if mention.label not in {"ORG", "FAC", "PROPN"} or not mention.placed_in or not mention.text[:1].isupper():
        return False
    after_a_setting = after_site_preposition(doc, mention.start, SETTING_PREPS)
    return after_a_setting and name_key(mention.text) not in place_lexicon().stopnames


def _named_facility(mention: Mention) -> bool:
    """ "at the Bardo Museum", "near al-Yarmouk Hospital", "the Kissufim crossing": a named site."""
    lexicon = place_lexicon()
    if mention.site_noun and mention.text[:1].isupper() and name_key(mention.text) not in lexicon.stopnames:
        return True
    words = mention.text.split()
    if mention.label in {"FAC", "ORG"} and mention.context_cue and words[-1].lower() in lexicon.facility_words:
        return True
    # "Royal Street", "Northwestern Memorial Hospital": NER's facility ending in a street or building word
    return mention.label == "FAC" and len(words) > 1 and words[-1].lower().strip(".") in lexicon.site_words
