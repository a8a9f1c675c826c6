"""Extra event-location candidates: capitalised names the gazetteer lacks.

An event location only needs a place-name span, so a village, quarter or site that no gazetteer
holds ("killed in al-Hazm", "the Youth Housing Complex", "patrolling Korangi") can still be the
answer. With `names_anywhere` (event_location.yaml) every such name of the sentence is a candidate
and the model reads where it stands (`locative_position`: after a locative preposition, after a place
noun, "the village of X", "the X district", as the object of a verb that takes a place, "stormed X",
or elsewhere); without it only names in those positions are. These candidates are only used to
locate events; they never enter the document's place list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.extract.places.gazetteer import COUNTRY
from eventwire.extract.places.lexicon import place_lexicon
from eventwire.extract.places.toponyms import container_end_before, container_start, is_place_noun, within_start
from eventwire.knowledge import package_file
from eventwire.model import Place
from eventwire.nlp.casing import key_of
from eventwire.nlp.casing import model as truecase_model

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

# "al-Hazm", "el-Arish": Arabic article glued to the name by a hyphen.
ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|ash|at|az|ed|en|es|ez|an)-\w", re.IGNORECASE)
LOCATION_NOUNS = package_file("eventwire.extract", "data", "place_nouns.yaml").words("location_nouns")
NOT_PLACE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "NORP", "LANGUAGE"}
# A word news writes in lower case at least this share of the times the truecaser's counts saw it, and seen at
# least `COMMON_WORD_SEEN` times, is a common word ("Forces", "Control", "Journalists"), not a place's name.
COMMON_WORD_LOWER = 0.8
COMMON_WORD_SEEN = 10


def _looks_like_name(token: Token) -> bool:
    text = token.text
    if ARTICLE_PREFIX.match(text):
        return True
    first = text[:1]
    if first in {"‘", "'", "`", "’"} and len(text) > 1:
        first = text[1]
    return first.isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ", "X"} and token.ent_type_ not in NOT_PLACE_ENTS


def _name_runs(sentence: Span) -> list[tuple[int, int]]:
    """Maximal runs of name tokens, joined by hyphens and lower-case particles ("Tal al-Eiss")."""
    particles = place_lexicon().name_particles
    doc = sentence.doc
    runs: list[tuple[int, int]] = []
    i = sentence.start
    while i < sentence.end:
        token = doc[i]
        if not _looks_like_name(token) or (i == sentence.start and token.pos_ != "PROPN"):
            i += 1
            continue
        end = i + 1
        while end < sentence.end:
            nxt = doc[end]
            landform_of = nxt.lower_ == "of" and doc[end - 1].lower_ in place_lexicon().feature_words
            joins = nxt.text in {"-", "–"} or nxt.lower_ in particles or landform_of  # "the Bay of Pigs"
            if _looks_like_name(nxt):
                end += 1
            elif joins and end + 1 < sentence.end and _looks_like_name(doc[end + 1]):
                end += 2
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _run_root(sentence: Span, start: int, end: int) -> Token:
    return sentence.doc[start:end].root


def locative_position(root: Token, rules: dict) -> str | None:
    """Why a name at this token is where places go ("prep:in", "of-place-noun", "object", "place-noun"), or None."""
    lexicon = place_lexicon()
    node = root
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "between Deir Hafer and Al-Bab"
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        prep = node.head.lower_
        if prep in rules["candidate_preps"]:
            return f"prep:{prep}"
        if prep == "of":
            noun = node.head.head.lemma_.lower()
            if noun in lexicon.nouns_before_of or noun in lexicon.area_nouns or noun in rules["direction_words"]:
                return "of-place-noun"
        return None
    if node.dep_ in {"dobj", "nsubjpass"} and node.head.lemma_.lower() in rules["place_object_verbs"]:
        return "object"
    if node.dep_ in {"compound", "nmod", "appos"}:
        head = node.head.lemma_.lower()
        if head in lexicon.nouns_after or head in lexicon.area_nouns or head in LOCATION_NOUNS:
            return "place-noun"
    return None


def extra_candidates(sentence: Span, mentions: list[PlaceMention], rules: dict) -> list[PlaceMention]:
    """Unknown names in locative positions of the sentence that no detected place overlaps."""
    from eventwire.extract.places import PlaceMention

    taken = [(m.token_start, m.token_end) for m in mentions]
    stop = place_lexicon().stopnames
    found: list[PlaceMention] = []
    for start, end in _name_runs(sentence):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        span = sentence.doc[start:end]
        if span.text.lower() in stop or span.text.lower() in rules["never_places"] or _bare_common_word(span.text):
            continue
        if locative_position(_run_root(sentence, start, end), rules) is None and not rules.get("names_anywhere"):
            continue
        place = Place(text=span.text, start=span.start_char, end=span.end_char, role="location", confidence=0.1)
        label = span.root.ent_type_ or "PROPN"
        outer = _container(sentence, start, end, mentions)
        if outer is not None:
            # "Cairo's Matareya district", "Hackney, east London": the quarter takes the town's point
            place.lat, place.lon, place.country, place.admin1 = (
                outer.place.lat,
                outer.place.lon,
                outer.place.country,
                outer.place.admin1,
            )
        anchor = outer.place.feature_code if outer is not None else None
        found.append(PlaceMention(place, start, end, label, False, resolved=False, anchor_feature=anchor))
    return found


def names_no_place(doc: Doc, mention: PlaceMention) -> bool:
    """An unknown name with no place around it that names no place: common words in capitals ("Forces",
    "Take Control"), a titled person of three words or more ("Sergeant Matt Tonroe"), or one word of a
    person's name the text gives whole ("Navalny" after "Alexei Navalny")."""
    if mention.resolved or mention.place.country is not None:
        return False
    words = mention.place.text.split()
    if all(_common_word(word) for word in words):
        return True
    lowered = mention.place.text.lower()
    if len(words) == 1:
        whole = (ent.text.lower().split() for ent in doc.ents if ent.label_ == "PERSON")
        return any(len(names) > 1 and lowered in names for names in whole)
    # three words or more: not "Imam Ali" (also a shrine), nor a site named after one ("Prince Sultan Air Base")
    titled = len(words) >= 3 and words[-1].lower() not in site_words()
    return titled and lowered.startswith(person_title_prefixes())


@lru_cache(maxsize=1)
def site_words() -> frozenset[str]:
    """Words that end the name of a site, not of a person ("base", "mosque", "university")."""
    lexicon = place_lexicon()
    return lexicon.facility_words | lexicon.feature_words | lexicon.institution_words


@lru_cache(maxsize=1)
def person_title_prefixes() -> tuple[str, ...]:
    """The actor dictionaries' titles of people as a name's opening ("president ", "sergeant "), lower case."""
    return tuple(title + " " for title in load_knowledge().roles.titles)


def _common_word(word: str) -> bool:
    counts = truecase_model()["words"].get(key_of(word))
    if not counts:
        return False
    seen = sum(counts.values())
    return seen >= COMMON_WORD_SEEN and counts.get("l", 0) / seen >= COMMON_WORD_LOWER


def _bare_common_word(text: str) -> bool:
    """ "the West": a compass word alone names a bloc or a direction ("the Gulf" does name a sea)."""
    return text.lower() in place_lexicon().compass_names


def _container(sentence: Span, start: int, end: int, mentions: list[PlaceMention]) -> PlaceMention | None:
    """A resolved place the text says holds the name ("X, east Y", "Y's X", "X in Y", "the Y district of X")."""
    doc = sentence.doc
    after = container_start(doc, end)
    if after is None and end < len(doc) and doc[end].text == ",":
        after = end + 1
    kind = doc[end].lower_ if end < len(doc) else ""
    if after is None and end + 1 < len(doc) and (kind in LOCATION_NOUNS or kind in place_lexicon().nouns_after):
        end += 1  # "the town of Wamblan in Jinotega department", "Zang village in Adamawa State"
    if after is None and end + 1 < len(doc) and doc[end].lower_ == "in":
        after = within_start(doc, end + 1)
    if after is None and end + 2 < len(doc) and doc[end + 1].lower_ == "of" and is_place_noun(doc[end]):
        after = end + 2  # "the Imbaba neighbourhood of Giza": the unknown name is the part, the known one the whole
    before = container_end_before(doc, start)
    for mention in mentions:
        # a country's point would say nothing about where in it ("Myanmar's X" stays unplaced)
        place = mention.place
        if not mention.resolved or place.lat is None or mention.is_demonym or place.feature_code == COUNTRY:
            continue
        in_list = mention.token_end < len(doc) and doc[mention.token_end].lower_ in {"and", "or"}
        if (mention.token_start == after and not in_list) or mention.token_end == before:
            return mention
    return None
