"""Merging mentions of one act.

- Pass `merge_mentions` (per sentence): "killing one", "dozens wounded" beside an attack in the
  same sentence are that attack's outcome, not another event.
- Component `event_merge` (per document, after dates, locations and counts are attached):
  `merge_document` makes one event of an act told more than once ("the strike ... the attack ...
  the raid" on the same target; the lead and a later paragraph; "rounded up" then "arrested"; the
  victim's death after the stabbing). Two mentions are one act when they agree (same category,
  compatible mode, status, parties, places and dates) and something ties them (see `tied`); a bare
  definite reference ('the attack', 'the agreement') joins the act it points back to (`pick`,
  `named_before`). The first event keeps its id, takes the best-filled fields of the others and the
  largest count (never the sum); every mention is kept in `mentions`. What a mention says of its act in the
  parse (a tally over a span, a restatement, the act's own name) is read in `acts.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from os.path import commonprefix
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.extract.actors.geography import place_country
from eventwire.extract.actors.resolver import GUESSED_CONFIDENCE
from eventwire.extract.events.acts import (
    accord_signed,
    act_names,
    act_words,
    clause_heads,
    counted_over_a_span,
    joined_to,
    restated_subject,
)
from eventwire.extract.events.arguments import one_party
from eventwire.extract.events.candidate import Sentence
from eventwire.extract.events.lexicon import cue_words, load_lexicon
from eventwire.extract.events.triggers import DISTINCT_ACT_MODES
from eventwire.extract.places.dateline import glued_headline_end
from eventwire.extract.places.gazetteer import haversine_km
from eventwire.model import Count, Event, EventDate, EventLocation, Mention, Party, Place, TimeExpr, renumber_events
from eventwire.nlp.casing import is_title_case
from eventwire.nlp.parse import text_of, trigger_token
from eventwire.registry import component

if TYPE_CHECKING:
    from eventwire.context import DocContext

POINTING_PRONOUNS = cue_words().words("pointing_pronouns")
OUTCOME_LEMMAS = cue_words().words("outcome_lemmas")
DEFINITE_REFERENCES = cue_words().words("definite_references")
POSSESSIVE_REFERENCES = cue_words().words("possessive_references")
POSSESSED_ACT_TYPES = cue_words().words("possessed_act_types")
SYMMETRIC = cue_words().words("symmetric_types")
MANNER_TYPES = cue_words().words("manner_types")
SAME_DAY_TYPES = cue_words().words("same_day_types")
PERSON_ACT_TYPES = cue_words().words("person_act_types")
NAMED_VICTIM_TYPES = cue_words().words("named_victim_types")
NEW_ACT_WORDS = cue_words().words("new_act_words")
RENEWAL_WORDS = cue_words().words("renewal_words")
STANCE_TYPES = cue_words().words("stance_types")
SAYING_LEMMAS = cue_words().words("saying_lemmas")
CLOCK_WORDS = cue_words().words("clock_words")
CLOCK_FILLERS = cue_words().words("clock_fillers")
OUTCOME_ACT_TYPES = cue_words().words("outcome_act_types")
ACCORD_TYPES = cue_words().words("accord_types")
# Two trigger words of one family share a stem of at least this many letters ('seize', 'seizure').
FAMILY_STEM = 4
ACT_WORD_SETS = [frozenset(words) for words in cue_words()["act_word_sets"]]
# A historical act may repeat an asserted one whose date is only a fallback (not from the text).
FALLBACK_DATES = ("published_at", "dateline")
COARSE = ("year", "month")
# What a noun's own words name: a party, a place, a time ('the attack on the base', "Russia's deal").
OWN_WORD_DEPS = ("poss", "prep", "relcl", "acl", "nummod")
MODIFIER_DEPS = ("compound", "amod", "nmod")
# The precision of a province (EventLocation.precision: point 1 ... province 4 ... water 7).
PROVINCE_PRECISION = 4
# A city and its borough or suburb: one place for telling one act twice.
SAME_AREA_KM = 25.0
# Dates an event takes from its own words or its own sentence (not borrowed, not a fallback).
OWN_DATES = ("text", "sentence")


def merge_mentions(sentence: Sentence) -> None:
    live = sentence.live()
    # an act told in passing does not take the outcome told as the news ('killed three in an attack that ...')
    # nor does an abduction, a rape or torture ('a worker was killed and two others were kidnapped': two acts)
    main_types = {
        c.type for c in live if not (c.trigger.sense.consequence or c.background or c.mode in DISTINCT_ACT_MODES)
    }
    for candidate in live:
        if candidate.trigger.sense.consequence and candidate.type in main_types:
            candidate.dropped = "outcome of another event"


@dataclass
class Told:
    """One event with what the merge compares: its trigger lemma, the places and times of its
    sentence, whether its words tell a further act ('also', 'another'), and whether it is a bare
    definite reference ('the attack', 'the deal': no party, place or date of its own words)."""

    event: Event
    lemma: str
    places: tuple[Place, ...]
    times: set[str]
    further: bool = False
    bare: bool = False
    # The lemmas of what the trigger governs ('signed a trade agreement': agreement, trade).
    governed: frozenset[str] = frozenset()
    # Each mention as first told, before merging filled it: a party named by any of them ties.
    as_told: list[Event] = field(default_factory=list)
    # A death or injury told of an attack named again in its clause ('killed in the same blast').
    of_attack: bool = False
    # The dead or hurt of many acts counted over a span ('since 1985', 'by the end of 1972'): no act.
    tally: bool = False
    # A death or injury told of an attack its clause introduces ('killed in an attack on the market').
    new_attack: bool = False
    # The proper names the act's nouns carry as their own ('the Café Verano bombing'), all mentions.
    names: frozenset[str] = frozenset()
    # Where a bare reference's possessive pronoun starts ('his killing'): that party must agree with the act's.
    possessor: int | None = None
    # Every mention so far is in the headline: the lede's retelling ties to it by its act word or manner.
    headline_only: bool = False
    # Its subject names the act again by a definite noun of its category ('the Taliban bombing targeted ...').
    subject_reference: bool = False
    # The words its mentions hang from in their clauses, and the words that tell them (acts.py `clause_heads`).
    clause: frozenset[int] = frozenset()
    words: frozenset[int] = frozenset()
    # The word its trigger is joined to by 'and'/'or' ('ransacked and torched').
    joined: frozenset[int] = frozenset()
    # Its only further-act words are `renewal_words` ('a new investigation'): new only against an act done.
    renewal: bool = False


def party_key(party: Party | None) -> str | None:
    if party is None or pointing(party):
        return None
    if party.kb_id:
        return f"kb:{party.kb_id}"
    if party.country and party.sector:
        return f"{party.country}/{party.sector}"
    text = (party.name or party.text).lower().removeprefix("the ").strip()
    return f"text:{text}" if text else None


def pointing(party: Party) -> bool:
    """A pronoun, or a party only guessed (a place standing in, an unresolved word, confidence ≤ 0.3)."""
    guessed = party.kind in ("place", "unresolved") or party.confidence <= 0.3
    return guessed or party.text.lower().strip() in POINTING_PRONOUNS


def name_words(party: Party) -> set[str]:
    """The words of a proper name ('Gino D. Bassett' → {'Gino', 'Bassett'}); none for 'Western countries'."""
    text = (party.name or "") if party.kind == "coref" else party.text
    words = [word.strip(".,'’") for word in text.split()]
    if party.kind not in ("mention", "coref") or not words or not all(w[:1].isupper() for w in words):
        return set()
    return {word.removesuffix("’s").removesuffix("'s") for word in words if len(word) > 2}


def parties_agree(a: Party | None, b: Party | None, resolved: bool = False, victims: bool = False) -> tuple[bool, bool]:
    """(compatible, same). A missing, pronoun or guessed party is compatible with any; a shared name
    word ('Bassett', 'Gino D. Bassett') makes two the same; different countries, two different
    proper names, or two different sectors of one country ('the government', 'the court') never
    agree, except with a party that is the country itself ('Slovenia' and its minister). `victims`: an attack's
    victims, whose country the resolver may only have guessed from the story (`guessed_country`)."""
    if a is not None and b is not None and "coref" in (a.kind, b.kind):
        return True, resolved and resolved_same(a, b)
    key_a, key_b = party_key(a), party_key(b)
    if key_a is None or key_b is None or a is None or b is None:
        return True, named_alike(a, b)
    if a.country and b.country and a.country != b.country and not (victims and guessed_country(a, b)):
        return False, False
    if a.kb_id and b.kb_id:
        return key_a == key_b, key_a == key_b
    states = country_level(a) or country_level(b)
    names_a, names_b = name_words(a), name_words(b)
    if abbreviates(a, b) or abbreviates(b, a):
        return True, True
    if names_a & names_b:
        return True, not (country_level(a) and country_level(b))  # 'Slovenia' ties no two acts of Slovenia's
    if names_a and names_b and not (a.country == b.country and states):
        return False, False  # 'the European Union' is not 'Slovenia'
    if key_a == key_b:
        # A country or a country's sector ('Russian forces') is compatible but ties no two attacks.
        return True, key_a.startswith(("kb:", "text:")) and not (country_level(a) and country_level(b))
    if a.sector and b.sector and a.sector != b.sector and not states and not (victims and guessed_roles(a, b)):
        return False, False
    return True, False


def guessed_country(a: Party, b: Party) -> bool:
    """One party's country only guessed from the story ('a major general' given Syria): no country told to
    set against the other's."""
    return min(a.confidence, b.confidence) <= GUESSED_CONFIDENCE and not (a.kb_id and b.kb_id)


def guessed_roles(a: Party, b: Party) -> bool:
    """Two victims whose roles the resolver only guessed ('King' as a government, 'the child'): their sectors
    tell no two victims apart."""
    return max(a.confidence, b.confidence) <= GUESSED_CONFIDENCE


def named_alike(a: Party | None, b: Party | None) -> bool:
    """Two people the resolver only guessed at (no country, confidence 0.3) who share a word of their
    proper names ('Gino D. Bassett', 'Bassett') are one person all the same."""
    if a is None or b is None or country_level(a) or country_level(b):
        return False
    return bool(name_words(a) & name_words(b))


def abbreviates(short: Party, full: Party) -> bool:
    """A name and its initials: 'INS' and 'Immigration and Naturalization Service', 'the FBI' and 'the
    Federal Bureau of Investigation'."""
    letters = short.text.removeprefix("the ").strip()
    words = [word for word in full.text.split() if word[:1].isupper() and word.lower() != "the"]
    return len(words) >= 2 and letters.isupper() and letters.isalpha() and letters == "".join(w[0] for w in words)


def resolved_same(a: Party, b: Party) -> bool:
    """A pronoun the resolver took for a person ('he' -> Barnett Slepian) is the same as a party sharing a
    word of that person's name; a wrong resolution never keeps two acts apart (it stays compatible)."""
    return bool(name_words(a) & name_words(b)) and not (country_level(a) or country_level(b))


def country_level(party: Party) -> bool:
    """A party that is its country or its capital ('Slovenia', 'Moscow' for Russia), by the gazetteer."""
    if party.sector is not None or not party.country:
        return False
    return place_country(party.name or party.text) == party.country


def roles_agree(first: Event, later: Event, resolved: bool = False) -> tuple[bool, bool]:
    """Actor with actor and recipient with recipient, or swapped for symmetric categories ('met').
    `resolved`: a pronoun resolved to a person the other names makes its recipient the same."""
    person = resolved and first.type in PERSON_ACT_TYPES
    attack = first.type == "ASSAULT"
    straight = combine(
        parties_agree(first.actor, later.actor), parties_agree(first.recipient, later.recipient, person, attack)
    )
    if straight[0] or first.type not in SYMMETRIC:
        return straight
    return combine(parties_agree(first.actor, later.recipient), parties_agree(first.recipient, later.actor))


def combine(actors: tuple[bool, bool], recipients: tuple[bool, bool]) -> tuple[bool, bool]:
    return actors[0] and recipients[0], actors[1] or recipients[1]


def times_conflict(a: set[str], b: set[str]) -> bool:
    """Both sentences name dates and none agrees ('2025-06-09' and '2025-06-09TNI' agree: `one_time`)."""
    return bool(a) and bool(b) and not any(one_time(x, y) for x in a for y in b)


def one_time(x: str, y: str) -> bool:
    """Two date values that may name one time: one holds the other ('2022-02', '2022-02-24'), a part the
    text left unknown agrees with anything ('XXXX-04-04' and '2018-04-04'), and a weekday ('XXXX-WXX-2')
    is no calendar date to set against one."""
    x, y = x.lower(), y.lower()
    if ("-w" in x) != ("-w" in y):
        return True
    return all(p == q or "x" in (p, q) for p, q in zip(x, y, strict=False))


def clock_only(text: str | None) -> bool:
    """A clock time and nothing else ('at 10 p.m.', 'around noon'): it names no day of its own; the day it
    was given came from the report, so it is no date to set against another mention's."""
    words = [word.replace(".", "") for word in (text or "").lower().split()]  # 'p.m.', 'p.m', 'pm'
    words = [word for word in words if not word.replace(":", "").isdigit()]
    return any(word in CLOCK_WORDS for word in words) and all(word in CLOCK_WORDS | CLOCK_FILLERS for word in words)


def dates_conflict(a: EventDate | None, b: EventDate | None) -> bool:
    """Two dates from the text that do not overlap ('2022-02' holds '2022-02-24')."""
    if a is None or b is None or a.provenance not in OWN_DATES or b.provenance not in OWN_DATES:
        return False
    if clock_only(a.text) or clock_only(b.text):
        return False
    return not one_time(a.value, b.value)


def locations_conflict(a: EventLocation | None, b: EventLocation | None) -> bool:
    """Two places the sentences give, neither in the other's country (a town and its country agree), nor
    one place told two ways: a city and its borough or suburb ('Brooklyn', 'New York City')."""
    if a is None or b is None or a.geonameid == b.geonameid:
        return False
    country_level = a.precision >= 6 or b.precision >= 6
    return not (country_level and a.country == b.country) and not one_area(a, b) and not in_province(a, b)


def in_province(a: EventLocation, b: EventLocation) -> bool:
    """A province and a town of it ('Maidan Wardak', 'Maidan Shahr'), as `one_place` has it for the sentences'
    places."""
    province = PROVINCE_PRECISION in (a.precision, b.precision)
    return province and a.admin1 is not None and (a.country, a.admin1) == (b.country, b.admin1)


def one_area(a: EventLocation | Place, b: EventLocation | Place) -> bool:
    """Two places of one province within `SAME_AREA_KM` of each other."""
    if a.country != b.country or a.admin1 != b.admin1 or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_AREA_KM  # type: ignore[arg-type]


def statuses_agree(first: Event, later: Event) -> bool:
    """Same status; an act told as history and again with no date of its own ('when he was kidnapped'); an
    act not done yet, told as planned and as supposed."""
    if first.status == later.status:
        return True
    pair = {first.status, later.status}
    if pair == {"future", "hypothetical"}:
        return True  # an act not done yet: planned, then supposed about ('the visit' ... 'if he visits')
    if pair != {"historical", "asserted"}:
        return False
    asserted = first if first.status == "asserted" else later
    date = asserted.date
    return date is None or date.source in FALLBACK_DATES or clock_only(date.text)


def agree(first: Told, later: Told) -> bool:
    a, b = first.event, later.event
    if a.type != b.type or not (statuses_agree(a, b) or supposed_again(first, later)):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.mode != b.mode and {a.mode, b.mode} & DISTINCT_ACT_MODES and not (is_outcome(first) or is_outcome(later)):
        return False  # an abduction, a rape or torture is no attack told again ('attacked ..., kidnapped two')
    if differs_in_time_or_place(first, later, dated=not of_attack_told(first, later)):
        return False
    if another_victim(first, later):
        return True  # 'a commander was also killed': another victim, so no victim to compare
    if is_outcome(first) or is_outcome(later):  # a death or injury names no attacker: only the victims must agree
        return parties_agree(a.recipient, b.recipient, victims=True)[0]
    if later.bare:  # 'the attack' names no party: those it got stood in; 'his killing' names its possessor
        return later.possessor is None or possessor_agrees(a, b, later.possessor)
    # Parties agree with the act's and with each mention as first told that names its doer (those a death with no
    # attacker names are only its dead, who may be the attackers: 'militants were killed' by their own bomb).
    return all(roles_agree(told, b)[0] for told in [a, *first.as_told] if told is a or told.actor is not None)


def possessor_agrees(first: Event, later: Event, start: int) -> bool:
    """The party a possessive pronoun names ('his killing': the victim; 'their march': the marchers) is
    compatible with the act's party in that role; a pronoun resolved to another named person is not."""
    for role in ("actor", "recipient"):
        party, earlier = getattr(later, role), getattr(first, role)
        if party is None or party.start != start or earlier is None:
            continue
        names, earlier_names = name_words(party), name_words(earlier)
        if party.kind == "coref" and names and earlier_names:
            return bool(names & earlier_names)
        return parties_agree(earlier, party)[0]
    return True


def supposed_again(first: Told, later: Told) -> bool:
    """An act told as fact, then supposed about ('may have been trying to impress her by killing the
    prime minister', 'the expulsion might seem symbolic'): one act when a named party or a bare
    definite reference ties them, and no word tells a further act."""
    a, b = first.event, later.event
    if a.status not in ("asserted", "historical") or b.status != "hypothetical":
        return False
    if later.further:
        return False
    return roles_agree(a, b)[1] or later.bare or same_holder(a, b)


def tied(first: Told, later: Told, text: str) -> bool:
    """What makes two agreeing mentions one act: a shared party, a definite reference ('the
    attack'), the same trigger word or the same manner (firearms, arrest) in another sentence, a
    person's pronoun naming the same victim ('he was shot' ... 'Keller was shot'), or a death or
    injury told before or after the attack. An act dated in the past and one the text does not date,
    and a mention telling a further act ('also', 'another'), are one only by a shared party or a
    definite reference."""
    a, b = first.event, later.event
    if shares_party(first, b) or later.bare:
        return True
    pointing_back = definite_reference(b, text) or later.subject_reference
    if pointing_back and not (one_told_as_past(a, b) and a.status != b.status):
        return True  # 'the blast' in Chelsea is no 2013 bombing told as history
    if another_victim(first, later):
        return True
    if later.further and not renews_a_plan(first, later):
        return False
    if first.headline_only and (same_act_word(first, later) or (a.mode is not None and a.mode == b.mode)):
        return True  # the headline's act told again in the story ('Court Convicts ...' ... 'has convicted')
    if one_told_as_past(a, b):
        return same_victim_named(first, b)
    same_victim = roles_agree(a, b, resolved=True)[1] or victim_described_again(first, b) or same_description(a, b)
    same_victim = same_victim or same_office_holder(a, b)
    if a.evidence.start == b.evidence.start:
        return same_victim
    same_manner = a.type in MANNER_TYPES and a.mode is not None and a.mode == b.mode
    same_manner = same_manner or same_day_manner(a, b)
    if same_victim or same_manner or same_act_word(first, later) or same_holder(a, b):
        return True
    # A death told with an attack of its own ('killed in an attack on the market') is no mere outcome.
    return any(is_outcome(told) and not told.new_attack for told in (first, later))


def same_day_manner(a: Event, b: Event) -> bool:
    """Two mentions of one manner (`same_day_types`: a protest) that the text dates to one day."""
    if a.type not in SAME_DAY_TYPES or a.mode is None or a.mode != b.mode or a.date is None or b.date is None:
        return False
    own = a.date.provenance in OWN_DATES and b.date.provenance in OWN_DATES
    return own and a.date.precision == b.date.precision == "day" and a.date.value == b.date.value


def same_act_word(first: Told, later: Told) -> bool:
    """One family of act words (`one_family`). A verb of saying ('she said' ... 'Eve said') names no act of its
    own: it ties two calls only when both tellers are known and of one country's same sector ('the top Chinese
    diplomat said' ... 'Wang said'), so two people's calls for the same release stay two."""
    if not one_family(first.lemma, later.lemma):
        return False
    return (first.lemma not in SAYING_LEMMAS and later.lemma not in SAYING_LEMMAS) or one_teller(
        first.event.actor, later.event.actor
    )


def one_teller(a: Party | None, b: Party | None) -> bool:
    """Two tellers named (no pronoun, no guess) of one country and one sector."""
    if a is None or b is None or pointing(a) or pointing(b) or "coref" in (a.kind, b.kind):
        return False
    return a.country is not None and a.sector is not None and (a.country, a.sector) == (b.country, b.sector)


def one_family(a: str, b: str) -> bool:
    """Two trigger words of one family: 'seize' and 'seizure', 'bomb' and 'bombing', 'propose' and
    'proposal' (a stem of `FAMILY_STEM` letters or more holding the shorter word but for a final letter;
    not 'protest' and 'protect'), or two words of one of `act_word_sets` ('rally' and 'protest')."""
    stem = len(commonprefix([a, b]))
    if a == b or stem >= max(FAMILY_STEM, min(len(a), len(b)) - 1):
        return True
    return any(a in words and b in words for words in ACT_WORD_SETS)


def same_holder(a: Event, b: Event) -> bool:
    """A stance (`stance_types`: accusing, demanding, rejecting, vowing) told again by the same holder
    in another sentence ('Britain blames Russia' ... 'Britain accuses Russia'): the actors are one by
    name, or are one country or one sector of it, and the recipients too, unless one names none."""
    if a.type not in STANCE_TYPES:
        return False
    actor = party_key(a.actor)
    recipients = party_key(a.recipient), party_key(b.recipient)
    return actor is not None and actor == party_key(b.actor) and (None in recipients or len(set(recipients)) == 1)


def shares_party(first: Told, event: Event) -> bool:
    """A party named the same by the merged act or by any of its mentions as first told ('Gino D. Bassett
    charged' ... 'Bassett accused': the merged act kept the first mention's 'Side man')."""
    return any(roles_agree(told, event)[1] for told in [first.event, *first.as_told])


def same_victim_named(first: Told, event: Event) -> bool:
    """An attack on a named person (`named_victim_types`) told with a past date and again undated ('was gunned
    down last fall' ... 'Slepian was shot with a rifle'): one attack when the victim is named the same, also
    through a pronoun resolved to them."""
    if event.type not in NAMED_VICTIM_TYPES or event.recipient is None:
        return False
    earlier = [told.recipient for told in [first.event, *first.as_told] if told.recipient is not None]
    return any(parties_agree(party, event.recipient, resolved=True)[1] for party in earlier)


def victim_described_again(first: Told, event: Event) -> bool:
    """An act done to a person (`person_act_types`) whose victim is told again by a definite description
    of the same noun: 'a man was shot' ... 'the officers fired at the man'."""
    if event.type not in PERSON_ACT_TYPES or event.recipient is None or name_words(event.recipient):
        return False
    later = event.recipient.text.lower().split()
    if len(later) != 2 or later[0] not in DEFINITE_REFERENCES:
        return False
    earlier = [told.recipient for told in [first.event, *first.as_told] if told.recipient is not None]
    return any(not name_words(party) and party.text.lower().split()[-1:] == later[-1:] for party in earlier)


def same_description(a: Event, b: Event) -> bool:
    """One victim described twice by the same words of two or more, one told more fully ('a major general',
    'Russian major general'): an act done to a person (`person_act_types`)."""
    if a.type not in PERSON_ACT_TYPES or a.recipient is None or b.recipient is None:
        return False
    if name_words(a.recipient) or name_words(b.recipient):
        return False
    words = [
        [w for w in party.text.lower().split() if w not in DEFINITE_REFERENCES and w not in ("a", "an")]
        for party in (a.recipient, b.recipient)
    ]
    short, full = sorted(words, key=len)
    return len(short) >= 2 and full[len(full) - len(short) :] == short


def same_office_holder(a: Event, b: Event) -> bool:
    """A victim told by office and by titled name ("Venezuela's president", 'President Nicolás Maduro'): one
    person when the office is the title and both are of one country and sector (`person_act_types`)."""
    if a.type not in PERSON_ACT_TYPES or a.recipient is None or b.recipient is None:
        return False
    one, other = a.recipient, b.recipient
    if not one.country or not one.sector or (one.country, one.sector) != (other.country, other.sector):
        return False
    for office, named in ((one, other), (other, one)):
        if name_words(office) or not name_words(named) or pointing(office):
            continue
        if office.text.lower().split()[-1] == named.text.split()[0].lower():
            return True
    return False


def one_told_as_past(a: Event, b: Event) -> bool:
    """One mention dated by a year or month of the text, the other neither dated by the text nor told
    as history: 'endorsed the invasion in 2003' and 'had to endorse the statement' are two acts
    unless a named party or a definite reference ties them."""

    def coarse(event: Event) -> bool:
        date = event.date
        # 'this week' left unresolved ('XXXX-WXX') names no year or month of the text ('XXXX-09' names one).
        named = date is not None and any(ch.isdigit() for ch in date.value)
        return named and date.provenance in OWN_DATES and date.precision in COARSE  # type: ignore[union-attr]

    def undated(event: Event) -> bool:
        return event.status != "historical" and (event.date is None or event.date.provenance not in OWN_DATES)

    return (coarse(a) and undated(b)) or (coarse(b) and undated(a))


def another_victim(first: Told, later: Told) -> bool:
    """A death or injury told of the attack `first` reports: 'was also killed' (a further victim), 'killed in
    the same blast' (`names_attack_again`)."""
    return is_outcome(later) and not is_outcome(first) and (later.of_attack or later.further)


def of_attack_told(first: Told, later: Told) -> bool:
    """A death or injury whose clause names the attack again ('died in 1977 of injuries suffered in the
    attack'): the date is the death's, not the attack's, so no date keeps the two apart."""
    return later.of_attack and is_outcome(later) and not is_outcome(first)


def names_attack_again(token: Token | None, new: bool = False) -> bool:
    """A death or injury word whose clause holds a definite attack noun: 'killed in the same blast', 'died of
    wounds suffered during the attack' (a noun the lexicon codes as an attack, with 'the'/'this' or 'same');
    `new`: an indefinite one, an attack the clause introduces ('were killed in an attack on the market')."""
    if token is None:
        return False
    lexicon = load_lexicon()
    for word in token.subtree:
        if word.pos_ != "NOUN" or word.i == token.i:
            continue
        if new:
            pointed = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in word.children)
        else:
            pointed = any(c.lower_ in DEFINITE_REFERENCES or c.lower_ == "same" for c in word.children)
        senses = lexicon.senses_for("NOUN", word.lemma_.lower())
        if pointed and any(sense.type == "ASSAULT" and not sense.consequence for sense in senses):
            return True
    return False


def is_outcome(told: Told) -> bool:
    """A death or injury word with no attacker and no manner of its own ('was pronounced dead';
    civilians named in such a clause are its victims: 'were injured, mostly Kenyans')."""
    event = told.event
    no_attacker = event.actor is None or event.actor.sector == "CVL"
    return event.type == "ASSAULT" and told.lemma in OUTCOME_LEMMAS and event.mode is None and no_attacker


def bare_reference(token: Token | None) -> bool:
    """'the attack', 'this deal', 'the talks': a noun with a pointing determiner and no word of its own
    naming a party, a place or a time ('the Nairobi bombing', 'the attack on the base', "Russia's deal"); also
    a bare verb framed by such a noun ('challenge the decision to prosecute': the charges told before)."""
    if token is not None and token.dep_ == "acl" and all(c.dep_ == "aux" for c in token.children):
        return pointed_noun(token.head, token)  # 'the decision to prosecute', 'the move to expel'
    return token is not None and pointed_noun(token)


def pointed_noun(token: Token, frame_of: Token | None = None) -> bool:
    """A noun with a pointing determiner or possessive pronoun ('his killing') and no word of its own but the
    act it frames (`frame_of`)."""
    if token.pos_ != "NOUN":
        return False
    possessor = possessive_pronoun(token)
    children = [child for child in token.children if child not in (frame_of, possessor)]
    pointed = possessor is not None or any(c.dep_ == "det" and c.lower_ in DEFINITE_REFERENCES for c in children)
    own_words = any(c.dep_ in OWN_WORD_DEPS or (c.dep_ in MODIFIER_DEPS and c.pos_ == "PROPN") for c in children)
    return pointed and not own_words


def possessive_pronoun(token: Token | None) -> Token | None:
    """'his' of 'his killing', 'their' of 'their march'."""
    if token is None or token.pos_ != "NOUN":
        return None
    return next((c for c in token.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_REFERENCES), None)


def headline_end(text: str) -> int:
    """Where the headline ends: a first line in Title Case ('Court Convicts Friend of Bombing Suspect', read in
    the input's own casing), or one glued to its story's dateline ('Kyiv Says Russia Attacked Its Forces-KYIV —
    ...'); 0 when the text opens with no headline."""
    line, newline, _ = text.partition("\n")
    return len(line) if newline and is_title_case(line.split()) else glued_headline_end(text)


def act_as_subject(token: Token | None, category: str) -> bool:
    """'The Taliban bombing targeted the convoy', 'the attack wounded five': the verb's subject is a definite noun
    the lexicon codes in the verb's own category, so the clause tells the act that noun points back to."""
    if token is None or token.pos_ != "VERB":
        return False
    lexicon = load_lexicon()
    for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"):
        pointed = any(c.dep_ == "det" and c.lower_ in DEFINITE_REFERENCES for c in subject.children)
        senses = lexicon.senses_for("NOUN", subject.lemma_.lower())
        if pointed and any(sense.type == category and not sense.consequence for sense in senses):
            return True
    return False


def definite_reference(event: Event, text: str) -> bool:
    """'the attack', 'this massacre': the trigger is introduced by a word that points back."""
    before = text[max(0, event.trigger.start - 8) : event.trigger.start].lower().split()
    spaced = text[event.trigger.start - 1 : event.trigger.start] == " "
    return bool(before) and spaced and before[-1] in DEFINITE_REFERENCES


def in_sentence(times: Sequence[TimeExpr], event: Event) -> set[str]:
    """The calendar dates of the event's sentence ('two hours later' is no date to compare)."""
    start, end = event.evidence.start, event.evidence.end
    return {
        str(item.value).lower()
        for item in times
        if start <= item.start < end
        and item.type in ("DATE", "TIME")
        and "REF" not in (item.value or "REF")
        and not clock_only(item.text)
    }


def places_in_sentence(places: Sequence[Place], event: Event) -> tuple[Place, ...]:
    """The places finer than a country of the event's sentence ('U.S.' in two sentences does not make a
    Nairobi bombing the Dar es Salaam one)."""
    start, end = event.evidence.start, event.evidence.end
    coarse = ("PCL", "CONT", "RGN")
    return tuple(p for p in places if start <= p.start < end and not (p.feature_code or "").startswith(coarse))


def places_conflict(a: Sequence[Place], b: Sequence[Place]) -> bool:
    """Both sentences name places and none is one place with one of the other's."""
    return bool(a) and bool(b) and not any(one_place(x, y) for x in a for y in b)


def one_place(a: Place, b: Place) -> bool:
    """One place told two ways: the same name or gazetteer entry, a province and a town of it ('Wales',
    'New Quay'), or a city and its borough or suburb (`one_area`)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.name or a.text).lower() == (b.name or b.text).lower():
        return True
    province = any((p.feature_code or "").startswith("ADM1") for p in (a, b))
    if province and a.admin1 and a.country == b.country and a.admin1 == b.admin1:
        return True
    return one_area(a, b)


def trigger_lemma(token: Token | None, event: Event) -> str:
    return token.lemma_.lower() if token is not None else event.trigger.text.lower().split()[-1]


def told_as_further(token: Token | None) -> bool:
    """'the US also approved ...', 'another attack', 'were also killed': a further act of the kind."""
    return bool(further_words(token))


def further_words(token: Token | None) -> set[str]:
    """The `new_act_words` on a trigger or on the verb it is the subject or object of."""
    if token is None:
        return set()
    words = [child for child in token.children if child.dep_ in ("advmod", "det", "amod", "npadvmod")]
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and token.head.pos_ in ("VERB", "AUX"):
        words += [child for child in token.head.children if child.dep_ == "advmod"]  # 'also launched an attack'
    return {word.lower_ for word in words if word.lower_ in NEW_ACT_WORDS}


def renews_a_plan(first: Told, later: Told) -> bool:
    """'will open a new investigation' after 'plans an inquiry': 'new' (`renewal_words`) sets an act apart from
    acts done before, not from the plan told before; both mentions are acts not done yet."""
    undone = ("future", "hypothetical")
    return later.renewal and first.event.status in undone and later.event.status in undone


def mention(event: Event) -> Mention:
    return Mention(trigger=event.trigger, evidence=event.evidence)


def merge_document(
    events: list[Event],
    text: str,
    places: Sequence[Place] = (),
    times: Sequence[TimeExpr] = (),
    doc: Doc | None = None,
    headline: int = 0,
) -> list[Event]:
    """The document's events with repeated mentions of one act merged into its first event; `headline`: where
    the headline ends (`headline_end`)."""
    kept: list[Told] = []
    held: dict[int, Told] = {}  # the trigger token of every mention -> the act that holds it
    for event in events:
        token = trigger_token(doc, event) if doc is not None else None
        lemma, further = trigger_lemma(token, event), told_as_further(token)
        told = Told(event, lemma, places_in_sentence(places, event), in_sentence(times, event), further)
        told.bare = not further and bare_reference(token)
        possessor = possessive_pronoun(token) if told.bare else None
        told.possessor = possessor.idx if possessor is not None else None
        if told.possessor is not None and event.type not in POSSESSED_ACT_TYPES:
            told.bare, told.possessor = False, None
        told.headline_only = event.trigger.start < headline
        told.subject_reference = act_as_subject(token, event.type)
        told.governed = governed_lemmas(token)
        told.as_told = [replace(event)]
        told.of_attack = is_outcome(told) and names_attack_again(token)
        told.tally = is_outcome(told) and counted_over_a_span(token)
        told.new_attack = is_outcome(told) and names_attack_again(token, new=True)
        told.names = act_names(token)
        told.clause, told.words, told.joined = clause_heads(token), act_words(token), joined_to(token)
        told.renewal = further and further_words(token) <= RENEWAL_WORDS
        target = one_act_told_again(kept, held, told, token)
        if target is None:
            candidates = [first for first in kept if not first.tally and agree(first, told) and tied(first, told, text)]
            target = None if another_victim_of_several(candidates, told) else pick(candidates, told)
            target = target or named_before(kept, told)
        if target is None:
            kept.append(told)
        else:
            if told.bare and token is not None and token.dep_ == "acl":
                event = replace(event, date=None)  # 'challenged on Friday the decision to prosecute': not its date
            if of_attack_told(target, told) or (told.names & target.names):
                event = replace(event, date=None)  # 'died in 1977 of injuries from the attack': the death's date
            if told.tally:
                event = replace(event, date=None, dead=None, injured=None, counts={})  # many acts' toll: not this one's
            absorb(target.event, event)
            if all(parties_told(event) != parties_told(told) for told in target.as_told):
                target.as_told.append(event)
            target.headline_only = target.headline_only and told.headline_only
            target.names |= told.names
            target.clause |= told.clause
            target.words |= told.words
            target.joined |= told.joined
        if token is not None:
            held[token.i] = target or told
    merged = [told.event for told in kept]
    if len(kept) < len(events):
        renumber_events(merged)
    return merged


def parties_told(event: Event) -> tuple:
    """What the party checks read of a mention as first told (`agree`, `shares_party`, ...): mentions alike in it are
    kept once, so a text telling one act thousands of times stays linear."""
    return tuple(
        None if p is None else (p.text, p.name, p.country, p.sector, p.kind, p.kb_id, p.confidence)
        for p in (event.actor, event.recipient)
    )


def one_act_told_again(kept: list[Told], held: dict[int, Told], told: Told, token: Token | None) -> Told | None:
    """The act a mention restates in its own sentence ('the bombing was an attack on ...') or names by the act's
    own proper name ('the Verano bombing'), whatever status or date its frame gives; places must agree."""
    if told.tally:
        return None
    subject = restated_subject(token)
    restated = held.get(subject.i) if subject is not None else None
    if restated is not None and restated.event.type == told.event.type and not restated.tally:
        return restated
    linked = next((first for first in reversed(kept) if clause_linked(first, told)), None)
    if linked is not None:
        return linked
    accord = accord_told(kept, held, told, token)
    if accord is not None:
        return accord
    if not told.names:
        return None
    for first in reversed(kept):
        same_kind = first.event.type == told.event.type and not first.tally
        if same_kind and told.names & first.names and not differs_in_time_or_place(first, told, dated=False):
            return first
    return None


def clause_linked(first: Told, later: Told) -> bool:
    """One act told by two words of one clause (acts.py `clause_heads`): of one category ('staged demonstrations
    in protest against', 'on strike protesting the low wages': the manner of either stands), or a death or injury
    with no doer of its own and the act of `outcome_act_types` its clause tells ('four were injured when police
    fired rubber bullets'). Parties must agree (for an outcome, its victims). Verbs joined by 'and'/'or' go by
    `joined_as_one`."""
    if first.tally:
        return False
    a, b = first.event, later.event
    if later.joined & first.words or first.joined & later.words:
        return joined_as_one(first, later)
    if not (later.clause & first.words or first.clause & later.words):
        return False
    if a.type == b.type:
        return roles_agree(a, b)[0]
    outcome, act = (first, later) if is_outcome(first) else (later, first)
    if not is_outcome(outcome) or is_outcome(act) or act.event.type not in OUTCOME_ACT_TYPES:
        return False
    return parties_agree(outcome.event.recipient, act.event.recipient, victims=True)[0]


def joined_as_one(first: Told, later: Told) -> bool:
    """Two verbs joined by 'and'/'or' tell one act when they tell one manner of a physical act ('ransacked and
    torched': `manner_types`, one mode, parties agreeing) or are both a death or injury with no doer ('a man was
    killed and two others were injured': the victims of one unnamed attack)."""
    a, b = first.event, later.event
    if is_outcome(first) and is_outcome(later):
        return True
    one_manner = a.mode is not None and a.mode == b.mode and {a.type, b.type} <= MANNER_TYPES
    return one_manner and roles_agree(a, b)[0]


def accord_told(kept: list[Told], held: dict[int, Told], told: Told, token: Token | None) -> Told | None:
    """The accord a signing is done to ('the accord ... was finally signed', 'signed the ceasefire agreement',
    'It was signed by ...'): the act whose trigger is that noun, or, for a pronoun or a definite noun the lexicon
    codes as an accord (`accord_types`), the latest such act, whatever category the signing got; places must
    agree (an accord is reached one day and signed another)."""
    accord = accord_signed(token)
    if accord is None:
        return None
    named = held.get(accord.i)
    if named is not None:
        return named if named.event.type in ACCORD_TYPES and not named.tally else None
    pointed = accord.pos_ == "PRON" or any(c.lower_ in DEFINITE_REFERENCES for c in accord.children)
    senses = load_lexicon().senses_for("NOUN", accord.lemma_.lower())
    if not pointed or not (accord.pos_ == "PRON" or any(sense.type in ACCORD_TYPES for sense in senses)):
        return None
    for first in reversed(kept):
        if first.event.type in ACCORD_TYPES and not differs_in_time_or_place(first, told, dated=False):
            return first
    return None


def another_victim_of_several(candidates: list[Told], told: Told) -> bool:
    """'was also killed' with no attack named in its clause joins the attack only when the attacks that agree
    are one kind of attack (one mode: mentions of one bombing not merged yet are no second attack)."""
    modes = {first.event.mode for first in candidates if not is_outcome(first)}
    return is_outcome(told) and told.further and not told.of_attack and len(modes) > 1


def governed_lemmas(token: Token | None) -> frozenset[str]:
    """The lemmas of the words a trigger governs, its subject's words left out."""
    if token is None:
        return frozenset()
    kept = [c for c in token.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "punct")]
    return frozenset(word.lemma_.lower() for child in kept for word in child.subtree)


def named_before(kept: list[Told], told: Told) -> Told | None:
    """The act a bare definite reference names by the noun of an earlier event's own words ('signed a
    trade agreement' ... 'the agreement'), whatever category each got; never across dates or places."""
    if not told.bare or told.possessor is not None:
        return None
    for first in reversed(kept):
        if told.lemma in first.governed and not differs_in_time_or_place(first, told):
            return first
    return None


def differs_in_time_or_place(first: Told, later: Told, dated: bool = True) -> bool:
    """Places or dates that differ; `dated=False` compares places only."""
    a, b = first.event, later.event
    if places_conflict(first.places, later.places) or locations_conflict(a.location, b.location):
        return True
    sentence_times = times_conflict(own_times(first), own_times(later))
    return dated and (sentence_times or dates_conflict(a.date, b.date))


def own_times(told: Told) -> set[str]:
    """The dates of a mention's sentence that may be its own. A bare reference ('his killing') or a headline names
    none of them: they tell of something else ('ahead of the 2017 elections', 'Indict 2 Over August Attack')."""
    return set() if told.bare or told.headline_only else told.times


def pick(candidates: list[Told], told: Told) -> Told | None:
    """The first matching event; for a death or injury, the latest attack (one sharing a party first);
    for a bare definite reference ('the attack'), the latest act it can point back to."""
    if candidates and told.bare:
        return candidates[-1]
    if not candidates or not is_outcome(told):
        return candidates[0] if candidates else None
    sharing = [first for first in candidates if roles_agree(first.event, told.event)[1]]
    return (sharing or candidates)[-1]


def absorb(target: Event, event: Event) -> None:
    """Keep `event` as a mention of `target` and fill what `target` lacks from it."""
    if not target.mentions:
        target.mentions.append(mention(target))
    target.mentions.extend(event.mentions[1:] if event.mentions else [])
    target.mentions.append(mention(event))
    if target.mode is None and event.mode is not None and target.acled is None and target.type == event.type:
        # The first mention's ACLED and CAMEO codes stand (a note's 'clashes ... an air strike' stays
        # an Armed clash); a mode is taken only by a mention that had no codes.
        target.mode, target.acled, target.cameo = event.mode, event.acled, event.cameo
    told = target.actor, target.recipient
    target.actor = better_party(target.actor, event.actor)
    target.recipient = better_party(target.recipient, event.recipient)
    if one_party(target.actor, target.recipient):  # a role filled from another mention with the other role's party
        target.actor, target.recipient = told
    target.attribution = target.attribution or event.attribution
    if event.status == "historical" and target.status == "asserted":
        target.status = "historical"
    target.date = better_date(target.date, event.date)
    target.location = better_location(target.location, event.location)
    target.dead = larger(target.dead, event.dead)
    target.injured = larger(target.injured, event.injured)
    for kind, count in event.counts.items():
        target.counts[kind] = larger(target.counts.get(kind), count)
    target.confidence = max(target.confidence, event.confidence)
    if target.background and not event.background:
        # first told in passing, then as news: the news mention is the act's trigger and sentence
        target.trigger, target.evidence, target.status = event.trigger, event.evidence, event.status
        target.background = False


def better_party(kept: Party | None, other: Party | None) -> Party | None:
    if kept is None or (pointing(kept) and other is not None and not pointing(other)):
        return other
    if other is not None and not kept.country and other.country and parties_agree(kept, other)[1]:
        return other
    return kept


def better_date(kept: EventDate | None, other: EventDate | None) -> EventDate | None:
    if kept is None or other is None:
        # The dater leaves a mention undated when its words put the act off the report's day ("had fired",
        # "last fall"); the report's day the other mention fell back on is then no date for the act.
        known = kept or other
        return None if known is not None and known.source in FALLBACK_DATES else known
    return other if date_rank(other) < date_rank(kept) else kept


def date_rank(told: EventDate) -> int:
    """Own words > own sentence > another sentence's (earlier mention, neighbour) > dateline > publication day."""
    if told.provenance in OWN_DATES and not clock_only(told.text):
        return OWN_DATES.index(told.provenance)
    return {"text": 2, "dateline": 3}.get(told.source, 4)


def better_location(kept: EventLocation | None, other: EventLocation | None) -> EventLocation | None:
    if kept is None or other is None:
        return kept or other
    if kept.source != "sentence" and other.source == "sentence":
        return other
    return other if other.source == kept.source and other.precision < kept.precision else kept


def larger(kept: Count | None, other: Count | None) -> Count | None:
    """The same act's count told twice is one count: the larger (later tolls usually revise upward)."""
    if kept is None or other is None:
        return kept or other
    return other if (other.best or 0) > (kept.best or 0) else kept


@component("event_merge", requires=["result.events"])
class EventMerger:
    """Merges the events that tell one act (`merge_document`); runs after dates, locations and counts."""

    def __call__(self, ctx: DocContext) -> None:
        result = ctx.result
        headline = headline_end(ctx.document.text)
        result.events[:] = merge_document(
            result.events, text_of(ctx.doc), result.places, result.times, ctx.doc, headline
        )
