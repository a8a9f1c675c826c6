"""Known names inside unknown ones, for disambiguation: "the Georgia National Guard" holds Georgia, "the
Montgomery County Democrats" Montgomery County; "Vladimir Putin" no Vladimir, "North Korea" no Korea.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.extract.places.candidates import Candidate, candidates_for, filtered_candidates
from eventwire.extract.places.gazetteer import ADMIN1, ADMIN2, CONTINENT, COUNTRY, Gazetteer
from eventwire.extract.places.lexicon import place_data, place_lexicon
from eventwire.extract.places.toponyms import Mention, is_nationality_word, sub_mention, sub_mentions
from eventwire.extract.places.variants import name_key
from eventwire.nlp.casing import model as truecase_model

DISTRICT_WORDS = place_data("descriptors.yaml").words("district_words")


def with_sub_mentions(
    gazetteer: Gazetteer, doc: Doc, mentions: list[Mention], candidates: dict[int, list[Candidate]]
) -> list[Mention]:
    """Each mention without candidates replaced by the known names inside it (when there are any); their
    candidates are added to `candidates`."""
    out = []
    for mention in mentions:
        found = [] if candidates[id(mention)] else _known_sub_mentions(gazetteer, doc, mention, candidates)
        if not found and not candidates[id(mention)] and mention.label in {"ORG", "FAC"} and not _building(mention):
            found = _nationalities_inside(gazetteer, doc, mention, candidates)
        out.extend(found or [mention])
    return out


def _nationalities_inside(
    gazetteer: Gazetteer, doc: Doc, mention: Mention, candidates: dict[int, list[Candidate]]
) -> list[Mention]:
    """ "the Armenian Embassy", "the Association of German Chambers", "the Single European Sky": a nationality
    word inside an organisation's or building's name names its nation (a demonym: no event location). Not after
    a qualifier ("Latin American", "South African" name other places), nor a building's ("the Russian Embassy" and
    "the British International School" stand abroad, "the Percy French Hotel" is named for a person)."""
    found = []
    for token in doc[mention.start : mention.end]:
        before = doc[token.i - 1] if token.i > mention.start else None
        if not is_nationality_word(token) or (before is not None and _qualifies(gazetteer, before, token.text)):
            continue
        sub = sub_mention(doc, mention, token.i, token.i + 1)
        sub.label = "NORP"
        sub_candidates = [
            c
            for c in filtered_candidates(gazetteer, sub)
            if c.how != "variant" and c.entry.feature_code in {COUNTRY, CONTINENT, ADMIN1}
        ]  # a nation, not "Atlantic" (Florida Atlantic University)
        if sub_candidates:
            candidates[id(sub)] = sub_candidates
            found.append(sub)
    return found


def _known_sub_mentions(
    gazetteer: Gazetteer, doc: Doc, mention: Mention, candidates: dict[int, list[Candidate]]
) -> list[Mention]:
    """Known names inside an unknown one; never for buildings, streets or macro-regions."""
    lexicon = place_lexicon()
    words = name_key(mention.text).split()
    if not words or words[-1] in lexicon.feature_words:
        return []
    institution = words[-1] in lexicon.institution_words
    if words[-1] in lexicon.facility_words and not institution:
        return []
    if name_key(mention.text) in lexicon.macro_regions:
        return []
    is_list = "," in mention.text or " and " in mention.text
    # "Russian-European projects", "Israeli-Palestinian talks": two nations joined by a hyphen are both named
    paired = mention.label in {"NORP", "GPE"} and any(t.text in {"-", "/"} for t in doc[mention.start : mention.end])
    if mention.label == "PERSON" and not (mention.context_cue and is_list):
        return []  # "Vladimir Putin" holds no place "Vladimir", "appeal to Janet Reno" no Reno; "in Homs and Hama"
    found: list[Mention] = []
    pieces = sub_mentions(doc, mention)
    for sub in pieces:
        key = name_key(sub.text)
        if key in lexicon.stopnames or key in lexicon.macro_regions or any(_overlap(sub, f) for f in found):
            continue
        if institution and not _names_its_town(doc, mention, sub):
            continue
        if key in lexicon.feature_words or key in lexicon.compass_names:
            continue  # "the Bay of Pigs" holds no region called Bay, "West Bank Premier League" no West
        # "North Korea", "Central American", "South Africa" name other places than Korea, America, Africa;
        # so does the tail of a nationality phrase ("Latin American" is not the United States).
        before = doc[sub.start - 1] if sub.start > mention.start else None
        qualified = (
            before is not None
            and before.pos_ != "DET"
            and (
                before.lower_ in lexicon.stopnames
                or (mention.label == "NORP" and before.text not in {"-", "/", ",", "&"})
                or _qualifies(gazetteer, before, sub.text)
            )
        )  # "North Korea", "Latin American"; not "anti-Russian", "the Central Bank of Malta", "of the United States"
        all_candidates = filtered_candidates(gazetteer, sub)
        if mention.label in {"ORG", "FAC"}:  # "the Georgia National Guard", "a New York court": a state too
            all_candidates += [
                c
                for c in candidates_for(gazetteer, sub)
                if c.entry.feature_code == ADMIN1 and c not in all_candidates and _state_name_in_org(c, sub)
            ]
        inner = mention.start < sub.start and sub.end < mention.end and not is_list
        sub_candidates = [
            c
            for c in all_candidates
            if _usable_inside_a_name(c, all_candidates, sub)
            and not (qualified and c.entry.feature_code in {COUNTRY, CONTINENT})
            and not (inner and c.entry.feature_code != COUNTRY)
            and not (institution and c.entry.feature_code in {COUNTRY, CONTINENT, ADMIN1})
        ]  # in the middle of a name only a country ("SME Mauritius Limited"), no "St George's Chapel"; an
        # institution's town, not its state or nation ("Colorado State University" lies far from the state's middle)
        if sub_candidates:
            candidates[id(sub)] = sub_candidates
            found.append(sub)
            if not (is_list or paired):
                break
    return found


def _names_its_town(doc: Doc, mention: Mention, sub: Mention) -> bool:
    """ "Delhi High Court", "the University of Alberta": the town or region opens the institution's name, or ends
    it after "of"; not "St. Mary's Hospital" (Mary) nor "Kendale Lakes Elementary School" (Lakes), nor when the text
    says where the institution is ("Washington University in St. Louis")."""
    if mention.container is not None or _opens_a_persons_name(doc, mention, sub):
        return False
    return sub.start == mention.start or (sub.end == mention.end and doc[sub.start - 1].lower_ == "of")


def _opens_a_persons_name(doc: Doc, mention: Mention, sub: Mention) -> bool:
    """ "George Mason University", "Charles Sturt University": a first name before a capitalised word is a person's."""
    one_word = sub.end - sub.start == 1 and sub.end < mention.end
    if not one_word or doc[sub.start].lower_ not in truecase_model()["first_names"]:
        return False
    after = doc[sub.end]
    return after.text[:1].isupper() and after.lower_ not in place_lexicon().institution_words


def _building(mention: Mention) -> bool:
    words = name_key(mention.text).split()
    return bool(words) and words[-1] in place_lexicon().facility_words


def _qualifies(gazetteer: Gazetteer, before: Token, word: str) -> bool:
    """ "Latin American", "North Korean": the name word before makes the nationality another place's."""
    if not (before.is_alpha and before.text[:1].isupper()):
        return False  # "anti-Russian", "Austro-Hungarian"
    return before.lower_ in place_lexicon().stopnames or bool(gazetteer.lookup(name_key(f"{before.text} {word}")))


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
