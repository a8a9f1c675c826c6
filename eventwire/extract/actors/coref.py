"""Who "he", "the French president", "both leaders" and "them" point back to.

A small document memory, filled in text order: the people met so far (with their
country, titles, whether they were a subject), the plural actors, and the countries.
Resolution is deliberately conservative: no antecedent in reach means no guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.knowledge import function_words, package_file
from eventwire.model import Party

_WORDS = package_file("eventwire.extract.actors", "data", "coreference.yaml")

SINGULAR_PRONOUNS = function_words().words("singular_person_pronouns")
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
NEUTER_PRONOUNS = {"its"}
PERSON_GROUP_NOUNS = _WORDS.words("person_group_nouns")
ORGANIZATION_DESCRIPTIONS = _WORDS.words("organization_descriptions")
DESCRIBED_GROUP_SECTORS = _WORDS.words("described_group_sectors")
COUNTRY_GROUP_NOUNS = _WORDS.words("country_group_nouns")
SENTENCE_REACH = 3
FEMALE_WORDS = _WORDS.words("female_words")
MALE_WORDS = _WORDS.words("male_words")
PRONOUN_SEX = {w: "f" for w in _WORDS.words("female_pronouns")} | {w: "m" for w in _WORDS.words("male_pronouns")}


@dataclass
class PersonSeen:
    party: Party
    token: int
    sentence: int
    subject: bool
    titles: set[str]
    leader: bool
    sex: str | None = None  # "f" or "m" when the text tells it ("Mrs.", "spokeswoman", a pronoun)


@dataclass
class DocumentMemory:
    people: list[PersonSeen] = field(default_factory=list)
    plurals: list[tuple[Party, int, int]] = field(default_factory=list)  # party, token, sentence
    countries: list[tuple[Party, int]] = field(default_factory=list)
    things: list[tuple[Party, int, int]] = field(default_factory=list)  # non-person actors: party, token, sentence
    organizations: list[tuple[Party, int, int]] = field(default_factory=list)  # known bodies: party, token, sentence
    by_surname: dict[str, Party] = field(default_factory=dict)
    # the first word of a full name met before: 'Najib' after 'Najib Razak', 'Mahathir' after 'Mahathir Mohamad'
    by_given_name: dict[str, Party] = field(default_factory=dict)
    # the identity chain: a surname -> the person the document last introduced in full by it ('Hillary Clinton')
    full_names: dict[str, Party] = field(default_factory=dict)

    def remember_person(self, seen: PersonSeen, name_words: list[str]) -> None:
        self.people.append(seen)
        if len(name_words) > 1 and name_words[-1][:1].isupper():
            self.full_names[name_words[-1].lower()] = seen.party
        if seen.party.country and name_words:
            self.by_surname[name_words[-1].lower()] = seen.party
            self.by_surname[" ".join(name_words).lower()] = seen.party
            if len(name_words) > 1 and name_words[0][:1].isupper() and name_words[0][1:2].islower():
                self.by_given_name.setdefault(name_words[0].lower(), seen.party)

    def introduced_as(self, surname: str) -> Party | None:
        """'Clinton' after 'Hillary Clinton': the person the document named in full with this surname."""
        return self.full_names.get(surname.lower())

    def sex_of(self, party: Party) -> str | None:
        """The sex the text tells by its own words for any named mention of this person ('Mrs. Clinton', 'the
        spokeswoman'); pronouns bound to the person tell nothing here, they may be bound wrongly."""
        told = {p.sex for p in self.people if p.sex and p.party.kind != "coref" and same_person(p.party, party)}
        return told.pop() if len(told) == 1 else None

    def person_named(self, word: str) -> Party | None:
        """The person a one-word name stands for: by surname, else by the first word of a full name."""
        return self.by_surname.get(word.lower()) or self.by_given_name.get(word.lower())

    def remember_country(self, party: Party, token: int, collective: bool = False) -> None:
        if party.country and not collective:
            self.countries.append((party, token))

    def remember_thing(self, party: Party, token: int, sentence: int) -> None:
        if party.country or party.kb_id:
            self.things.append((party, token, sentence))

    def remember_plural(self, party: Party, token: int, sentence: int) -> None:
        self.plurals.append((party, token, sentence))

    def remember_organization(self, party: Party, token: int, sentence: int) -> None:
        if party.kb_id:
            self.organizations.append((party, token, sentence))


# Descriptions that fit any official of the right country ("the Iranian diplomat").
GENERIC_PERSON_TITLES = _WORDS.words("generic_person_titles")
ROYAL_DESCRIPTIONS = _WORDS.words("royal_descriptions")
ROYAL_TITLES = _WORDS.words("royal_titles")


def sex_of_words(words: list[str]) -> str | None:
    """'f' or 'm' when the words that name or describe a person tell it unambiguously, else None."""
    lowered = [w.lower() for w in words]
    female = any(w in FEMALE_WORDS for w in lowered)
    male = any(w in MALE_WORDS for w in lowered)
    return None if female == male else ("f" if female else "m")


def same_person(a: Party, b: Party) -> bool:
    if a.kb_id or b.kb_id:
        return a.kb_id == b.kb_id
    return bool(a.name) and a.name == b.name


def sex_agrees(pronoun: str, person: PersonSeen, memory: DocumentMemory | None = None) -> bool:
    """'she' cannot be a person the text calls 'Mr.' or 'spokesman' (in this mention or another of the same
    person); an untold sex fits either."""
    wanted = PRONOUN_SEX.get(pronoun.lower())
    sex = person.sex or (memory.sex_of(person.party) if memory is not None else None)
    return wanted is None or sex is None or sex == wanted


def title_fits(wanted: str, person: PersonSeen) -> bool:
    if wanted in ("leader", "head of state"):
        return person.leader
    if wanted in GENERIC_PERSON_TITLES:
        return bool(person.titles) and person.party.sector == "GOV"
    if wanted in ROYAL_DESCRIPTIONS:  # 'King Hussein ... the monarch'
        return bool(person.titles & ROYAL_TITLES)
    return any(t == wanted or t.endswith(" " + wanted) for t in person.titles)


def as_coref(antecedent: Party, text: str, start: int, end: int, confidence: float) -> Party:
    return replace(antecedent, text=text, start=start, end=end, kind="coref", confidence=confidence)


def resolve_definite_title(memory: DocumentMemory, title: str, country: str | None, sentence: int) -> Party | None:
    """'the French president' -> the last French person met with that title."""
    if title in GENERIC_PERSON_TITLES and not country:
        return None
    for person in reversed(memory.people):
        if country and person.party.country != country:
            continue
        if title_fits(title, person) and sentence - person.sentence <= 12:
            return person.party
    return None


def resolve_singular_pronoun(
    memory: DocumentMemory,
    token: int,
    sentence: int,
    clause_mates: frozenset[str] = frozenset(),
    pronoun: str = "",
    other: Party | None = None,
    subject: bool = False,
) -> Party | None:
    """Prefer a subject of the pronoun's own sentence, then the latest person in reach. A person named
    as the object of the pronoun's own verb is someone else ('He hailed President Buhari'), and so is
    `other`, whom the subject pronoun of its verb stands for ('he offered him'); a person of the other sex
    is someone else ('Mrs. Ruiz met Mr. Ortiz. He said'). A subject pronoun keeps to the person an earlier
    pronoun of its sentence stands for ('After cabling leaders about his intention to give Saddam a
    deadline, he offered ...': he is whom 'his' is)."""
    in_reach = [
        p
        for p in memory.people
        if p.token < token
        and sentence - p.sentence < SENTENCE_REACH
        and not names_one_of(p.party, clause_mates)
        and not (other is not None and same_person(p.party, other))
        and sex_agrees(pronoun, p, memory)
    ]
    if not in_reach:
        return None
    same_sentence_subjects = [p for p in in_reach if p.sentence == sentence and p.subject]
    if same_sentence_subjects:
        return same_sentence_subjects[-1].party
    chained = [p for p in in_reach if p.sentence == sentence and p.party.kind == "coref" and p.sex]
    if subject and chained:
        return chained[-1].party
    earlier_subjects = [p for p in in_reach if p.subject]
    latest = in_reach[-1]
    if earlier_subjects and earlier_subjects[-1].sentence == latest.sentence:
        return earlier_subjects[-1].party
    return latest.party


def names_one_of(party: Party, words: frozenset[str]) -> bool:
    """Whether the person's surname is one of `words` (lower case)."""
    names = [n.split()[-1].lower() for n in (party.name, party.text) if n]
    return any(name in words for name in names)


def clause_mates(pronoun: Token) -> frozenset[str]:
    """Names a pronoun cannot stand for, by the rules of English: the objects of a subject pronoun's verb
    ('He hailed President Buhari'), the subject of an object pronoun's verb ('Bassett approached Beedle
    and stabbed him'); a reflexive ('himself') is its subject's."""
    verb = pronoun.head
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr")]
        objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    elif pronoun.dep_ in ("dobj", "dative") and not pronoun.lower_.endswith("self"):
        while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # 'approached Beedle and stabbed him': the subject both verbs share
        objects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        return frozenset()
    return frozenset(t.lower_ for o in objects for t in o.subtree if t.pos_ == "PROPN")


def resolve_plural_pronoun(memory: DocumentMemory, token: int, sentence: int) -> Party | None:
    in_reach = [p for p, t, s in memory.plurals if t < token and sentence - s < 2]
    return in_reach[-1] if in_reach else None


def resolve_pair(memory: DocumentMemory, noun: str) -> list[Party]:
    """'both leaders', 'the two nations': the last two distinct people or countries."""
    pool: list[Party]
    if noun in PERSON_GROUP_NOUNS:
        pool = [p.party for p in memory.people]
    elif noun in COUNTRY_GROUP_NOUNS:
        pool = [party for party, _ in memory.countries]
    else:
        return []
    picked: list[Party] = []
    for party in reversed(pool):
        key = party.kb_id or party.country
        if key and all((p.kb_id or p.country) != key and p.country != party.country for p in picked):
            picked.append(party)
        if len(picked) == 2:
            break
    return list(reversed(picked)) if len(picked) == 2 else []


def resolve_neuter_pronoun(memory: DocumentMemory, token: int, sentence: int) -> Party | None:
    """'its army': the latest country or organization in this or the previous sentence."""
    in_reach = [p for p, t, s in memory.things if t < token and sentence - s < 2]
    return in_reach[-1] if in_reach else None


def resolve_description(memory: DocumentMemory, sector: str | None, token: int, sentence: int) -> Party | None:
    """'Hamas fighters crossed ... The militants killed': a definite armed or criminal group named by its kind alone
    is the latest group of that sector named with a country in reach (this or the two sentences before)."""
    if sector not in DESCRIBED_GROUP_SECTORS:
        return None
    in_reach = [
        (t, p)
        for p, t, s in memory.plurals + memory.things
        if t < token and sentence - s < SENTENCE_REACH and p.sector == sector and p.country and p.kind != "coref"
    ]
    return max(in_reach, key=lambda found: found[0])[1] if in_reach else None


def resolve_organization_description(memory: DocumentMemory, token: int, sentence: int) -> Party | None:
    """'The Taliban claimed the bombing. The group said ...': 'the group', 'the organisation' is the latest body the
    knowledge base knows, named in this or the previous sentence."""
    in_reach = [p for p, t, s in memory.organizations if t < token and sentence - s < 2]
    return in_reach[-1] if in_reach else None
