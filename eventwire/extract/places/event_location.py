"""Event location: for each event, the place where it happened, with a UCDP-style precision.

Candidates are the location-role places of the event's evidence sentence (actors such as "Moscow
said" and nationality words such as "Russian" are never candidates). Each is scored by how it
attaches to the trigger in the dependency parse: a locative preposition on the trigger's own
subtree ("attacked the town of X", "killed in X") scores high; a place inside a reporting clause
("officials in Kyiv said"), an origin ("from X") or a person's hometown ("Smith, 18, of Atlanta")
scores low. Verbal events (CONSULT, REQUEST, ACCUSE, ...) get a location only from a place attached
to the trigger itself ("met in Geneva"). Unknown names in locative positions (location_candidates.py)
are candidates too. With the shipped model (location_features.py, data/event_location_model.json)
gradient-boosted trees over the attachment score, parse features and MiniLM context vectors pick the
candidate (for an event with a single candidate, and for one whose candidates these trees already tell
apart, trees over spaCy's tok2vec rows instead: no MiniLM pass);
without it the best rule score does.

Precision codes (UCDP GED where_prec): 1 exact populated place; 2 near/outside a place or a place's
area; 3 second-order division; 4 first-order region; 5 named but ungeocoded place or part of a
country; 6 country only (country point); 7 water or airspace (at sea off a coast, visits.py).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.extract.places.adjacent import borrow, continues_the_report, trigger_lemma
from eventwire.extract.places.attachment import (
    attached_to_person,
    governing_prep,
    in_subject_of,
    is_place_head,
    tree_path,
)
from eventwire.extract.places.capitals import capital_mentions
from eventwire.extract.places.dateline import dateline_place, in_lead, is_local, report_town
from eventwire.extract.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CONTINENT,
    COUNTRY,
    NATURAL_CODES,
    WATER_CODES,
    Gazetteer,
    haversine_km,
)
from eventwire.extract.places.lexicon import place_data, place_lexicon
from eventwire.extract.places.location_candidates import extra_candidates, locative_position, names_no_place
from eventwire.extract.places.location_features import (
    SINGLE_MODEL_FILE,
    candidate_features,
    decisive,
    location_model,
    model_row,
    most_probable,
    probability,
    vector_kind,
)
from eventwire.extract.places.visits import offshore_place, visit_place
from eventwire.knowledge import Knowledge
from eventwire.model import Event, EventLocation
from eventwire.nlp.encoder import Encoded, encoder
from eventwire.nlp.parse import text_of, trigger_token
from eventwire.nlp.tree import lemma_of, passive_agents

if TYPE_CHECKING:
    from eventwire.extract.places import PlaceMention

SEAT_OF_GOVERNMENT = "BLDG"  # "the Kremlin": an actor, never where an event happened
TOK2VEC_FALLBACK_WIDTH = 96  # en_core_web_sm's tok2vec width
SPECIFICITY_BONUS = {"PPL": 1.5, "PPLC": 1.5, ADMIN1: 0.7, COUNTRY: 0.0, None: 1.0}


@lru_cache(maxsize=1)
def locator_rules() -> Knowledge:
    rules = place_data("event_location.yaml")
    for key in ("verbal_types", "reporting_verbs", "near_preps", "part_nouns", "candidate_preps"):
        rules.convert(key, set)
    for key in ("direction_words", "place_object_verbs", "never_places", "border_words", "happening_verbs"):
        rules.convert(key, set)
    rules.convert("pointing_back", set)
    rules.convert("police_sectors", set)
    rules.convert("police_words", set)
    rules.convert("home_modes", set)
    rules.convert("home_sectors", lambda sectors: {None if sector == "none" else sector for sector in sectors})
    rules.convert("meeting_types", set)
    rules.convert("abroad_words", set)
    rules.convert("abroad_sectors", set)
    for key in ("speaking_settings", "fronted_settings", "town_bound_sectors"):
        rules.convert(key, set)
    rules.convert("pointing_kinds", dict)
    for key in ("visit_words", "visit_path_preps", "visit_link_preps", "offshore_preps", "coast_nouns", "around_nouns"):
        rules.convert(key, set)
    return rules


def locate_events(doc: Doc, events: list[Event], mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    locative = {prep for prep, weight in locator_rules()["locative_preps"].items() if weight > 0}
    candidates = [*mentions, *capital_mentions(doc, mentions, gazetteer, locative)]  # "in the Iraqi capital"
    # the learned chooser weighs every name of the sentence as it was fitted to, and vetoes these itself
    mentions = [mention for mention in candidates if not names_no_place(doc, mention)]
    for event in events:
        if event.location is not None:
            continue
        inside = _place_in_trigger(event, mentions)
        if inside is not None:
            event.location = to_event_location(inside, None)
            continue
        if _locate_by_rule(doc, event, mentions):
            continue
        chosen = choose_location(doc, event, candidates)
        if chosen is not None:
            mention, prep = chosen
            event.location = to_event_location(mention, prep)
        else:
            verbal = event.type in locator_rules()["verbal_types"]
            mention = (_place_of_the_speaker if verbal else _place_in_trigger_setting)(doc, event, mentions)
            if mention is None and event.type in locator_rules()["meeting_types"]:
                mention = _place_of_the_met(doc, event, mentions)
            if mention is None and verbal:
                mention = (
                    _place_of_the_fronted_setting(doc, event, mentions)
                    or _place_of_the_coordinated_verb(doc, event, mentions)
                    or _town_of_the_speaker(doc, event, mentions)
                )
            if mention is not None:
                event.location = to_event_location(mention, None)
    dateline = dateline_place(text_of(doc), mentions)  # the town the report was filed from
    locate_from_adjacent(doc, events, mentions, dateline)
    if dateline is not None:
        part = _part_the_lead_names(doc, mentions, dateline)  # "LOS ANGELES: ... in Beverly Hills"
        locate_from_dateline(doc, events, mentions, dateline, part=part)
        locate_the_lead_at_dateline(doc, events, mentions, dateline, part=part)
    else:
        rules = locator_rules()
        town = report_town(doc, mentions, rules["report_lead_sentences"], rules["dateline_town_km"])
        locate_from_dateline(doc, events, mentions, town, source="report")
    locate_by_the_local_police(doc, events, mentions)
    locate_by_police_nationality(doc, events, mentions)
    locate_by_the_state_at_home(doc, events, mentions)
    locate_in_the_story_country(doc, events, mentions, dateline)
    for event in events:
        if event.location is not None and event.location.precision == 1 and around_the_place(doc, event.location):
            event.location = replace(event.location, precision=2, precision_name="near")


def around_the_place(doc: Doc, location: EventLocation) -> bool:
    """'the Latakia countryside', 'the eastern countryside of Homs', 'Aleppo's outskirts' (`around_nouns`): the land
    around a town, not the town's point."""
    span = doc.char_span(location.start, location.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
    linked = root.dep_ in ("compound", "poss", "pobj") and head is not root
    return linked and lemma_of(head) in locator_rules()["around_nouns"]


def locate_in_the_story_country(
    doc: Doc, events: list[Event], mentions: list[PlaceMention], dateline: PlaceMention | None = None
) -> None:
    """A report all of whose named places lie in one country (its towns, regions, the country itself; a place of
    none, such as a continent or a sea, says the story reaches beyond it) tells acts that happened in that country:
    an act nothing else places, whose sentence names no place, by an actor of that country or of none, takes the
    country (precision 6, source "report"). Nationality words do not count ("American tourists" in a Kenya story).
    No region: a region and a town inside it would keep two mentions of one act apart (merge.py's conflict).
    A report naming places abroad but filed from a dateline gives its country to the acts (not statements or
    meetings: `verbal_types`; their actor is as often misread, "Speaker after speaker denounced the United States")
    of that country's own actors (not its armed forces, `abroad_sectors`: they also act abroad), when the report
    names that country (source "dateline")."""
    story = _story_area(mentions)
    home = None if story is not None or dateline is None else _country_named(mentions, dateline.place.country)
    if story is None and home is None:
        return
    places = [m.place for m in mentions if m.place.role == "location" and not m.is_demonym]
    for event in events:
        if event.location is not None or _told_as_abroad(doc, event):
            continue
        if any(event.evidence.start <= place.start < event.evidence.end for place in places):
            continue  # its own sentence names a place: the locator had it and chose none
        actor = event.actor
        if story is not None and (actor is None or actor.country in (None, story.place.country)):
            event.location = replace(to_event_location(story, None), source="report")
        elif home is not None and event.type not in locator_rules()["verbal_types"] and _acts_at_home(event, home):
            event.location = replace(to_event_location(home, None), source="dateline")


def _acts_at_home(event: Event, home: PlaceMention) -> bool:
    """The actor is of the country and not of a sector that also acts abroad (armed forces)."""
    actor = event.actor
    sector_abroad = actor is not None and actor.sector in locator_rules()["abroad_sectors"]
    return actor is not None and actor.country == home.place.country and not sector_abroad


def _country_named(mentions: list[PlaceMention], country: str | None) -> PlaceMention | None:
    """The report's first mention of the country, by name before nationality word."""
    named = [m for m in mentions if m.resolved and m.place.feature_code == COUNTRY and m.place.country == country]
    return min(named, key=lambda m: (m.is_demonym, m.token_start), default=None)


def _told_as_abroad(doc: Doc, event: Event) -> bool:
    """ "murder of nationals outside the United States", "troops serving abroad": the sentence puts the act beyond
    the country it names (`abroad_words`), or across a border."""
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span is not None and any(token.lemma_.lower() in locator_rules()["abroad_words"] for token in span)


def _story_area(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The country every resolved location of the report lies in, named at least `story_places` times, by its
    first mention (its name before its nationality word)."""
    places = [m for m in mentions if m.resolved and m.place.role == "location"]
    named = [m for m in places if not m.is_demonym]
    countries = {m.place.country for m in named}
    if len(countries) != 1 or None in countries or len(named) < locator_rules()["story_places"]:
        return None  # one passing mention ("killed 247 people in Kenya") does not set the story there
    return next((m for m in sorted(places, key=lambda m: m.is_demonym) if m.place.feature_code == COUNTRY), None)


def locate_by_the_local_police(doc: Doc, events: list[Event], mentions: list[PlaceMention]) -> None:
    """ "Police in the city of Lyon were searching for a man ... Police have urged people to avoid the area": a
    report whose lead (`report_lead_sentences`) names its police as one town's (the town qualifying a police word:
    "Lyon police", "police in Lyon") places there the acts of police that nothing else places (source "report")."""
    rules = locator_rules()
    towns = {}
    for mention in mentions:
        if (
            _names_a_town(mention)
            and _qualifies_the_police(doc, mention, rules["police_words"])
            and in_lead(doc, mention, rules["report_lead_sentences"])
        ):
            towns.setdefault(mention.place.name, mention)
    if len(towns) != 1:
        return
    town = next(iter(towns.values()))
    placed = {(e.type, trigger_lemma(doc, e)) for e in events if e.location is not None}
    for event in events:
        actor = event.actor
        if event.location is not None or actor is None or actor.sector not in rules["police_sectors"]:
            continue
        if (event.type, trigger_lemma(doc, event)) in placed:
            continue  # told again ("is charged with murder, police said"): the placed mention says where
        event.location = replace(to_event_location(town, None), source="report")


def _names_a_town(mention: PlaceMention) -> bool:
    """A resolved name (not a nationality word) of a populated place."""
    return mention.resolved and not mention.is_demonym and (mention.place.feature_code or "").startswith("PPL")


def _qualifies_the_police(doc: Doc, mention: PlaceMention, police_words: set[str]) -> bool:
    """ "Lyon police", "Chicago's police", "police in (the city of) Lyon"."""
    root = doc[mention.token_start : mention.token_end].root
    if root.dep_ in {"compound", "poss", "nmod"} and root.head.lemma_.lower() in police_words:
        return True
    prep, _ = governing_prep(root)
    return prep is not None and prep.lower_ in {"in", "of"} and prep.head.lemma_.lower() in police_words


def locate_by_police_nationality(doc: Doc, events: list[Event], mentions: list[PlaceMention]) -> None:
    """ "Tanzanian police said they had arrested 14 foreigners": police act in their own country, so an event
    nothing else places, whose actor is a police force named by its nationality, took place in that country
    (precision 6, the nationality word as its span)."""
    police = locator_rules()["police_sectors"]
    for event in events:
        actor = event.actor
        if event.location is not None or actor is None or actor.sector not in police or actor.country is None:
            continue
        if _guards_a_border(doc, actor.start, actor.end):
            continue  # "killed by Turkish border guards": at the border, on either side
        nationality = next(
            (
                m
                for m in mentions
                if m.is_demonym
                and m.place.country == actor.country
                and m.place.feature_code == COUNTRY
                and _qualifies(doc, m, actor.start, actor.end)
            ),
            None,
        )
        if nationality is not None:
            event.location = to_event_location(nationality, None)


def locate_by_the_state_at_home(doc: Doc, events: list[Event], mentions: list[PlaceMention]) -> None:
    """ "Tanzania expelled five Iraqis", "Russia announces expulsions of Western diplomats", "Iranian authorities
    deported a journalist": a state deports and expels from its own territory, so such an act (`home_modes`) that
    nothing else places, by a government, court, police or unnamed-sector actor named by its country (the
    country's name or nationality heading or qualifying the actor's phrase), took place in that country (precision
    6, the country's word as its span). Armed forces are left out, and arrests: both also happen abroad."""
    rules = locator_rules()
    for event in events:
        actor = event.actor
        if event.location is not None or event.mode not in rules["home_modes"] or event.status != "asserted":
            continue
        if actor is None or actor.country is None or actor.sector not in rules["home_sectors"]:
            continue
        country = next(
            (
                m
                for m in mentions
                if m.place.country == actor.country
                and m.place.feature_code == COUNTRY
                and _names_the_actor(doc, m, actor.start, actor.end)
            ),
            None,
        )
        if country is not None:
            event.location = replace(to_event_location(country, None), source="sentence")


def _names_the_actor(doc: Doc, mention: PlaceMention, start: int, end: int) -> bool:
    """The country word is the head of the actor's phrase ("Tanzania expelled") or qualifies it ("Iranian
    authorities", "Russia's foreign ministry")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not (start <= mention.place.start and mention.place.end <= end):
        return False
    root = doc[mention.token_start : mention.token_end].root
    return root == span.root or (root.head == span.root and root.dep_ in {"poss", "amod", "compound", "nmod"})


def _guards_a_border(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    borders = locator_rules()["border_words"]
    return span is not None and any(token.lemma_.lower() in borders for token in span)


def _qualifies(doc: Doc, mention: PlaceMention, start: int, end: int) -> bool:
    """The nationality word modifies the head of the actor's phrase ("Tanzanian police", "the Kenyan police")."""
    head = doc[mention.token_start : mention.token_end].root.head
    return mention.place.start < end and start <= head.idx < end and mention.place.end <= head.idx


def _locate_by_rule(doc: Doc, event: Event, mentions: list[PlaceMention]) -> bool:
    """Places the parse states outright (visits.py): at sea off a coast; for a statement or meeting, where its
    speaker went ("on a visit to Tunis", "arrived in Washington")."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return False
    rules = locator_rules()
    sentence = _sentence(doc, event, trigger)
    own = [
        m
        for m in mentions
        if sentence.start <= m.token_start
        and m.token_end <= sentence.end
        and m.resolved
        and not m.is_demonym
        and m.place.feature_code not in {CONTINENT, SEAT_OF_GOVERNMENT}
    ]
    offshore = offshore_place(doc, trigger, own, rules)
    if offshore is not None:
        event.location = replace(to_event_location(offshore, None), precision=7, precision_name="water")
        return True
    visited = visit_place(doc, trigger, own, rules) if event.type in rules["verbal_types"] else None
    if visited is not None:
        event.location = to_event_location(visited, None)
        return True
    return False


def _place_in_trigger(event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "the Madrid summit", "the Geneva talks", "the Kabul attack": a town or region named inside a nominal
    trigger is where the act happened (a country there is usually a party: "the U.S. attack")."""
    for mention in mentions:
        place = mention.place
        inside = event.trigger.start <= place.start and place.end < event.trigger.end
        local = place.feature_code not in {COUNTRY, CONTINENT, SEAT_OF_GOVERNMENT}
        if inside and local and mention.resolved and place.role == "location" and not mention.is_demonym:
            return mention
    return None


def _place_in_trigger_setting(doc: Doc, event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "killed in a car bomb attack outside the embassy in the Tanzanian capital Dar es Salaam": where the
    model chose none, the one place at the end of the trigger's own chain of locative phrases (in/at/near ...,
    through "of"; `_inside_trigger_setting`) is where the act happened."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return None
    inside = [
        m
        for m in _sites_in(trigger.sent, mentions)
        if _inside_trigger_setting(doc, trigger, m) and not _in_a_list(doc, m) and not _country_as_owner(doc, m)
    ]
    return _innermost(doc, inside)


def _place_of_the_speaker(doc: Doc, event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "Officials in Tunis denied ...", "investigated by a grand jury in Newark": a statement is made where its
    speaker is, when the speaker (the trigger's subject or agent, and the event's actor) is placed by an in/at
    phrase of its own and the locator found no other place for it ("growth in the U.S. has not met expectations"
    places nothing)."""
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ not in {"VERB", "AUX"} or event.actor is None:
        return None
    actor = event.actor
    speakers = [s for s in _speakers(trigger) if actor.start <= s.idx < actor.end]
    placed = []
    for mention in _sites_in(trigger.sent, mentions):
        prep, _ = governing_prep(doc[mention.token_start : mention.token_end].root)
        if prep is not None and prep.lower_ in {"in", "at"} and prep.head in speakers and not _in_a_list(doc, mention):
            placed.append(mention)
    return _innermost(doc, placed)


def _place_of_the_met(doc: Doc, event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "The minister met with the Ugandan envoy in Kampala", "talks with British ministers in London", "met with
    U.S. officials in Qatar": a place placing whom a meeting was with (the object of the trigger or of its "with"
    phrase, also on the verb of "held talks with") by an in/at phrase is where they met; the parse often hangs
    that phrase on the person, not the trigger."""
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ not in {"VERB", "AUX", "NOUN"}:
        return None
    met = _whom_met(trigger)
    placed = []
    for mention in _sites_in(trigger.sent, mentions):
        prep, _ = governing_prep(doc[mention.token_start : mention.token_end].root)
        if prep is not None and prep.lower_ in {"in", "at"} and prep.head in met:
            placed.append(mention)
    return None if any(_in_a_list(doc, m) for m in placed) else _innermost(doc, placed)


def _place_of_the_fronted_setting(doc: Doc, event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "In Havana, the father joined Castro at a rally to press for ...", "While ..., at a campaign stop in Ciudad
    Juarez, he called for ...": an in/at phrase set before the subject of a clause tells where the clause's acts
    happened: its verb's, and those of the verbs coordinated with it or sharing its subject (not of a reported
    clause, "In Kyiv, officials said Russia had threatened ...")."""
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ not in {"VERB", "AUX"}:
        return None
    fronted = [phrase for verb in _clause_verbs(trigger) for phrase in _fronted_phrases(verb)]
    placed = [
        m
        for m in _sites_in(trigger.sent, mentions)
        if any(_under_phrase(doc, m, phrase) for phrase in fronted) and not _in_a_list(doc, m)
    ]
    return _innermost(doc, placed)


def _place_of_the_coordinated_verb(doc: Doc, event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "UEFA opened proceedings at its headquarters in Switzerland on Thursday and charged Liverpool ...": a verb
    coordinated with the one before it, and sharing its subject (none of its own), is done where that one is: the
    place at the end of its in/at phrase."""
    trigger = trigger_token(doc, event)
    if trigger is None or trigger.pos_ != "VERB" or trigger.dep_ != "conj" or trigger.head.pos_ != "VERB":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children):
        return None  # "the family refused, and agents raided a house in X": another clause
    verb = trigger.head
    placed = [
        m
        for m in _sites_in(trigger.sent, mentions)
        if (_on_the_verb(doc, verb, m) or _inside_trigger_setting(doc, verb, m))
        and not _in_a_list(doc, m)
        and not _country_as_owner(doc, m)
    ]
    return _innermost(doc, placed)


def _on_the_verb(doc: Doc, verb: Token, mention: PlaceMention) -> bool:
    """The place hangs from an in/at phrase of the verb itself ("arrested the mayor in Lima")."""
    prep, _ = governing_prep(doc[mention.token_start : mention.token_end].root)
    return prep is not None and prep.head == verb and prep.lower_ in {"in", "at"}


def _town_of_the_speaker(doc: Doc, event: Event, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "A Bangkok military court has indicted two men", "Paris' counterterrorism authority opened a probe": a town
    naming the speaker (a word before the head of the trigger's subject, which is the event's actor: a government,
    police, court or legislature, `town_bound_sectors`) is where the speaker acts."""
    trigger = trigger_token(doc, event)
    actor = event.actor
    if trigger is None or trigger.pos_ not in {"VERB", "AUX"} or actor is None:
        return None
    if actor.sector not in locator_rules()["town_bound_sectors"]:
        return None  # "the Miami relatives filed ...": where people come from, not where they act
    speakers = [s for s in _speakers(trigger) if actor.start <= s.idx < actor.end]
    sentence = trigger.sent
    towns = [  # the actor resolver may have made the town part of the actor ("Bangkok military court"): any role
        m
        for m in mentions
        if sentence.start <= m.token_start < sentence.end
        and _names_a_town(m)
        and _names_the_speaker(doc[m.token_start : m.token_end].root, speakers)
    ]
    if len(towns) == 1:
        return towns[0]
    return _place_the_speaker_points_back_to(doc, trigger, speakers, mentions)


def _place_the_speaker_points_back_to(
    doc: Doc, trigger: Token, speakers: list[Token], mentions: list[PlaceMention]
) -> PlaceMention | None:
    """ "... within Venezuela's Aragua state ...; however, the state's governor denies": a local office named by a
    definite place noun ("the state's governor", "the city's mayor"; `pointing_kinds`) holds the one place of that
    kind the sentence named before it, or else the sentence before (a country's leader may speak abroad: no
    "the country's")."""
    kinds = locator_rules()["pointing_kinds"]
    nouns = [
        c
        for s in speakers
        for c in s.children
        if c.dep_ == "poss" and c.lemma_.lower() in kinds and any(d.lower_ == "the" for d in c.children)
    ]
    if len(nouns) != 1:
        return None
    kind = kinds[nouns[0].lemma_.lower()]
    sentence = trigger.sent
    earlier = [doc[sentence.start - 1].sent] if sentence.start > 0 else []
    for span in (doc[sentence.start : nouns[0].i], *earlier):
        places = [
            m
            for m in mentions
            if span.start <= m.token_start < span.end
            and m.resolved
            and not m.is_demonym
            and (m.place.feature_code or "").startswith(kind)
        ]
        if places:
            return places[0] if len({m.place.name for m in places}) == 1 else None
    return None


def _names_the_speaker(root: Token, speakers: list[Token]) -> bool:
    """The place qualifies a speaker: "a Bangkok court", "Paris' authority", "a Bangkok military court"."""
    node = root
    for _ in range(3):
        if node.dep_ not in {"compound", "poss", "nmod"} or node.head == node:
            return False
        node = node.head
        if node in speakers:
            return True
    return False


def _clause_verbs(trigger: Token) -> list[Token]:
    """The trigger and the verbs it is coordinated with or shares its subject with, up to its clause's head."""
    verbs = [trigger]
    node = trigger
    while node.dep_ in {"conj", "xcomp", "advcl"} and node.head.pos_ in {"VERB", "AUX"} and node.head != node:
        node = node.head
        verbs.append(node)
    return verbs


def _fronted_phrases(verb: Token) -> list[Token]:
    """The verb's in/at phrases that stand before it and before its subject ("In Havana, X joined ...")."""
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    first = min([verb.i, *subjects])
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"} and c.i < first]


def _under_phrase(doc: Doc, mention: PlaceMention, phrase: Token) -> bool:
    """The place is the setting named by `phrase`, directly or through in/at/of phrases on a place or where words
    are said ("at a campaign stop in X": `speaking_settings`, `fronted_settings`), and not a word qualifying
    another noun ("In Syria's war", "In the war in Syria" name a war, not where the speaker was)."""
    root = doc[mention.token_start : mention.token_end].root
    if root.dep_ in {"compound", "poss", "amod", "nmod"} and not is_place_head(root.head):
        return False
    settings = locator_rules()["speaking_settings"] | locator_rules()["fronted_settings"]
    if root.lemma_.lower() in settings:
        return False  # "In his Sunday Mass at ...": the setting's noun, not a place's name
    prep, _ = governing_prep(root)
    for _ in range(4):
        if prep is None:
            return False
        if prep == phrase:
            return True
        node = prep.head
        setting = is_place_head(node) or node.lemma_.lower() in settings
        if prep.lower_ not in {"in", "at", "of"} or not setting or node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        prep = node.head
    return False


def _whom_met(trigger: Token) -> list[Token]:
    """The other side of a meeting: the verb's object, the object of a "with" on the trigger, or on the verb a
    nominal trigger is the object of ("held talks with X", "had a meeting with X")."""
    met = [c for c in trigger.children if c.dep_ == "dobj"] if trigger.pos_ != "NOUN" else []
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        heads.append(trigger.head)
    withs = [c for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
    return met + [g for c in withs for g in c.children if g.dep_ == "pobj"]


def _speakers(verb: Token) -> list[Token]:
    """The verb's subject, or the agent of a passive ("by a grand jury"); a verb sharing its subject with the
    one it hangs on ("denied X and accused Y", "said ..., urging") takes that one's."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += passive_agents(verb)
    if not subjects and verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        return _speakers(verb.head)
    return subjects


def _country_as_owner(doc: Doc, mention: PlaceMention) -> bool:
    """ "outside the U.S. embassy in Dar es Salaam": a country qualifying a noun names whose site it is, not where
    it lies (a possessive still may: "near Lebanon's southern border")."""
    root = doc[mention.token_start : mention.token_end].root
    return mention.place.feature_code == COUNTRY and root.dep_ in {"compound", "amod", "nmod"}


def _sites_in(sentence: Span, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The sentence's resolved places that can be where an act happened (no demonym, continent or seat)."""
    return [
        m
        for m in mentions
        if sentence.start <= m.token_start < sentence.end
        and m.resolved
        and m.place.role == "location"
        and not m.is_demonym
        and m.place.feature_code not in {CONTINENT, SEAT_OF_GOVERNMENT}
    ]


def _in_a_list(doc: Doc, mention: PlaceMention) -> bool:
    """ "the embassies in Kenya and Tanzania": one of several coordinated places is not where the act was."""
    root = doc[mention.token_start : mention.token_end].root
    return root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children)


def locate_from_adjacent(
    doc: Doc, events: list[Event], mentions: list[PlaceMention], dateline: PlaceMention | None
) -> None:
    """Events whose sentence names no place borrow the place of the same report's next or previous
    sentence (adjacent.py); verbal events (statements, meetings) never do. The `dateline` says where the
    report was filed, not a place its sentence names."""
    places = [m.place for m in mentions if m.place.role == "location" and not m.is_demonym and m is not dateline]

    def has_place(start: int, end: int) -> bool:
        return any(start <= place.start < end for place in places)

    def own(event: Event) -> EventLocation | None:
        return event.location if event.location is not None and event.location.source == "sentence" else None

    verbal = locator_rules()["verbal_types"]
    borrowed = borrow(doc, events, own, has_place, lambda loc: (loc.geonameid, loc.name))
    for i, location in borrowed.items():
        if events[i].type not in verbal:
            events[i].location = replace(location, source="adjacent")
    for event in events:
        trigger = trigger_token(doc, event)
        if event.location is not None or event.type in verbal or trigger is None:
            continue
        if not has_place(trigger.sent.start_char, trigger.sent.end_char):
            mention = _place_of_a_later_mention(doc, trigger, mentions)
            if mention is not None:
                event.location = replace(to_event_location(mention, None), source="adjacent")
    for event in events:
        trigger = trigger_token(doc, event)
        if event.location is not None or trigger is None or has_place(trigger.sent.start_char, trigger.sent.end_char):
            continue
        others = [m for m in mentions if m is not dateline]
        mention = _place_there_points_to(doc, trigger, others)
        if mention is None and event.type not in verbal and continues_the_report(doc, event):
            mention = _place_the_sentence_before_tells(doc, trigger, others)
        if mention is not None:
            event.location = replace(to_event_location(mention, None), source="adjacent")


def _place_the_sentence_before_tells(doc: Doc, trigger: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "The second bombing occurred in Kabul near the US embassy. In this incident 22 were killed ...": a sentence
    telling where an act happened (`_tells_where_it_happened`) places the consequences the next sentence reports
    (a count of victims, a passive: `continues_the_report`), by its one place (or the one its others contain)."""
    before = _sentence_before(trigger)
    if before is None or not _tells_where_it_happened(before):
        return None
    return _one_place(doc, [m for m in _sites_in(before, mentions) if not _country_as_owner(doc, m)])


def _place_there_points_to(doc: Doc, trigger: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "Police found the car close to Yuba City. It was there that the brothers were arrested": "there" (not the
    "there" of "there was") points to the one place of the sentence before."""
    if not any(token.lower_ == "there" and token.dep_ != "expl" for token in trigger.sent):
        return None
    before = _sentence_before(trigger)
    return None if before is None else _one_place(doc, _sites_in(before, mentions))


def _sentence_before(trigger: Token) -> Span | None:
    sentence = trigger.sent
    return None if sentence.start == 0 else trigger.doc[sentence.start - 1].sent


def _one_place(doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The innermost of a sentence's places, none where they form a list ("in Kabul, Herat and Kandahar")."""
    return None if any(_in_a_list(doc, m) for m in places) else _innermost(doc, places)


def locate_from_dateline(
    doc: Doc,
    events: list[Event],
    mentions: list[PlaceMention],
    home: PlaceMention | None,
    source: str = "dateline",
    part: PlaceMention | None = None,
) -> None:
    """Events that neither their sentence nor its neighbours place take the dateline's town (dateline.py) when the
    report names no other town of that country ("JERUSALEM (AP)_ ... the court in Tel Aviv" lends none), and
    either names no place in another country or the event is a statement or meeting by an actor of the dateline's
    country ("WASHINGTON _ ... the INS offered three options"). A sentence naming another place lends the
    dateline to none of its events (the model left that place out for a reason). A report without a dateline
    lends the one town its lead names the same way (`report_town`, source "report"). A `part` or suburb of the
    dateline's town that the lead names as where the story happened stands in for the dateline for acts that are
    not statements or meetings (source "report")."""
    if home is None or home.place.country is None:
        return
    country = home.place.country
    places = [m for m in mentions if not m.is_demonym and m.resolved]  # "Moscow said" too: the report is about it
    elsewhere = [m for m in places if m.place.country == country and not _contains_or_is(m, home)]
    abroad = any(m.place.country != country for m in places)
    verbal = locator_rules()["verbal_types"]
    report = source == "report"  # a town the text names: where its own sentence names one, the model decided
    for event in events:
        actor_country = event.actor.country if event.actor is not None else None
        # a statement the dateline's lead tells, by a speaker of no known country: the reporter heard it there
        untold_speaker_in_lead = actor_country is None and not report and _in_the_lead(doc, event)
        speaker_at_home = event.type in verbal and (actor_country == country or untold_speaker_in_lead)
        if elsewhere and not (speaker_at_home and _told_in_the_lead_alone(doc, event, elsewhere)):
            continue
        trigger = trigger_token(doc, event)
        named = any(
            event.evidence.start <= m.place.start < event.evidence.end
            and (
                (report and m.place.role == "location" and is_local(m.place.feature_code))
                or (
                    not _contains_or_is(m, home)
                    and not (speaker_at_home and trigger is not None and _what_was_spoken_of(doc, trigger, m))
                )
            )
            for m in places
        )
        if event.location is not None or named:
            continue
        here = not abroad and actor_country in (None, country)
        if here or speaker_at_home:
            event.location = _at_home(home, None if event.type in verbal else part, source)


def locate_the_lead_at_dateline(
    doc: Doc, events: list[Event], mentions: list[PlaceMention], home: PlaceMention, part: PlaceMention | None = None
) -> None:
    """The report's first sentence tells the news where the report was filed ("DAR ES SALAAM, Tanzania (AP) _
    Tanzania expelled five Iraqis ..."), whatever places the rest of the report names: its acts that nothing
    else places, by an actor of the dateline's country or of none (a meeting: or with a recipient of it), take
    the dateline when the sentence names no other place where they could be and its paragraph no other town of
    that country. Background told in the lead ("historical") is not placed so."""
    country = home.place.country
    lead = _lead_sentence(doc, home)
    if country is None or lead is None:
        return
    verbal, meetings = locator_rules()["verbal_types"], locator_rules()["meeting_types"]
    towns = [m for m in mentions if m.resolved and m.place.country == country and not _contains_or_is(m, home)]
    in_lead = [m for m in mentions if lead.start <= m.token_start < lead.end]
    # a place across a border counts whatever its role ("seized a bomb in a town bordering Northern Ireland")
    named = [m for m in in_lead if m.place.role == "location" or _beyond_a_border(doc, m)]
    for event in events:
        trigger = trigger_token(doc, event)
        if event.location is not None or event.status == "historical" or trigger is None or trigger.sent != lead:
            continue
        if _in_its_paragraph(doc, event, towns):  # "... Farmers had protested in Perth": maybe told from there
            continue
        parties = [event.actor.country if event.actor is not None else None]
        if event.type in meetings:  # a meeting is held where either side is; a statement where its speaker is
            parties.append(event.recipient.country if event.recipient is not None else None)
        if parties[0] not in (None, country) and country not in parties:
            continue
        if any(_names_another_place(doc, trigger, m, home, event.type in verbal) for m in named):
            continue
        event.location = _at_home(home, None if event.type in verbal else part, "dateline")


def _at_home(home: PlaceMention, part: PlaceMention | None, source: str) -> EventLocation:
    """The dateline's (or the report's) town, or the part of it where the story's acts happened (its statements
    are made where the report was filed)."""
    if part is not None:
        return replace(to_event_location(part, None), source="report")
    return replace(to_event_location(home, None), source=source)


def _part_the_lead_names(doc: Doc, mentions: list[PlaceMention], home: PlaceMention) -> PlaceMention | None:
    """The one town within `dateline_town_km` of the dateline's (a part or suburb of it) that the report's lead
    (first `report_lead_sentences`) names as a location, when the report names no other such town: "LOS ANGELES:
    ... smashed the windows in Beverly Hills" is a Beverly Hills story."""
    town = home.place
    parts = [m for m in mentions if _names_a_town(m) and m.place.name != town.name and _contains_or_is(m, home)]
    if len({m.place.geonameid for m in parts}) != 1 or parts[0].place.role != "location":
        return None
    return parts[0] if in_lead(doc, parts[0], locator_rules()["report_lead_sentences"]) else None


def _lead_sentence(doc: Doc, home: PlaceMention) -> Span | None:
    """The first sentence after the dateline's town that has a verb (the dateline may stand on its own line)."""
    for sentence in islice(doc.sents, 3):
        if sentence.end > home.token_end and any(t.pos_ in ("VERB", "AUX") for t in sentence):
            return sentence
    return None


def _names_another_place(doc: Doc, trigger: Token, mention: PlaceMention, home: PlaceMention, verbal: bool) -> bool:
    """A place of the lead sentence where the act may have been: not the dateline, a container of it or a part of
    it, nor a country owning a site, nor (for a statement) a place it only speaks of."""
    if mention is home or mention.is_demonym:
        return False
    if _beyond_a_border(doc, mention):
        return True  # "in a town bordering Northern Ireland": outside it, so not at a dateline inside it
    if mention.resolved and _contains_or_is(mention, home):
        return False
    if _country_as_owner(doc, mention):  # "the U.S. embassies": whose site, not where
        return False
    return not (verbal and _what_was_spoken_of(doc, trigger, mention))


def _in_the_lead(doc: Doc, event: Event) -> bool:
    """The event is told in the report's first `dateline_lead_sentences` sentences."""
    sentences = list(islice(doc.sents, locator_rules()["dateline_lead_sentences"]))
    return bool(sentences) and event.evidence.start < sentences[-1].end_char


def _told_in_the_lead_alone(doc: Doc, event: Event, elsewhere: list[PlaceMention]) -> bool:
    """A report naming other towns of the dateline's country ("WASHINGTON (AP) -- ... a house in Dayton") still
    places at the dateline a statement its lead tells, when the paragraph holding it names none of them: the lead
    tells what was said where the report was filed."""
    return _in_the_lead(doc, event) and not _in_its_paragraph(doc, event, elsewhere)


def _in_its_paragraph(doc: Doc, event: Event, mentions: list[PlaceMention]) -> bool:
    """Whether one of the places lies in the paragraph (the lines between line breaks) holding the event's
    sentence; a text without line breaks has no paragraphs, so there the sentence and the one after it stand for
    one (a one-paragraph wire story names its other towns further down: "WASHINGTON (AP) - The administration
    signed off on ... Since the prince arrived ..., he has visited New York, Boston and Houston")."""
    text = text_of(doc)
    if "\n" in text.strip():
        start = text.rfind("\n", 0, event.evidence.start) + 1
        end = text.find("\n", event.evidence.end)
        end = len(text) if end < 0 else end
    else:
        start, end = event.evidence.start, _end_of_next_sentence(doc, event.evidence.end)
    return any(start <= m.place.start < end for m in mentions)


def _end_of_next_sentence(doc: Doc, offset: int) -> int:
    """Where the sentence after the one ending at `offset` ends (the text's end when there is none)."""
    ends = [sentence.end_char for sentence in doc.sents if sentence.end_char > offset]
    return ends[1] if len(ends) > 1 else len(text_of(doc))


def _what_was_spoken_of(doc: Doc, trigger: Token, mention: PlaceMention) -> bool:
    """A place a statement is about, not where its speaker was: it qualifies a noun ("condemned the attacks on
    the embassies in Kenya") or a verb of another clause ("footage of exiles protesting in Miami"), not the
    trigger or a verb sharing its subject ("speaking in Tokyo, said")."""
    prep, reached = governing_prep(doc[mention.token_start : mention.token_end].root)
    anchor = prep.head if prep is not None else reached.head
    if anchor.pos_ not in {"VERB", "AUX"}:
        return True
    if anchor == trigger or anchor in trigger.ancestors:
        return False
    shares_subject = anchor.dep_ in {"advcl", "xcomp", "conj"} and anchor.head == trigger
    return not shares_subject


def _contains_or_is(mention: PlaceMention, home: PlaceMention) -> bool:
    """The dateline's town named again, its country, a division holding it, or a part or suburb of it
    ("NEW YORK ... in Brooklyn")."""
    place, town = mention.place, home.place
    if place.country != town.country:
        return False
    if place.feature_code == COUNTRY or place.name == town.name:
        return True
    if place.feature_code in {ADMIN1, ADMIN2}:
        return place.admin1 == town.admin1
    coordinates = (place.lat, place.lon, town.lat, town.lon)
    return None not in coordinates and haversine_km(*coordinates) <= locator_rules()["dateline_town_km"]


def _place_of_a_later_mention(doc: Doc, trigger: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """ "Gunmen attacked a police station. The attack took place in Maiduguri.": the one place of the next
    sentence that names the act again with a definite noun of the trigger's lemma."""
    end = trigger.sent.end  # its own sentence only: listing all of them for each event is quadratic in long texts
    if end >= len(doc):
        return None
    following = doc[end].sent
    lemma = trigger.lemma_.lower()
    names_the_act = any(
        token.pos_ == "NOUN"
        and token.lemma_.lower() == lemma
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        for token in following
    )
    if not (names_the_act or _tells_where_it_happened(following)):
        return None
    places = [
        m
        for m in mentions
        if m.place.role == "location"
        and not m.is_demonym
        and m.resolved
        and following.start <= m.token_start < following.end
    ]
    return _innermost(doc, places)


def _innermost(doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The one place, or the one that the others only contain ("Crown Heights ... of Brooklyn"); else None."""
    inner = [
        m
        for m in places
        if not any(
            o is not m
            and ((m.token_start >= o.token_end and _is_its_container(m, o)) or _names_its_container(doc, o, m))
            for o in places
        )
    ]
    return places[0] if len(places) == 1 else (inner[0] if len(inner) == 1 else None)


def _tells_where_it_happened(sentence: Span) -> bool:
    """ "It happened in the Crown Heights neighborhood of Brooklyn", "The incident occurred near the border": a
    verb of happening whose subject points back ("it", "this", a definite noun)."""
    rules = locator_rules()
    for token in sentence:
        lemma = token.lemma_.lower()
        takes_place = lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children)
        if token.pos_ not in ("VERB", "AUX") or not (lemma in rules["happening_verbs"] or takes_place):
            continue
        for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subject.lower_ in rules["pointing_back"] or any(
                c.dep_ == "det" and c.lower_ in rules["pointing_back"] for c in subject.children
            ):
                return True
    return False


def _is_its_container(outer: PlaceMention, inner: PlaceMention) -> bool:
    return outer.place.country == inner.place.country and outer.place.feature_code in {ADMIN1, ADMIN2, COUNTRY}


def _sentence(doc: Doc, event: Event, trigger: Token) -> Span:
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span if span is not None and len(span) else trigger.sent


def choose_location(doc: Doc, event: Event, mentions: list[PlaceMention]) -> tuple[PlaceMention, str | None] | None:
    """The place where the event happened (with its preposition), or None.

    With the shipped models (location_features.py) the most probable candidate above the model's
    threshold: the tok2vec model's where it is `decisive` (a single candidate always), else the
    MiniLM model's; without them, the best rule score above `min_score`, refined by `_most_specific`."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return None
    model = location_model()
    scored, extra = _scored_candidates(doc, event, trigger, mentions, weighed=model is not None)
    if not scored:
        return None
    rule_choice = _rule_choice(doc, scored)
    if model is None:
        return (rule_choice[1], rule_choice[2]) if rule_choice is not None else None
    rows = candidate_rows(doc, trigger, scored, extra, rule_choice)
    cheap = location_model(SINGLE_MODEL_FILE)
    if cheap is not None:  # the cheaper model, without MiniLM, decides alone where it is sure
        probabilities = _probabilities(doc, event, trigger, rows, cheap)
        if decisive(probabilities):
            model = cheap
    if model is not cheap:
        probabilities = _probabilities(doc, event, trigger, rows, model)
    best = most_probable(probabilities, model["threshold"])
    if best is None or names_no_place(doc, scored[best][1]):
        return None  # no location rather than a wrong one
    return scored[best][1], scored[best][2]


Scored = tuple[float, "PlaceMention", str | None, bool]


Row = tuple["PlaceMention", dict[str, float], tuple[np.ndarray, np.ndarray] | None]


def candidate_rows_for_event(
    doc: Doc, event: Event, mentions: list[PlaceMention], vectors: str | None = None
) -> list[Row]:
    """The event's candidates with their parse features and, with a `vectors` kind ("minilm", "tok2vec"),
    their context vectors (else None; for fit_event_location.py)."""
    trigger = trigger_token(doc, event)
    if trigger is None:
        return []
    scored, extra = _scored_candidates(doc, event, trigger, mentions, weighed=True)
    if not scored:
        return []
    return _with_vectors(
        doc, event, trigger, candidate_rows(doc, trigger, scored, extra, _rule_choice(doc, scored)), vectors
    )


def _probabilities(
    doc: Doc, event: Event, trigger: Token, rows: list[tuple[PlaceMention, dict[str, float]]], model: dict
) -> list[float]:
    """Each candidate's probability under `model`, with the context vectors it was fitted on."""
    with_vectors = _with_vectors(doc, event, trigger, rows, vector_kind(model))
    return [
        probability(model_row(features, vectors, model.get("projection")), model)
        for _, features, vectors in with_vectors
    ]


def _with_vectors(
    doc: Doc, event: Event, trigger: Token, rows: list[tuple[PlaceMention, dict[str, float]]], vectors: str | None
) -> list[Row]:
    """Each candidate's parse features, with the context vectors the model reads (`vectors`: MiniLM's, the
    costliest step of the stage, or the parse's own tok2vec rows, which cost nothing; None: none)."""
    mentions = [mention for mention, _ in rows]
    if vectors is None:
        return [(mention, features, None) for mention, features in rows]
    if vectors == "tok2vec":
        pairs = tok2vec_vectors(doc, trigger, mentions)
    else:
        pairs = candidate_vectors(_sentence(doc, event, trigger), trigger, mentions)
    return [(mention, features, pair) for (mention, features), pair in zip(rows, pairs, strict=True)]


def candidate_vectors(
    sentence: Span, trigger: Token, mentions: list[PlaceMention]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(candidate vector, trigger vector) for each mention, read by MiniLM over the event's sentence."""
    encoded = _encoded(sentence.text)
    offset = sentence.start_char
    trigger_vector = encoded.span_vector(trigger.idx - offset, trigger.idx + len(trigger) - offset)
    return [(encoded.span_vector(m.place.start - offset, m.place.end - offset), trigger_vector) for m in mentions]


def tok2vec_vectors(doc: Doc, trigger: Token, mentions: list[PlaceMention]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(candidate vector, trigger vector) for each mention from the parse's tok2vec rows (`doc.tensor`, the
    context the tagger and parser read: about four words either side), the mean over the candidate's tokens."""
    tensor = doc.tensor
    if tensor is None or len(tensor) != len(doc):  # no tok2vec rows (a doc built by hand)
        tensor = np.zeros((len(doc), TOK2VEC_FALLBACK_WIDTH), dtype=np.float32)
    trigger_vector = tensor[trigger.i]
    return [(tensor[m.token_start : m.token_end].mean(axis=0), trigger_vector) for m in mentions]


@lru_cache(maxsize=32)
def _encoded(text: str) -> Encoded:
    """A sentence's MiniLM vectors; cached because every event of a sentence asks for them."""
    return encoder().encode(text)


def _scored_candidates(
    doc: Doc, event: Event, trigger: Token, mentions: list[PlaceMention], weighed: bool
) -> tuple[list[Scored], set[int]]:
    """Candidates of the event's sentence with their rule scores, and which are extra (unknown names
    found by location_candidates.py, by id). Places standing for a government are candidates only
    when a model weighs them (`weighed`) and the event is not verbal."""
    sentence = _sentence(doc, event, trigger)
    rules = locator_rules()
    verbal = event.type in rules["verbal_types"]
    nearby = [m for m in mentions if m.token_start < sentence.end and sentence.start < m.token_end]
    extra = extra_candidates(sentence, nearby, rules)
    scored: list[Scored] = []
    for mention in [*nearby, *extra]:
        place = mention.place
        if mention.is_demonym or place.feature_code in {CONTINENT, SEAT_OF_GOVERNMENT}:
            continue
        if place.feature_code == COUNTRY and _across_a_border(doc, mention):
            continue
        if place.role != "location" and (verbal or not weighed):
            continue  # a place standing for its government ("Moscow said") only as a weighed candidate
        if not (sentence.start <= mention.token_start and mention.token_end <= sentence.end):
            continue
        score, prep, direct = attachment_score(doc, trigger, mention)
        if verbal and not (
            direct
            or _inside_trigger_setting(doc, trigger, mention)
            or _place_of_speaking(doc, mention)
            or _on_the_governing_verb(doc, trigger, mention)
        ):
            continue
        scored.append((score, mention, prep, direct))
    return scored, {id(mention) for mention in extra}


def _is_locative(prep: Token | None) -> bool:
    """A preposition that can say where ("in", "at", "near"; `locative_preps`), not "of" or "from"."""
    return prep is not None and locator_rules()["locative_preps"].get(prep.lower_, 0.0) > 0


def _inside_trigger_setting(doc: Doc, trigger: Token, mention: PlaceMention) -> bool:
    """The place names where the trigger's own locative phrase is: "met at the union headquarters in the capital",
    "spoke at a rally in the centre of Lagos" (in/at phrases, through "of", up to the trigger)."""
    prep, _ = governing_prep(doc[mention.token_start : mention.token_end].root)
    if not _is_locative(prep):
        return False
    node = prep.head
    for _ in range(4):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        link = node.head
        if link.head == trigger or _shares_the_phrase(trigger, link.head):
            return _is_locative(link)
        if link.lower_ != "of" and not _is_locative(link):
            return False
        node = link.head
    return False


def _shares_the_phrase(trigger: Token, verb: Token) -> bool:
    """ "six were killed and 58 injured in a car bomb attack": a closing phrase on a later coordinated verb
    is the setting of a trigger with no locative phrase of its own."""
    if verb.i <= trigger.i or verb.pos_ != "VERB" or any(_is_locative(c) for c in trigger.children):
        return False
    conjunct = verb.head if verb.dep_ in {"acl", "amod"} else verb
    elliptical = verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)  # "9 injured"
    own_clause = not elliptical and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)  # "and agents raided"
    return conjunct.dep_ == "conj" and conjunct.head == trigger and not own_clause


def _on_the_governing_verb(doc: Doc, trigger: Token, mention: PlaceMention) -> bool:
    """ "In Havana, the government gave a first response, warning ...", "demonstrators thronged the street near the
    INS office in Miami, demanding ...": a participle sharing its subject is said where its governing verb is."""
    verb = trigger.head
    if trigger.dep_ not in {"advcl", "xcomp"} or verb.pos_ not in {"VERB", "AUX"} or trigger.tag_ != "VBG":
        return False
    root = doc[mention.token_start : mention.token_end].root
    if root.dep_ in {"compound", "poss", "amod", "nmod"} and not is_place_head(root.head):
        return False  # "lashed out at his Miami relatives": the place qualifies people
    prep, _ = governing_prep(root)
    if _is_locative(prep) and prep.head == verb:
        return True
    return _inside_trigger_setting(doc, verb, mention)


def _place_of_speaking(doc: Doc, mention: PlaceMention) -> bool:
    """ "told a news conference in Nairobi", "in a statement he signed in Abuja": where the words were said
    (`speaking_settings` in event_location.yaml) is where a statement happened."""
    settings = locator_rules()["speaking_settings"]
    prep, _ = governing_prep(doc[mention.token_start : mention.token_end].root)
    if not _is_locative(prep):
        return False
    head = prep.head
    if head.pos_ == "VERB" and head.dep_ in ("relcl", "acl"):
        head = head.head  # "a statement (he) signed in Abuja", "a statement issued in Abuja"
    return head.pos_ == "NOUN" and head.lemma_.lower() in settings


def _beyond_a_border(doc: Doc, mention: PlaceMention) -> bool:
    """ "a town bordering Northern Ireland", "near the China border": the place named lies across a border from
    where the act was."""
    root = doc[mention.token_start : mention.token_end].root
    borders = locator_rules()["border_words"]
    return _across_a_border(doc, mention) or (root.dep_ == "dobj" and root.head.lemma_.lower() in borders)


def _across_a_border(doc: Doc, mention: PlaceMention) -> bool:
    """ "near the China border", "along the border with China": the country on the other side."""
    borders = locator_rules()["border_words"]
    root = doc[mention.token_start : mention.token_end].root
    if root.dep_ in {"compound", "nmod", "amod", "poss"} and root.head.lemma_.lower() in borders:
        return True
    start = mention.token_start
    # "the border with China" (the parse may hang "with China" elsewhere)
    return start >= 2 and doc[start - 1].lower_ == "with" and doc[start - 2].lemma_.lower() in borders


def _rule_choice(doc: Doc, scored: list[Scored]) -> Scored | None:
    """The hand-weighted choice among location-role candidates (also a model feature)."""
    scored = [item for item in scored if item[1].place.role == "location"]
    if not scored:
        return None
    best = max(scored, key=lambda item: item[0])
    if best[0] < locator_rules()["min_score"]:
        return None
    return _most_specific(doc, best, scored, locator_rules()["specific_margin"])


def candidate_rows(
    doc: Doc,
    trigger: Token,
    scored: list[Scored],
    extra: set[int],
    rule_choice: Scored | None,
) -> list[tuple[PlaceMention, dict[str, float]]]:
    """Each candidate with its model features (also used to fit the model)."""
    best_score = max(item[0] for item in scored)
    ranks = sorted({item[0] for item in scored}, reverse=True)
    count = "1" if len(scored) == 1 else "2" if len(scored) == 2 else ">2"
    roots = [doc[item[1].token_start : item[1].token_end].root for item in scored]
    path_lengths = [sum(map(len, tree_path(trigger, root))) for root in roots]
    after = [root.i for root in roots if root.i > trigger.i]
    rows = []
    for (score, mention, prep, direct), root, length in zip(scored, roots, path_lengths, strict=True):
        others = [item[1] for item in scored if item[1] is not mention]
        other_roots = [r for r in roots if r is not root]
        relations = {
            "extra_candidate": id(mention) in extra,
            f"extra_position={_extra_position(root) if id(mention) in extra else 'none'}": True,
            "actor_role": mention.place.role != "location",
            "rule_best": score == best_score,
            "rule_choice": rule_choice is not None and rule_choice[1] is mention,
            "rule_second": len(ranks) > 1 and score == ranks[1],
            "inside_other": any(_lies_inside(mention, o) or _names_its_container(doc, mention, o) for o in others),
            "contains_other": any(_lies_inside(o, mention) or _names_its_container(doc, o, mention) for o in others),
            "same_name_twice": any(o.place.text == mention.place.text for o in others),
            f"candidates={count}": True,
            "under_other": any(r in root.ancestors for r in other_roots),
            "has_under": any(root in r.ancestors for r in other_roots),
            "closest": length == min(path_lengths),
            "first_after_trigger": bool(after) and root.i == min(after),
            "other_direct": any(item[3] for item in scored if item[1] is not mention),
            "gap_to_best": max(-6.0, score - best_score) / 3.0,
        }
        rule = (score, prep, direct)
        rows.append((mention, candidate_features(trigger, root, mention, rule, relations)))
    return rows


def _extra_position(root: Token) -> str:
    """Why an unknown name is a candidate: its locative position ("prep", "object", ...) or "other"."""
    return (locative_position(root, locator_rules()) or "other").split(":")[0]


def _most_specific(doc: Doc, best: Scored, scored: list[Scored], margin: float) -> Scored:
    """A near-best place lying inside the best one wins ("in Timbuktu, in northern Mali" -> Timbuktu)."""
    locative = locator_rules()["locative_preps"]
    inside = [
        item
        for item in scored
        if item[0] >= best[0] - margin
        and (item[2] is None or locative.get(item[2], 0.0) > 0)
        and _may_be_specific(doc, item[1])
        and (_lies_inside(item[1], best[1]) or _names_its_container(doc, item[1], best[1]))
    ]
    return max(inside, key=lambda item: item[0]) if inside else best


def _may_be_specific(doc: Doc, mention: PlaceMention) -> bool:
    """Gazetteer places and named sites, not organisations or adjectives ("Northern Alliance", "mostly-Kurdish")."""
    if mention.label == "NORP" or doc[mention.token_start : mention.token_end].root.pos_ == "ADJ":
        return False
    if mention.resolved or mention.label not in {"ORG", "PERSON", "PROPN"}:
        return True
    lexicon = place_lexicon()
    last = mention.place.text.split()[-1].lower()
    return last in lexicon.facility_words or last in lexicon.area_nouns


def _names_its_container(doc: Doc, inner: PlaceMention, outer: PlaceMention) -> bool:
    """The outer place hangs from the inner one's phrase: "the Karradah district of Baghdad",
    "Fallujah, in the western province of Anbar", "Lucciana, in upper Corsica"."""
    if inner is outer:
        return False
    root = doc[inner.token_start : inner.token_end].root
    anchor = root.head if root.dep_ in {"compound", "nmod", "amod"} and is_place_head(root.head) else root
    outer_root = doc[outer.token_start : outer.token_end].root
    path = [t for t in outer_root.ancestors]
    if anchor not in path:
        return False
    between = path[: path.index(anchor)]
    if between and between[-1].lower_ == "of" and anchor.lemma_.lower() not in locator_rules()["part_nouns"]:
        return False  # "the West Bank city of Nablus": Nablus names the city; "district of Baghdad" contains it
    return not any(t.lower_ in {"from", "to", "toward", "towards"} or t.pos_ == "VERB" for t in between)


def _lies_inside(inner: PlaceMention, outer: PlaceMention) -> bool:
    a, b = inner.place, outer.place
    if inner is outer or a.country is None or a.country != b.country:
        return False
    if b.feature_code == COUNTRY:
        return a.feature_code != COUNTRY
    if b.feature_code == ADMIN1:
        return a.feature_code not in {COUNTRY, ADMIN1} and (a.admin1 == b.admin1 or not inner.resolved)
    return False


def attachment_score(doc: Doc, trigger: Token, mention: PlaceMention) -> tuple[float, str | None, bool]:
    """(score, preposition, attached directly to the trigger) for one candidate place."""
    rules = locator_rules()
    root = doc[mention.token_start : mention.token_end].root
    prep, reached = governing_prep(root)
    prep_word = prep.lower_ if prep is not None else None
    score = SPECIFICITY_BONUS.get(mention.place.feature_code, 0.5)
    if (
        prep is not None
        and prep.head == trigger
        and prep_word in {"of", "on", "against"}
        and (trigger.lemma_.lower() in place_lexicon().target_nouns or trigger.lower_ in place_lexicon().target_nouns)
    ):
        score += 3.0  # "the invasion of Ukraine", "a strike on Izhevsk": the target is where it happened
    elif prep is not None:
        score += rules["locative_preps"].get(prep_word, 0.0)
    elif reached.dep_ in {"dobj", "nsubjpass"}:
        score += 3.0  # "attacked the town of X", "X was captured": the place is the target itself
    anchor = prep.head if prep is not None else root
    up, down = tree_path(trigger, anchor)
    score -= 0.5 * (len(up) + len(down)) + rules["climb_cost"] * (len(up) - 1)  # other clauses' places cost more
    if (
        any(t.lemma_.lower() in rules["reporting_verbs"] for t in up[1:] + down)
        and trigger.lemma_.lower() not in rules["reporting_verbs"]
    ):
        score -= 2.0  # "officials in Kyiv said ...": where it was said, not done
    if attached_to_person(root, prep):
        score -= 3.0
    if in_subject_of(trigger, root):
        score -= 1.5  # "the conflict in Syria has killed ..."
    if (
        root.dep_ in {"poss", "compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and not is_place_head(root.head)
    ):
        score -= 2.5  # "Moscow-based", "Kyiv's strikes": a modifier, not a setting
    direct = prep is not None and prep.head == trigger and rules["locative_preps"].get(prep_word, 0.0) > 0
    return score, prep_word, direct


def precision_code(mention: PlaceMention, prep: str | None) -> int:
    place = mention.place
    code = place.feature_code
    if not mention.resolved:
        # a named site the gazetteer lacks, placed at its container's point when the text gives one
        return {"PPL": 2, "PPLC": 2, ADMIN2: 3, ADMIN1: 4}.get(mention.anchor_feature, 5)
    if code == COUNTRY:
        return 6
    if code in WATER_CODES:
        return 7
    if code in NATURAL_CODES:
        return 5  # a range, desert or macro-region: never finer than itself
    if code == ADMIN1:
        return 4
    if code == ADMIN2:
        return 3
    if prep in locator_rules()["near_preps"]:
        return 2
    return 1


def to_event_location(mention: PlaceMention, prep: str | None) -> EventLocation:
    place = mention.place
    return EventLocation(
        geonameid=place.geonameid,
        name=place.name or place.text,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        precision=precision_code(mention, prep),
        text=place.text,
        start=place.start,
        end=place.end,
    )
