"""ActorResolver: every actor mention in a document, resolved to country, sector and id.

Writes (the contract other stages read, docs/actors.md):
- ctx.result.actors: list[Party], in text order (a plural mention that stands for several
  actors, "both leaders", adds each: Macron, Putin);
- ctx.actor_by_token: spaCy token index -> Party covering it;
- ctx.metonymy: which place names stand for actors (the places stage reads it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from eventwire.extract.actors import coref
from eventwire.extract.actors.geography import place_country
from eventwire.extract.actors.grouping import Group, entry_country, group_units, unit_root
from eventwire.extract.actors.knowledge import KnowledgeBase, Organization, Person, load_knowledge
from eventwire.extract.actors.lexicon import LexEntry, PhraseIndex, Unit, is_acronym
from eventwire.extract.actors.metonymy import (
    MetonymyDecision,
    is_actor_position,
    is_location_position,
    is_target_position,
)
from eventwire.extract.actors.prebuilt import actor_tables
from eventwire.extract.times.dateline import DATELINE_END, DATELINE_MAX_CHARS, dateline_end, spaced_colon_dateline
from eventwire.model import Party
from eventwire.nlp.columns import column
from eventwire.nlp.parse import text_of
from eventwire.nlp.tree import appositives, prep_objects
from eventwire.registry import component

if TYPE_CHECKING:
    from eventwire.context import DocContext

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PAIR_WORDS = {"both", "two"}
TRAILING = {"POS", "PUNCT"}
DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
INSTITUTION_SECTORS = DOMESTIC_SECTORS | {"SPY"}
INSTITUTION_WEIGHT = 1.0  # a national institution names its country as the country's name does
SURNAME_YEARS = 12
# Bulk-KB people sharing a surname from which a full name is a common one (its namesakes are many).
COMMON_SURNAME_PEOPLE = 3
DATELINE_TOKENS = 4
# What a phrase fronted before the subject may name to say where an untold official is: a country, a capital, a seat of
# power ("At the White House, spokesman Josh Earnest said").
FRONTED_KINDS = ("country", "capital", "seat")
GUESSED_CONFIDENCE = 0.35  # the story's country given to an untold role or name (home_country, fallback_country)
ETHNIC_MARKERS = {"ethnic"}
PLACE_LABELS = {"GPE", "LOC"}
ROLE_POS = {"NOUN", "PROPN"}
# Parts of speech a one-word name never has in running text: read so, the word is an ordinary word.
NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ", "PART", "ADV"}
SHOUTED_SHARE = 0.8  # share of upper-case letters from which a sentence counts as written in capitals
# Sectors of words that say "a member of" rather than a trade of its own ("FMLN guerrillas", "party workers").
MEMBER_SECTORS = {"REB", "OPP", "LAB", "CVL", "PTY", "CRM", "REL", None}
CAPS_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'&-]{1,40}\s*\(")


@dataclass
class Resolution:
    party: Party
    tokens: range
    group: list[Party] | None = None
    metonym_chars: tuple[int, int] | None = None


@component("actors", assigns=["result.actors", "actor_by_token", "metonymy"])
class ActorResolver:
    """Pipeline component; `extra_files` adds user knowledge files (see docs/actors.md)."""

    def __init__(self, extra_files: Iterable[str | Path] | None = None) -> None:
        import spacy

        from eventwire.nlp import load_nlp

        nlp = load_nlp()
        tokenizer_id = f"spacy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']}"
        tables = actor_tables(extra_files, lambda text: [t.text for t in nlp.tokenizer(text)], tokenizer_id)
        self.kb: KnowledgeBase = tables[0]
        self.index: PhraseIndex = tables[1]
        self.people = {p.kb_id: p for p in self.kb.people}
        surnames = Counter(p.name.split()[-1].lower() for p in self.kb.people if p.bulk and p.name.split())
        self.common_surnames = {name for name, n in surnames.items() if n >= COMMON_SURNAME_PEOPLE}
        self.orgs = self.kb.organization_by_id

    def __call__(self, ctx: DocContext) -> None:
        resolutions = DocumentResolver(self, ctx.doc, ctx.published_at).run()
        metonyms: list[tuple[int, int]] = []
        for res in resolutions:
            members = res.group or [res.party]
            ctx.result.actors.extend(members)
            for i in res.tokens:
                ctx.actor_by_token.setdefault(i, members[0])
            if res.metonym_chars:
                metonyms.append(res.metonym_chars)
        ctx.metonymy = MetonymyDecision(metonyms, self.kb.metonymy)


class DocumentResolver:
    """The resolution of one document (holds the document memory for coreference)."""

    def __init__(self, resolver: ActorResolver, doc: Doc, published_at: date | None) -> None:
        self.r = resolver
        self.kb = resolver.kb
        self.doc = doc
        self.day = published_at
        self.memory = coref.DocumentMemory()
        self.seen_people: set[str] = set()
        self.pronoun_parties: dict[int, Party] = {}
        self.sentence_number = {i: n for n, sent in enumerate(doc.sents) for i in range(sent.start, sent.end)}
        # spaCy builds `doc.ents` afresh at each access: the place names, once per document
        self.place_ents = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
        words = self.kb.roles.police_story_words
        self.police_story = any(word in words for word in column(doc, "lower")) or any(
            lemma.lower() in words for lemma in column(doc, "lemma")
        )
        self.filed_from = self.dateline_country()

    # ---- units -------------------------------------------------------------------------
    def units(self) -> tuple[list[Unit], dict[int, list[Unit]]]:
        units = [u for u in self.r.index.find_units(self.doc) if self._plausible(u)]
        units = self._accept_surnames(units)
        self.named_in_full = self._known_full_names(units)
        self.country_mentions = self._country_mentions(units)
        self.given_names: set[int] = set()
        units, absorbed = self._add_entity_units(units)
        self.org_units = [u for u in units if u.entry("org") is not None]
        # 'Chad Smith' names no country
        self.country_mentions = [m for m in self.country_mentions if m[0] not in self.given_names]
        return units, absorbed

    def _accept_surnames(self, units: list[Unit]) -> list[Unit]:
        """A one-word KB name ('Putin') counts when it is a PERSON name of its own, follows a title, or the
        full name came before; and, when the report's date is known, only for someone in office within
        SURNAME_YEARS of it ('Kohl' in a 2018 shopping story is not the chancellor)."""
        kept = []
        previous: Unit | None = None
        named = self._countries_named(units)
        for unit in units:
            people = [e for e in unit.entries if e.kind == "person"]
            titled = previous is not None and previous.end == unit.start and previous.kind == "title"
            if people and unit.end - unit.start > 1:
                # a Phoenix official's full name far from his years in office, or in a story that never
                # names his country ('Manuel Gonzalez' in a Miami story), is most often a namesake
                people = [e for e in people if titled or not self._bulk(e.key) or self._bulk_fits(e.key, named)]
                unit.entries = [e for e in unit.entries if e.kind != "person"] + people
            if people and unit.end - unit.start == 1:
                titled = previous is not None and previous.end == unit.start and previous.kind == "title"
                known = any(e.key in self.seen_people for e in people)
                people = [e for e in people if known or titled or self._active_around(e.key)]
                # a Phoenix name ('Sharif', 'Lara': also towns and common surnames) needs its full name first
                people = [e for e in people if e.key in self.seen_people or not self._bulk(e.key)]
                if not (known or titled or self._own_person_name(unit.start)):
                    people = []
                unit.entries = [e for e in unit.entries if e.kind != "person"] + people
            self.seen_people.update(e.key for e in people)
            if unit.entries:
                kept.append(unit)
                previous = unit
        return kept

    def _known_full_names(self, units: list[Unit]) -> dict[str, str]:
        """Surname -> the known person the document first names in full with it ('Hillary Clinton')."""
        named: dict[str, str] = {}
        for unit in units:
            entry = unit.entry("person")
            if entry is not None and entry.key in self.r.people and unit.end - unit.start > 1:
                named.setdefault(self.doc[unit.end - 1].text.lower(), entry.key)
        return named

    def _plausible(self, unit: Unit) -> bool:
        """Role words must be nouns here ('general strike', 'military campaign' are not actors)."""
        if unit.kind in ("title", "group"):
            return self.doc[unit.end - 1].pos_ in ROLE_POS and not self._abstract_noun(unit)
        return (
            not self._shouted_word(unit)
            and not self._word_not_name(unit)
            and not self._dissolved(unit)
            and not self._currency(unit)
            and not self._inside_longer_place(unit)
        )

    def _inside_longer_place(self, unit: Unit) -> bool:
        """'New Jersey', 'Jersey City', 'New Mexico': a country's name inside a longer place name the gazetteer
        puts in another country is a word of that place (the longest place name wins)."""
        entry = unit.entry("country", "capital")
        if entry is None:
            return False
        for ent in self.place_ents:
            if ent.start <= unit.start and unit.end <= ent.end:
                words = [t for t in ent if t.lower_ != "the" and t.tag_ not in TRAILING]
                if len(words) > unit.end - unit.start:
                    code = place_country(" ".join(t.text for t in words))
                    return code is not None and code != entry.key
        return False

    def _currency(self, unit: Unit) -> bool:
        """'U.S. dollars', 'Hong Kong dollars': a country's word naming a currency."""
        if unit.entry("country", "demonym") is None or unit.end >= len(self.doc):
            return False
        word = self.doc[unit.end]
        return word.lemma_.lower() in self.kb.roles.currency_nouns or word.lower_ in self.kb.roles.currency_nouns

    def _abstract_noun(self, unit: Unit) -> bool:
        """'share intelligence', 'bring them to justice': a bare role word that is also an abstract noun,
        not a subject, names no one."""
        token = self.doc[unit.start]
        if unit.end - unit.start != 1 or token.lower_ not in self.kb.roles.abstract_roles or not token.is_lower:
            return False
        modified = any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in token.children)
        return not modified and token.dep_ not in ("nsubj", "nsubjpass", "compound", "amod")

    def _dissolved(self, unit: Unit) -> bool:
        """'Soviet' in a report dated after 1991: a state that no longer existed is no party of it."""
        entry = unit.entry("country", "demonym")
        country = self.kb.countries.get(entry.key) if entry is not None else None
        return country is not None and country.until is not None and self.day is not None and country.until < self.day

    def shouted(self, token: Token) -> bool:
        """The token's sentence is written in capitals."""
        letters = [c for c in token.sent.text if c.isalpha()]
        return sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)

    def _shouted_word(self, unit: Unit) -> bool:
        """'WHO' in 'PEOPLE WHO FLED', 'US' in 'TOLD US': in upper-case text an acronym that is also a common
        word names an actor only after 'the', before 's or before a role word ('US TROOPS')."""
        token = self.doc[unit.start]
        if unit.end - unit.start != 1 or not token.is_upper or token.lower_ not in STOP_WORDS:
            return False
        if not self.shouted(token):
            return False
        before = self.doc[unit.start - 1].lower_ if unit.start > 0 else ""
        after = self.doc[unit.end] if unit.end < len(self.doc) else None
        named = after is not None and (after.lower_ == "'s" or self.r.index.is_role_word(after.lower_))
        return before != "the" and not named

    def _word_not_name(self, unit: Unit) -> bool:
        """'Let the people decide': a one-word name the parse reads as a verb or a function word is that word
        (capitalised at the start of a sentence or in a title), not the body or person of that spelling; an acronym
        as written ('LeT', 'US') stays a name whatever the tagger makes of it."""
        token = self.doc[unit.start]
        one_word = unit.end - unit.start == 1 and token.dep_ not in ("compound", "poss")  # 'Tamil rebels' names
        return one_word and token.pos_ in NOT_NAME_POS and not is_acronym(token.text)

    def _own_person_name(self, i: int) -> bool:
        """'Putin' tagged PERSON on its own, not a word inside a longer name ('Bernard Philippe de Marigny')."""
        token = self.doc[i]
        if token.ent_type_ != "PERSON":
            return False
        ent = next((e for e in self.doc.ents if e.start <= i < e.end), None)
        words = [t for t in ent if t.tag_ not in TRAILING] if ent is not None else [token]
        return len(words) == 1

    def _bulk_fits(self, kb_id: str, named: set[str]) -> bool:
        return self._active_around(kb_id) and self._home_named(kb_id, named)

    def _countries_named(self, units: list[Unit]) -> set[str]:
        """The countries a document names (by name, people, capital or seat of power)."""
        entries = (unit.entry("country", "demonym", "capital", "seat") for unit in units)
        return {entry.key for entry in entries if entry is not None}

    def _home_named(self, kb_id: str, named: set[str]) -> bool:
        """Whether the story names a country the person served, for a common surname ('Manuel Gonzalez';
        'Fidele Moungar' is the Chadian minister wherever he is named). An official of a body: yes."""
        person = self.r.people.get(kb_id)
        if person is None or person.name.split()[-1].lower() not in self.r.common_surnames:
            return True
        homes = {person.country} | {p.country for p in person.positions}
        return bool(homes & named) or not any(homes)

    def _bulk(self, kb_id: str) -> bool:
        person = self.r.people.get(kb_id)
        return person is not None and person.bulk

    def _active_around(self, kb_id: str) -> bool:
        person = self.r.people.get(kb_id)
        if person is None or self.day is None or not person.positions:
            return True
        return min(p.distance(self.day) for p in person.positions) <= SURNAME_YEARS * 365

    def _add_entity_units(self, units: list[Unit]) -> tuple[list[Unit], dict[int, list[Unit]]]:
        """spaCy PERSON and ORG names the knowledge base does not know become units of their own."""
        absorbed: dict[int, list[Unit]] = {}
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            start, end = ent.start, ent.end
            while end > start and self.doc[end - 1].tag_ in TRAILING:
                end -= 1
            while start < end and self.doc[start].lower_ == "the":
                start += 1
            inside = [u for u in units if u.start >= start and u.end <= end]
            crossing = [u for u in units if u.overlaps(start, end) and u not in inside]
            if crossing or end <= start or any(u.start == start and u.end == end for u in inside):
                continue
            if not any(c.isalpha() for c in self.doc[start:end].text):
                continue  # stray punctuation tagged as a name
            titled = any(u.end == start and u.kind == "title" for u in units)
            if ent.label_ == "PERSON" or (titled and not inside):
                for unit in [u for u in inside if u.kind == "people"]:
                    units.remove(unit)  # 'Karen Bass' is a person, not the Karen people
                    inside.remove(unit)
                while inside and inside[0].start == start and inside[0].kind != "person":
                    if self._given_name(inside[0], end):
                        break
                    start = inside.pop(0).end  # a title or country before the name
                if any(u.kind == "person" for u in inside) or start >= end:
                    continue
                for unit in inside:
                    units.remove(unit)  # 'Michael Jordan', 'Denzel Washington': words of a name
                inside = []
                units.append(Unit(start, end, [LexEntry("person", "")]))
            else:
                if any(u.kind == "org" and u.entry("org").key for u in inside):
                    continue
                if not self.doc[start].text[:1].isupper() or any(u.kind == "person" for u in inside):
                    continue
                unit = Unit(start, end, [LexEntry("org", "")])
                for u in inside:
                    units.remove(u)
                absorbed[id(unit)] = inside
                units.append(unit)
        return sorted(self._add_surname_units(units), key=lambda u: u.start), absorbed

    def _given_name(self, unit: Unit, name_end: int) -> bool:
        """'Jordan Pickford', 'Israel Adesanya': a country's one-word name first in a person's name, followed by
        a capitalised word of that name, is the given name ('Russia's Putin' keeps its country)."""
        following = self.doc[unit.end] if unit.end < name_end else None
        given = (
            unit.kind == "country"
            and unit.end - unit.start == 1
            and following is not None
            and following.pos_ == "PROPN"
            and following.text[:1].isupper()
        )
        if given:
            self.given_names.add(unit.start)
        return given

    def _add_surname_units(self, units: list[Unit]) -> list[Unit]:
        """A surname alone that spaCy did not tag ('Harper said' after 'Talia Harper') is still the person the
        story named in full before it."""
        full_names = {}
        for unit in sorted(units, key=lambda u: u.start):
            if unit.kind == "person" and unit.end - unit.start > 1:
                full_names.setdefault(self.doc[unit.end - 1].text, unit.end)
        covered = {i for unit in units for i in range(unit.start, unit.end)}
        words, parts = column(self.doc, "text"), column(self.doc, "pos")
        added = [
            Unit(i, i + 1, [LexEntry("person", "")])
            for i, (word, pos) in enumerate(zip(words, parts, strict=True))
            if i not in covered and pos in ROLE_POS and full_names.get(word, len(self.doc)) <= i
        ]
        return units + added

    # ---- main loop ---------------------------------------------------------------------
    def run(self) -> list[Resolution]:
        units, absorbed = self.units()
        groups = group_units(self.doc, units, absorbed)
        covered = {i for g in groups for i in g.tokens()}
        pronoun_words = coref.SINGULAR_PRONOUNS | coref.PLURAL_PRONOUNS | coref.NEUTER_PRONOUNS
        candidates = pronoun_words | coref.ORGANIZATION_DESCRIPTIONS
        pronouns = [
            t
            for t in (self.doc[i] for i, word in enumerate(column(self.doc, "lower")) if word in candidates)
            if t.i not in covered and (t.lower_ in pronoun_words or self.describes_organization(t))
        ]
        items: list[Group | Token] = sorted(
            [*groups, *pronouns], key=lambda x: x.start if isinstance(x, Group) else x.i
        )
        resolutions = []
        for item in items:
            res = self.resolve_pronoun(item) if isinstance(item, Token) else self.resolve_group(item)
            if res is not None:
                resolutions.append(res)
        fill_from_appositives(self.doc, resolutions, self.kb.roles.generic_roles)
        share_told_countries(resolutions)
        resolutions += self.attacked_towns(covered | {i for res in resolutions for i in res.tokens})
        return sorted(resolutions, key=lambda res: res.tokens.start)

    def _country_mentions(self, units: list[Unit]) -> list[tuple[int, str, float]]:
        mentions = []
        for unit in units:
            entry = unit.entry("country", "demonym", "capital", "seat")
            if entry is None or self.kb.countries[entry.key].collective or self.stance_prefixed(unit):
                continue
            weight = 1.0 if entry.kind != "capital" or unit.start <= DATELINE_TOKENS else 0.5
            mentions.append((unit.start, entry.key, weight))
        mentions += self._institution_mentions(units)
        covered = {i for unit in units for i in range(unit.start, unit.end)}
        for ent in self.place_ents:
            if not any(i in covered for i in range(ent.start, ent.end)):
                # 'Solapur, Maharashtra': the whole name, else its parts
                parts = [ent.text, *[p.strip(" ()") for p in re.split(r"[,()]", ent.text) if p.strip(" ()")]]
                code = next((c for c in map(place_country, parts) if c), None)
                if code:
                    mentions.append((ent.start, code, 0.5))
        return sorted(mentions)

    def _institution_mentions(self, units: list[Unit]) -> list[tuple[int, str, float]]:
        """A state's own institutions ('the State Department', 'the FBI') say which country a story is about
        as much as its name does."""
        mentions = []
        for unit in units:
            entry = unit.entry("org")
            org = self.r.orgs.get(entry.key) if entry is not None else None
            if org is not None and org.country and org.sector in INSTITUTION_SECTORS:
                mentions.append((unit.start, org.country, INSTITUTION_WEIGHT))
        return mentions

    def dateline_country(self) -> str | None:
        """'WELLINGTON, New Zealand (AP) _', 'MIAMI (AP) --': the country the report was filed from."""
        text = text_of(self.doc)
        end = dateline_end(text)
        if end is None and CAPS_DATELINE.match(text):  # 'MIAMI (AP) --': a town in capitals, no comma
            found = DATELINE_END.search(text[:DATELINE_MAX_CHARS])
            end = found.end() if found else None
        spaced = spaced_colon_dateline(text) if end is None else None
        if end is None and spaced is None:
            return None
        head = spaced.group(1) if spaced is not None else re.sub(r"\(.*?\)|[-_—–]+\s*$", " ", text[:end])
        parts = [part.strip() for part in head.split(",") if part.strip()]
        for part in reversed(parts):  # the country after the town, else the town's
            words = tuple(part.title().split())
            code = next((e.key for e in self.r.index.lookup(words) if e.kind in ("country", "capital")), None)
            if code is None and not re.search(r"\d", part):
                code = place_country(part.title())
            if code is not None and code in self.kb.countries and not self.kb.countries[code].collective:
                return code
        return None

    def home_country(self, token: int, avoid: str | None = None) -> str | None:
        """The home of an untold state body or official ('the government', 'police', 'Foreign Minister X'):
        in a report with a dateline, the country it was filed from ('WELLINGTON, New Zealand (AP) _ Foreign
        Minister Don McKinnon said'), unless a place is set before the clause or the mention says whose it is
        ('of the three countries', 'their'); else the story's country."""
        fronted = self.fronted_place_country(token)
        if fronted is not None:
            return fronted
        pointed = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in self.doc[token].children)
        if pointed:  # 'the foreign ministers of the three countries', 'their armies': whose, not where filed
            return self.fallback_country(token, avoid)
        filed_from = self.filed_from if self.filed_from != avoid else None
        return filed_from or self.fallback_country(token, avoid)

    def fallback_country(self, token: int, avoid: str | None = None) -> str | None:
        """The country an unplaced party is most likely of: the country the sentence and the story name most
        (sentence counts triple); ties go to the nearest one named before. `avoid`: a country the mention says
        it is not of (where an envoy is posted)."""
        fronted = self.fronted_place_country(token)
        if fronted is not None and fronted != avoid:
            return fronted
        sentence = self.sentence_of(token)
        score: dict[str, float] = {}
        for position, code, weight in self.country_mentions:
            if code == avoid:
                continue
            weight *= 3 if self.sentence_of(position) == sentence else 1
            nearness = 1 / (1 + abs(token - position)) if position < token else 0
            score[code] = score.get(code, 0) + weight + nearness
        return max(score, key=lambda code: score[code]) if score else None

    def fronted_place_country(self, i: int) -> str | None:
        """'In Havana, the government said', 'At the White House, spokesman Josh Earnest said': a place or a seat
        of power set before the subject of its clause is where the untold government, police or official is."""
        subject = self.doc[i]
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for prep in subject.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and prep.i < subject.i:
                code = self.prepositional_country(subject.head, preps=(prep.lower_,), kinds=FRONTED_KINDS)
                if code is not None:
                    return code
        return None

    # ---- helpers -----------------------------------------------------------------------
    def party(self, start: int, end: int, **fields) -> Party:
        span = self.doc[start:end]
        return Party(text=span.text, start=span.start_char, end=span.end_char, **fields)

    def sentence_of(self, i: int) -> int:
        return self.sentence_number[i]

    def country_name(self, code: str | None) -> str | None:
        country = self.kb.countries.get(code or "")
        return country.name if country else None

    def group_country(self, group: Group) -> tuple[str | None, Unit | None]:
        """The country named inside the mention ('French', "Russia's", 'Kabul') or after it ('of Morocco')."""
        for unit in group.members():
            if self.stance_prefixed(unit):
                continue  # 'an anti-Syria journalist', 'pro-Russian separatists': a stance, not a home
            people = unit.entry("people")
            if people is not None and unit.kind == "people":
                return self.people_country(unit_root(self.doc, group.head), people.key or None), unit
            entry = entry_country(unit)
            if entry and entry.kind == "capital" and any(unit is a for a in group.absorbed):
                continue  # a city inside an unknown name ('Douglas High School') says little
            if entry:
                return entry.key, unit
            org = unit.entry("org")
            if org and org.key in self.r.orgs and self.r.orgs[org.key].country:
                return self.r.orgs[org.key].country, unit
            person = unit.entry("person")
            if person and person.key in self.r.people and self.r.people[person.key].country:
                return self.r.people[person.key].country, unit
        # 'Patriarch Kirill in Havana', 'the envoy in Moscow', 'UN officials in Geneva', 'NATO troops in Kosovo':
        # where a named or posted person or the people of an international body are, not whose
        located = group.head.kind == "person" or self.posted_country(group) or self.international_member(group)
        preps = ("of", "from") if located else ("of", "in", "from")
        return self.prepositional_country(unit_root(self.doc, group.head), preps), None

    def international_member(self, group: Group) -> bool:
        """Whether the mention names a body of no country ('UN officials', 'NATO troops', 'Red Cross workers')."""
        orgs = (self.r.orgs.get(u.entry("org").key) for u in group.members("org"))
        return any(org is not None and org.country is None for org in orgs)

    def posted_country(self, group: Group) -> str | None:
        """'the US ambassador to Syria', 'an envoy in Moscow': where a posted official serves, which is not
        whose official he is."""
        role = self.role_unit(group)
        entry = role.entry("title", "group") if role else None
        if entry is None or entry.key not in self.kb.roles.posted_titles:
            return None
        return self.prepositional_country(unit_root(self.doc, role), ("to", "in"))

    def stance_prefixed(self, unit: Unit) -> bool:
        """A country name after 'anti-' / 'pro-' says what the group is for or against; one before '-backed' who
        backs it ('Turkish-backed rebels')."""
        if self.backer(unit):
            return True
        if unit.start < 2 or self.doc[unit.start - 1].text != "-":
            return False
        return self.doc[unit.start - 2].lower_ in self.kb.roles.stance_prefixes

    def leader_country(self, start: int) -> str | None:
        """The country before '-led' just ahead of a group ('the Saudi-led coalition'): who leads it, which event
        data codes as its country."""
        doc = self.doc
        if start < 3 or doc[start - 1].lower_ != "led" or doc[start - 2].text != "-":
            return None
        kinds = ("country", "demonym")
        return next((e.key for e in self.r.index.lookup((doc[start - 3].text,)) if e.kind in kinds), None)

    def backer(self, unit: Unit) -> bool:
        return names_backer(self.doc[unit.end - 1])

    def prepositional_country(
        self,
        head: Token,
        preps: tuple[str, ...] = ("of", "in", "from"),
        kinds: tuple[str, ...] = ("country", "capital"),
    ) -> str | None:
        """'King Hassan of Morocco', 'rebels in the Ivory Coast', 'a group based in Beirut'; `kinds`: the lexicon
        entries that say the country."""
        children = list(head.children)
        children += [
            c for acl in children if acl.dep_ == "acl" and acl.lemma_ in ("base", "locate") for c in acl.children
        ]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    owners = [o for o in pobj.children if o.dep_ == "poss" and o.pos_ == "PROPN"]
                    name = self._compound_name(owners[0] if owners else pobj)  # 'leaders of Romania's government'
                    for entry in self.r.index.lookup(tuple(t.text for t in name)):
                        if entry.kind in kinds:
                            return entry.key
                    if pobj.ent_type_ in PLACE_LABELS:
                        code = place_country(" ".join(t.text for t in name))
                        if code:
                            return code
        return None

    def prepositional_org(self, head: Token) -> Organization | None:
        """'leader of the separatist Kurdistan Workers' Party', 'a spokesman for Hamas': the body the role is of."""
        for pobj in prep_objects(head, "of", "for"):
            for unit in self.org_units:  # the name the object ends with ('Fatah Halab' is not Fatah)
                if unit.start <= pobj.i < unit.end and unit.entry("org").key in self.r.orgs:
                    return self.r.orgs[unit.entry("org").key]
        return None

    def _compound_name(self, token: Token) -> list[Token]:
        left = [c for c in token.lefts if c.dep_ == "compound"]
        return [*left, token]

    def role_unit(self, group: Group) -> Unit | None:
        roles = [u for u in group.units if u.kind in ("title", "group")]
        return roles[-1] if roles else None

    def role_sector(self, group: Group, role: LexEntry | None) -> str | None:
        """The role's sector; a generic head ('officials') takes a specific modifier's ('intelligence officials')."""
        if role is None:
            return None
        if role.key in self.kb.roles.generic_roles:
            modifiers = [u.entry("title", "group") for u in group.units if u.kind in ("title", "group")]
            specific = [
                e for e in modifiers if e.key != role.key and e.sector and e.key not in self.kb.roles.generic_roles
            ]
            if specific:
                return specific[-1].sector
        if role.key in self.kb.roles.police_story_titles and self.police_story:
            return "COP"  # 'officers' in a story about police
        return role.sector

    def is_target(self, token: Token) -> bool:
        return is_target_position(token, self.kb.metonymy, self.kb.roles.attack_nouns)

    def target_place(self, unit: Unit, root: Token, code: str | None) -> Resolution | None:
        """A capital or town that is attacked: a party for its country, and still a place (no metonym)."""
        if not code or not self.is_target(root):
            return None
        party = self.party(unit.start, unit.end, name=self.country_name(code), country=code, confidence=0.6)
        return Resolution(party, range(unit.start, unit.end))

    def attacked_towns(self, covered: set[int]) -> list[Resolution]:
        """Towns the knowledge base does not list, in target positions ('Russia shelled Kharkiv')."""
        found = []
        for ent in self.doc.ents:
            if ent.label_ != "GPE" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            if self.is_target(ent.root):
                unit = Unit(ent.start, ent.end)
                resolution = self.target_place(unit, ent.root, place_country(ent.text))
                if resolution is not None:
                    found.append(resolution)
        return found

    def _is_dateline(self, unit: Unit) -> bool:
        """'NAIROBI, Kenya (AP) -': the city a report was filed from, not an actor."""
        span = self.doc[unit.start : unit.end]
        return unit.start <= DATELINE_TOKENS and span.text.isupper()

    def is_ethnic(self, unit: Unit) -> bool:
        """'ethnic Albanians': a people, not a state's citizens."""
        return unit.start > 0 and self.doc[unit.start - 1].lower_ in ETHNIC_MARKERS

    def people_country(self, root: Token, home: str | None) -> str | None:
        """A people ('Tamil rebels', 'Kurds in Iraq'): the country named with it, its home, the story's country."""
        return self.prepositional_country(root) or home or self.fallback_country(root.i)

    def residence_country(self, root: Token, own: str | None) -> str | None:
        """Where an ethnic group lives: 'in south Serbia', else the other country the story is about."""
        place = self.prepositional_country(root)
        if place:
            return place
        others = [mention for mention in self.country_mentions if mention[1] != own]
        if not others:
            return own
        saved, self.country_mentions = self.country_mentions, others
        try:
            return self.fallback_country(root.i)
        finally:
            self.country_mentions = saved

    def takes_home_country(self, role: LexEntry) -> bool:
        """Officials' titles and the listed state bodies ('police', 'the army') default to the story's country."""
        if role.key in self.kb.roles.home_country_roles:
            return True
        return role.kind == "title" and role.sector in DOMESTIC_SECTORS

    def is_former(self, group: Group) -> bool:
        """'former president', 'ousted President Askar Akayev', 'ex-minister'."""
        first = max(group.start - 2, 0)
        words = {t.lower_ for t in self.doc[first : group.end]} | {
            t.lower_.rstrip("-") for t in self.doc[first : group.end]
        }
        return bool(words & self.kb.roles.former_markers)

    def with_det(self, group: Group) -> int:
        """Start the mention at a leading 'the' ('the Kremlin', 'The French presidency')."""
        if group.start > 0 and self.doc[group.start - 1].lower_ == "the":
            return group.start - 1
        return group.start

    # ---- groups ------------------------------------------------------------------------
    def resolve_group(self, group: Group) -> Resolution | None:
        kind = group.head.kind
        if kind == "person":
            return self.resolve_person(group)
        if kind in ("title", "group"):
            return self.resolve_role(group)
        if kind == "org":
            return self.resolve_org(group)
        if kind in (
            "seat",
            "capital",
            "org_capital",
            "country",
            "collective",
            "demonym",
            "collective_demonym",
            "people",
        ):
            if len(group.units) == 1 and self.backer(group.head):
                return None  # 'Iranian-backed militias': the backer is no party of the act
            return self.resolve_place_like(group)
        if kind == "place_noun":
            country, _ = self.group_country(group)
            start = self.with_det(group)
            populated = group.head.entry("place_noun").key in self.kb.roles.populated_places
            role_members = [u.entry("title", "group") for u in group.members("title", "group")]
            party = self.party(
                start,
                group.end,
                country=country,
                name=self.country_name(country),
                sector=role_members[-1].sector if role_members else ("CVL" if populated else None),
                confidence=0.6,
            )
            return Resolution(party, range(start, group.end))
        return None

    def misread_place(self, group: Group) -> tuple[bool, Resolution | None]:
        """A town spaCy took for a person or an organization ('shelled Kharkiv', 'in Odesa'): no actor,
        or a target party when it is attacked. Returns (is a place, resolution)."""
        head = group.head
        if len(group.units) > 1 or head.entry("person", "org").key:
            return False, None
        root = unit_root(self.doc, head)
        code = place_country(self.doc[head.start : head.end].text)
        if code is None:
            return False, None
        if self.is_target(root):
            return True, self.target_place(head, root, code)
        return is_location_position(root, self.kb.metonymy), None

    def resolve_person(self, group: Group) -> Resolution | None:
        head = group.head
        is_place, as_target = self.misread_place(group)
        if is_place:
            return as_target
        name_words = [t.text for t in self.doc[head.start : head.end]]
        role = self.role_unit(group)
        title = role.entry("title", "group").key if role else None
        country, _ = self.group_country(group)
        root = unit_root(self.doc, head)
        told_sex = coref.sex_of_words(self.describing_words(group, root))
        person = self.pick_person(head, country, title, told_sex)
        chained = self.chained_person(name_words, person, title)
        if chained is not None:
            person = self.r.people.get(chained.kb_id or "")
        sector = self.role_sector(group, role.entry("title", "group")) if role else None
        kb_id = None
        name = " ".join(name_words)
        confidence = 0.85 if country else 0.3
        titles = {title} if title else set()
        if person is not None:
            position = person.position_on(self.day, title)
            org = self.r.orgs.get(person.org or "")
            country = person.country if person.country or not country else country
            if position is not None and position.country is not None:  # a dated office abroad (UN, IGO)
                country = position.country or None
            sector = sector or (position.sector if position else None) or person.sector or (org.sector if org else None)
            if org and not person.country:
                sector = "IGO" if org.sector == "IGO" else sector
            kb_id, name, confidence = person.kb_id, person.name, 0.9
            if position:
                titles.add(position.title.lower())
                if role is None and self.day and position.end and position.end < self.day:
                    sector = "ELI"  # out of office on the report's date
        elif not country:
            # a bare surname is the person met before; a full name of its own ('Juan Miguel Gonzalez' after
            # 'Elian Gonzalez') is a relative
            known = chained or self.memory.by_surname.get(" ".join(name_words).lower())
            if known is None and len(name_words) == 1:
                known = self.memory.person_named(name_words[-1])
            if known:
                country, sector, name, kb_id, confidence = (
                    known.country,
                    sector or known.sector,
                    known.name,
                    known.kb_id,
                    0.75,
                )
        if not country:
            country, sector = self.appositive_actor(group, country, sector)
            confidence = 0.7 if country else confidence
        org_member = next((self.r.orgs.get(u.entry("org").key) for u in group.members("org")), None)
        if not country and org_member is not None:
            country = org_member.country
            sector = "IGO" if org_member.sector == "IGO" else sector or org_member.sector
        home_role = role is not None and self.takes_home_country(role.entry("title", "group"))
        if not country and org_member is None and role is not None and person is None:
            country = self.place_modifier_country(root, group.start)  # 'Miami Mayor X'
            confidence = 0.6 if country else confidence
        if not country and org_member is None and home_role and person is None and sector not in ("IGO", "NGO"):
            country, confidence = self.home_country(root.i, self.posted_country(group)), GUESSED_CONFIDENCE
        guessed = None
        if not country and org_member is None and role is None and person is None:
            # a private person the knowledge base does not know ('Gino Bassett, 56, of the South Side'): the
            # story's country is only a guess at a named person's nationality (a hostage, a foreign reporter); an
            # acronym the parse took for a person is a body of the story's country, as before ('(MASSOB)')
            guessed = self.fallback_country(root.i)
            if len(name_words) == 1 and is_acronym(name_words[0]) and not self.shouted(root):
                country, guessed, confidence = guessed, None, 0.3
        if role is not None and self.is_former(group):
            sector = "ELI"
        start = group.start
        party = self.party(
            start,
            group.end,
            name=name,
            country=country,
            sector=sector,
            kb_id=kb_id,
            confidence=confidence,
            guessed_country=guessed,
        )
        leader = any(t in self.kb.roles.leader_titles for t in titles)
        seen = coref.PersonSeen(party, root.i, self.sentence_of(root.i), self._is_subject(root), titles, leader)
        seen.sex = told_sex or (person.sex if person is not None else None)
        self.memory.remember_person(seen, name_words)
        if country:
            self.memory.remember_country(party, root.i)
        return Resolution(party, range(start, group.end))

    def describing_words(self, group: Group, root: Token) -> list[str]:
        """The words that name or describe a person: the mention with the word before it ('Mrs.'), and the
        head of an appositive ('Anna Ruiz, the spokeswoman'), unless it opens a list ('Omar, his wife Lina and
        their children')."""
        words = [t.text for t in self.doc[max(group.start - 1, 0) : group.end]]
        linked = appositives(root)
        return words + [t.text for t in linked if not any(c.dep_ in ("conj", "appos") for c in t.children)]

    def chained_person(self, name_words: list[str], person: Person | None, title: str | None) -> Party | None:
        """The identity chain: a bare surname ('Clinton', 'Secretary Clinton') is the person the document
        introduced in full by it ('Hillary Clinton'), over other people of that surname, unless a title in the
        text fits the namesake and not that person ('President Clinton')."""
        if len(name_words) != 1:
            return None
        chained = self.memory.introduced_as(name_words[0]) or self.named_later(name_words[0])
        if chained is None or (person is not None and chained.kb_id == person.kb_id):
            return None
        if title and person is not None and holds_title(person, title):
            introduced = self.r.people.get(chained.kb_id or "")
            if introduced is None or not holds_title(introduced, title):
                return None
        return chained

    def named_later(self, surname: str) -> Party | None:
        """'Clinton ... Hillary Clinton's State Department': a known person the document names in full only
        after the bare surname (a headline, a lead, an excerpt's cut) is still who it stands for."""
        person = self.r.people.get(self.named_in_full.get(surname.lower(), ""))
        if person is None:
            return None
        return Party(text=person.name, start=-1, end=-1, name=person.name, country=person.country, kb_id=person.kb_id)

    def pick_person(self, unit: Unit, country: str | None, title: str | None, sex: str | None = None) -> Person | None:
        candidates = [self.r.people[e.key] for e in unit.entries if e.kind == "person" and e.key in self.r.people]
        if not candidates:
            return None
        if sex:  # 'Mrs. Clinton': not a namesake the knowledge says is a man
            candidates = [p for p in candidates if p.sex in (None, sex)] or candidates
        if country:
            candidates = [p for p in candidates if p.country == country] or candidates
        if title:  # 'President Clinton': the namesake who held the title written in the text
            candidates = [p for p in candidates if holds_title(p, title)] or candidates
        if self.day is None or len(candidates) == 1:
            return candidates[0]
        return min(
            candidates, key=lambda p: p.position_on(self.day, title).distance(self.day) if p.positions else 10**6
        )

    def appositive_actor(self, group: Group, country: str | None, sector: str | None) -> tuple[str | None, str | None]:
        """'Dmitry Peskov, the Kremlin spokesman' -> the country of the appositive."""
        root = unit_root(self.doc, group.head)
        for other in [*root.children, root.head]:
            if other is root or not (other.dep_ == "appos" or root.dep_ == "appos"):
                continue
            for entry in self.r.index.lookup((other.text,)):
                if entry.kind in ("title", "group"):
                    for left in other.lefts:
                        for e in self.r.index.lookup((left.text,)):
                            if e.kind in ("country", "demonym", "seat", "capital"):
                                return e.key, sector or entry.sector
        return country, sector

    def _is_subject(self, token: Token) -> bool:
        return token.dep_ in SUBJECT_DEPS or (token.dep_ == "conj" and token.head.dep_ in SUBJECT_DEPS)

    def resolve_role(self, group: Group) -> Resolution | None:
        role = group.head.entry("title", "group")
        root = unit_root(self.doc, group.head)
        country, country_unit = self.group_country(group)
        if country_unit is not None and self.is_ethnic(country_unit):
            country = self.residence_country(root, country)
        start = self.with_det(group)
        sentence = self.sentence_of(root.i)
        pair = self.resolve_pair_mention(group, role, root)
        if pair is not None:
            return pair
        if role.kind == "title" and not role.plural and (start < group.start or self._possessed(group)):
            antecedent = coref.resolve_definite_title(self.memory, role.key, country, sentence)
            if antecedent is not None:
                party = coref.as_coref(antecedent, *self._chars(start, group.end), confidence=0.7)
                seen = coref.PersonSeen(party, root.i, sentence, self._is_subject(root), {role.key}, False)
                seen.sex = coref.sex_of_words(role.key.split())
                self.memory.people.append(seen)
                return Resolution(party, range(start, group.end))
        sector = self.role_sector(group, role)
        confidence = 0.8 if country else 0.4
        weak = role.key in self.kb.roles.weak_roles or (
            not role.plural and role.key in self.kb.roles.weak_singular_roles
        )
        if not country:
            country = self.leader_country(group.start)  # 'the Saudi-led coalition', 'U.S.-led forces'
        plural = role.plural or self.doc[root.i].tag_ in ("NNS", "NNPS")
        armed = plural and role.key in self.kb.roles.armed_platforms  # 'coalition warplanes': the military
        if weak and not country and not group.members("org") and not armed:
            return None  # 'state' in 'Zamfara state', 'side' alone
        owner = self.possessive_pronoun_owner(root)
        if not country and owner is not None:
            country, confidence = owner.country, 0.6
        if not country:
            country = self.place_modifier_country(root, group.start)
            confidence = 0.6 if country else confidence
        org_member = next((self.r.orgs.get(u.entry("org").key) for u in group.members("org")), None)
        of_org = False
        if org_member is None:  # 'the leader of the PKK', 'a spokesman for Hamas'
            org_member = self.prepositional_org(root)
            of_org = org_member is not None
        if not country and org_member is None and plural and len(group.units) == 1 and start < group.start:
            described = self.described_group(group, sector, root, sentence)
            if described is not None:
                return described
        kb_id = None
        if org_member is not None and (not country or country == org_member.country):
            # "Red Cross officials", "al-Qaeda leaders", "three FMLN guerrillas", "CPI(M) workers": the
            # organization's people; a member word (fighter, activist, worker) takes the group's sector
            country, kb_id = org_member.country, org_member.kb_id
            org_sector = org_member.sector_on(self.day)
            armed_wing = sector == "REB" and org_sector in ("PTY", "OPP")  # 'three FMLN guerrillas' bear arms
            generic = role.key in self.kb.roles.generic_roles  # 'PFLP leader', 'ANC spokesman': the body's
            if (
                org_sector in ("IGO", "NGO")
                or (org_sector in MEMBER_SECTORS and sector in MEMBER_SECTORS)
                or of_org
                or generic
            ):
                sector = sector if armed_wing else org_sector
        elif not country and self.takes_home_country(role):
            # "the government", "police", "the rebels" with no country: the country the story is about.
            country, confidence = self.home_country(root.i, self.posted_country(group)), GUESSED_CONFIDENCE
        if not country and not kb_id and role.key in self.kb.roles.weak_roles and not armed:
            return None
        party = self.party(
            start,
            group.end,
            name=self.country_name(country),
            country=country,
            sector=sector,
            kb_id=kb_id,
            confidence=confidence,
        )
        if role.plural or self.doc[root.i].tag_ in ("NNS", "NNPS"):
            self.memory.remember_plural(party, root.i, sentence)
        if country:
            self.memory.remember_country(party, root.i)
            self.memory.remember_thing(party, root.i, sentence)
        metonym = self._metonym_member(group)
        return Resolution(party, range(start, group.end), metonym_chars=metonym)

    def described_group(self, group: Group, sector: str | None, root: Token, sentence: int) -> Resolution | None:
        """'the militants', 'the troops' after 'Hamas fighters', 'Israeli troops': the group named before."""
        antecedent = coref.resolve_description(self.memory, sector, root.i, sentence)
        if antecedent is None:
            return None
        start = self.with_det(group)
        party = coref.as_coref(antecedent, *self._chars(start, group.end), confidence=0.6)
        party = replace(party, sector=sector)
        if self.doc[root.i].tag_ in ("NNS", "NNPS"):
            self.memory.remember_plural(party, root.i, sentence)
        return Resolution(party, range(start, group.end))

    def names_country(self, word: str) -> bool:
        return any(e.kind in ("country", "demonym", "capital", "seat") for e in self.r.index.lookup((word,)))

    def place_modifier_country(self, root: Token, start: int | None = None) -> str | None:
        """'Kirkuk police', 'Samarra residents', 'Oregon Guard troops', 'Miami Mayor Joe Carollo': a town or
        state named before the role, inside the mention (from `start`), gives its country."""
        names = [t for t in root.lefts if t.dep_ in ("compound", "nmod", "poss") and t.ent_type_ in PLACE_LABELS]
        if start is not None:
            before = self.doc[start - 1] if start > 0 else None
            while before is not None and before.ent_type_ in PLACE_LABELS and before.dep_ == "compound":
                start -= 1  # 'Tacoma Mayor Jim Hallett': the town before the title
                before = self.doc[start - 1] if start > 0 else None
            # towns and states only: a country's name the mention holds was read (or set aside, 'anti-Syria') above
            names += [
                t
                for t in self.doc[start : root.i]
                if t not in names and t.ent_type_ in PLACE_LABELS and not self.names_country(t.text)
            ]
        for token in names:
            code = place_country(" ".join(t.text for t in self._compound_name(token)))
            if code:
                return code
        return None

    def possessive_pronoun_owner(self, root: Token) -> Party | None:
        """'their forces', 'his government': the country of whoever the pronoun points to."""
        for child in root.lefts:
            if child.dep_ == "poss" and child.i in self.pronoun_parties:
                return self.pronoun_parties[child.i]
        return None

    def _possessed(self, group: Group) -> bool:
        return any(
            self.doc[u.end - 1].dep_ == "poss" or self.doc[min(u.end, len(self.doc) - 1)].tag_ == "POS"
            for u in group.members()
        )

    def _chars(self, start: int, end: int) -> tuple[str, int, int]:
        span = self.doc[start:end]
        return span.text, span.start_char, span.end_char

    def _metonym_member(self, group: Group) -> tuple[int, int] | None:
        """A capital or seat inside a role mention ('the Khartoum government') is an actor, not a place."""
        for unit in group.members("capital", "seat", "org_capital"):
            span = self.doc[unit.start : unit.end]
            return span.start_char, span.end_char
        return None

    def resolve_pair_mention(self, group: Group, role: LexEntry, root: Token) -> Resolution | None:
        """'both leaders', 'the two presidents', 'the two nations'."""
        if not role.plural or entry_country(group.head) is not None or group.members():
            return None
        markers = [c for c in root.lefts if c.lower_ in PAIR_WORDS]
        if not markers:
            return None
        members = coref.resolve_pair(self.memory, role.key)
        if not members:
            return None
        start = min(c.i for c in root.lefts if c.lower_ in PAIR_WORDS | {"the"})
        text, s, e = self._chars(start, group.end)
        parties = [coref.as_coref(m, text, s, e, confidence=0.65) for m in members]
        if role.key in coref.COUNTRY_GROUP_NOUNS:
            parties = [replace(p, kb_id=None, name=self.country_name(p.country), sector="GOV") for p in parties]
        return Resolution(parties[0], range(start, group.end), group=parties)

    def resolve_org(self, group: Group) -> Resolution | None:
        is_place, as_target = self.misread_place(group)
        if is_place:
            return as_target
        entry = group.head.entry("org")
        org = self.r.orgs.get(entry.key)
        start = group.start
        known = self.memory.person_named(self.doc[group.head.start : group.head.end].text)
        if org is None and known is not None and len(group.units) == 1:
            # a person spaCy took for an organization, met before with a title ('Estrada')
            party = self.party(
                start,
                group.end,
                name=known.name,
                country=known.country,
                sector=known.sector,
                kb_id=known.kb_id,
                confidence=0.7,
            )
            return Resolution(party, range(start, group.end))
        if org is None:
            country, _ = self.group_country(group)
            roles = [u for u in group.members("title", "group")]
            sector = roles[-1].entry("title", "group").sector if roles else None
            party = self.party(
                start,
                group.end,
                name=self.doc[group.head.start : group.head.end].text,
                country=country,
                sector=sector,
                confidence=0.6 if country else 0.3,
            )
        else:
            country = org.country
            if country is None:
                member_country, _ = self.group_country(group)
                country = member_country if org.sector != "IGO" else None
            party = self.party(
                start,
                group.end,
                name=org.name,
                country=country,
                sector=org.sector_on(self.day),
                kb_id=org.kb_id,
                confidence=0.9,
            )
        root = unit_root(self.doc, group.head)
        if self.doc[root.i].tag_ in ("NNS", "NNPS"):
            self.memory.remember_plural(party, root.i, self.sentence_of(root.i))
        if party.country:
            self.memory.remember_country(party, root.i)
        self.memory.remember_thing(party, root.i, self.sentence_of(root.i))
        if org is not None:
            self.memory.remember_organization(party, root.i, self.sentence_of(root.i))
        return Resolution(party, range(start, group.end))

    def resolve_place_like(self, group: Group) -> Resolution | None:
        """Countries, demonyms, collectives, capitals and seats heading their own mention."""
        head = group.head
        entry = head.entry(
            "seat", "country", "collective", "capital", "org_capital", "demonym", "collective_demonym", "people"
        )
        root = unit_root(self.doc, head)
        span = self.doc[head.start : head.end]
        country_entry = self.kb.countries.get(entry.key)
        actor_position = is_actor_position(root, self.kb.metonymy)
        kind, sector, metonym, confidence = "mention", None, None, 0.9
        code: str | None = entry.key
        kb_id = None
        if entry.kind in ("capital", "org_capital") or (entry.kind == "collective" and country_entry.region):
            if (not actor_position or self._is_dateline(head)) and len(group.units) == 1:
                return self.target_place(head, root, code if entry.kind == "capital" else None)
            kind, metonym, confidence = "metonym", (span.start_char, span.end_char), 0.75
            sector = None if entry.kind == "collective" else "GOV"
            if entry.kind == "org_capital":
                org = self.r.orgs[entry.key]
                code, sector, kb_id = org.country, org.sector, org.kb_id
                kind = "metonym"
        elif entry.kind == "seat":
            kind, sector, metonym = "metonym", "GOV", (span.start_char, span.end_char)
        elif entry.kind == "country" and actor_position:
            metonym = (span.start_char, span.end_char)
        elif (
            entry.kind in ("demonym", "collective_demonym")
            and root.pos_ in ("NOUN", "PROPN")
            and root.dep_
            not in (
                "amod",
                "compound",
            )
        ):
            sector = "CVL" if entry.plural else None
        if entry.kind == "people":
            code = self.people_country(root, entry.key or None)
            sector = "CVL" if entry.plural and root.dep_ not in ("amod", "compound") else None
        elif entry.kind == "demonym" and self.is_ethnic(head):
            code = self.residence_country(root, code)
        elif entry.kind == "demonym":
            member_country, member = self.group_country(group)
            if member is None:  # 'the Albanians of southern Serbia' live there; 'Americans in Kuwait' are Americans
                member_country = self.prepositional_country(root, preps=("of",))
            if (
                member_country
                and member_country in self.kb.countries
                and not self.kb.countries[member_country].collective
            ):
                code = member_country  # "Bosnian Serbs", "Iraqi Kurds": the state they live in
        if group.role_of_split is not None:
            sector = group.role_of_split.entry("title", "group").sector
        if group.attack:
            sector = "MIL"
        start = self.with_det(group) if kind == "metonym" or entry.kind == "collective" else group.start
        name = self.r.orgs[entry.key].name if entry.kind == "org_capital" else self.country_name(code)
        party = self.party(
            start, group.end, name=name, country=code, sector=sector, kb_id=kb_id, confidence=confidence, kind=kind
        )
        sentence = self.sentence_of(root.i)
        if code:
            self.memory.remember_country(party, root.i, collective=bool(country_entry and country_entry.collective))
            self.memory.remember_thing(party, root.i, sentence)
        if entry.kind in ("collective", "collective_demonym") or entry.plural:
            self.memory.remember_plural(party, root.i, sentence)
        return Resolution(party, range(start, group.end), metonym_chars=metonym)

    # ---- pronouns ----------------------------------------------------------------------
    def describes_organization(self, token: Token) -> bool:
        """'the group', 'the organisation' alone (no modifier, no 'of' phrase): a body named before."""
        if token.lower_ not in coref.ORGANIZATION_DESCRIPTIONS or token.tag_ != "NN":
            return False
        lefts = list(token.lefts)
        return (
            len(lefts) == 1
            and lefts[0].lower_ == "the"
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights)
        )

    def subject_pronoun_party(self, token: Token) -> Party | None:
        """For an object pronoun, whom the subject pronoun of its verb stands for ('he offered him')."""
        if token.dep_ not in ("dobj", "dative") or token.lower_.endswith("self"):
            return None
        subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON"]
        return self.pronoun_parties.get(subjects[0].i) if subjects else None

    def resolve_organization_description(self, token: Token) -> Resolution | None:
        antecedent = coref.resolve_organization_description(self.memory, token.i, self.sentence_of(token.i))
        if antecedent is None:
            return None
        det = self.doc[token.i - 1]
        party = coref.as_coref(antecedent, *self._chars(det.i, token.i + 1), confidence=0.6)
        return Resolution(party, range(det.i, token.i + 1))

    def resolve_pronoun(self, token: Token) -> Resolution | None:
        sentence = self.sentence_of(token.i)
        if token.lower_ in coref.ORGANIZATION_DESCRIPTIONS:
            return self.resolve_organization_description(token)
        if token.lower_ in coref.SINGULAR_PRONOUNS:
            antecedent = coref.resolve_singular_pronoun(
                self.memory,
                token.i,
                sentence,
                coref.clause_mates(token),
                token.text,
                other=self.subject_pronoun_party(token),
                subject=token.dep_ in SUBJECT_DEPS,
            )
        elif token.lower_ in coref.NEUTER_PRONOUNS:
            antecedent = coref.resolve_neuter_pronoun(self.memory, token.i, sentence)
        else:
            antecedent = coref.resolve_plural_pronoun(self.memory, token.i, sentence)
        if antecedent is None:
            return None
        party = coref.as_coref(antecedent, token.text, token.idx, token.idx + len(token.text), confidence=0.6)
        self.pronoun_parties[token.i] = party
        if token.lower_ in coref.SINGULAR_PRONOUNS:
            sex = coref.PRONOUN_SEX.get(token.lower_)
            self.memory.people.append(
                coref.PersonSeen(party, token.i, sentence, self._is_subject(token), set(), False, sex)
            )
        return Resolution(party, range(token.i, token.i + 1))


def holds_title(person: Person, title: str) -> bool:
    return any(title in position.title.lower() for position in person.positions)


def fill_from_appositives(doc: Doc, resolutions: list[Resolution], member_words: frozenset[str] = frozenset()) -> None:
    """'Kenzo Oshima, the United Nations relief coordinator', 'British engineer Kenneth Bigley': an unplaced name
    takes its appositive's (or the describing noun's before it) country and sector (and the other way round); what
    the appositive tells beats the story's country guessed for a titled name ('Gen. Philip Breedlove, NATO's top
    commander' in a story about Syria). `member_words` ('member', 'official'): an appositive of these that names no
    party tells the body after its 'of' ('a member of the Syrian parliament, Mohammed Mamoun')."""
    by_token = {i: res for res in resolutions if not res.group for i in res.tokens}
    for res in resolutions:
        party = res.party
        guessed = party.country is not None and party.confidence <= GUESSED_CONFIDENCE
        if (party.country and not guessed) or party.kind != "mention" or party.sector in ("IGO", "NGO"):
            continue
        root = doc[res.tokens.start : res.tokens.stop].root
        linked = appositives(root, nouns_before=True)
        linked += [c for token in linked for c in token.conjuncts]  # 'PFLP leader and Palestinian MP, Ahmed Saadat'
        # 'a member of the Syrian parliament, Mohammed Mamoun': the body an untold role belongs to
        untold = [t for t in linked if t.i not in by_token and t.lemma_.lower() in member_words]
        linked += [o for token in untold for o in prep_objects(token, "of")]
        for token in linked:
            other = by_token.get(token.i)
            if other is None or other is res:
                continue
            source = other.party
            if (guessed or party.guessed_country) and source.confidence <= max(party.confidence, GUESSED_CONFIDENCE):
                party.sector = party.sector or source.sector  # one guess is no better than another; a trade is told
                continue
            if source.country or source.sector in ("IGO", "NGO"):
                party.country = source.country
                party.sector = party.sector if source.sector in (None, "GOV") and party.sector else source.sector
                party.kb_id = party.kb_id or (
                    source.kb_id if source.kb_id and source.kb_id[:3] in ("IGO", "NGO", "IMG") else None
                )
                party.confidence = 0.7
                break


def share_told_countries(resolutions: list[Resolution]) -> None:
    """A private person whose country an appositive told ('Talia Harper, a nurse from Ohio') has it at every
    later mention ('Harper said', 'she'), which took only the story's guess when they were resolved."""
    told = {res.party.name: res.party for res in resolutions if res.party.country and res.party.guessed_country}
    for res in resolutions:
        party = res.party
        source = told.get(party.name or "")
        if source is not None and party.country is None and party.guessed_country:
            party.country, party.sector = source.country, party.sector or source.sector


def names_backer(token: Token) -> bool:
    """A name before '-backed', '-sponsored', '-trained' ... (roles.yaml `backer_suffixes`): who backs the group after
    it ('Iranian-backed militias'), neither its home nor a party of its act."""
    doc, i = token.doc, token.i
    backers = load_knowledge().roles.backer_suffixes
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in backers
