"""Counts of people in a condition: "three people dead", "dozens wounded", "arrested 12".

`find_counts(doc)` reads the one spaCy parse and returns `CountPhrase`s: a number (or an
implied one: "a soldier was killed") tied to a condition word by the dependency parse, or
by adjacency where the parse of telegraphic text fails ("12 killed and four injured").
Counts joined by "and" under one condition are summed with their parts kept; corrections
("the toll rose to 7") are flagged as revisions. Figures that count no people (distances,
durations, years, money, ages) and cumulative tolls ("the war has killed tens of
thousands", "... since 2011") never become counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.extract.quantities.conditions import (
    adjacent_condition,
    condition_of,
    conj_top,
    head_condition,
    own_condition,
    role_condition,
)
from eventwire.extract.quantities.exclusions import (
    has_cumulative_adjunct,
    in_cumulative_context,
    in_earlier_year,
    is_cumulative,
    is_date_or_unit,
    not_asserted,
)
from eventwire.extract.quantities.lexicon import Lexicon, count_words, load_lexicon
from eventwire.extract.quantities.numbers import NumberMention, find_numbers

NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
MODIFIER_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod", "nsubj", "conj"}
MODIFIER_POS = {"ADJ", "PROPN", "NOUN", "NUM", "VERB"}
_WORDS = count_words()
SUPERSEDED = _WORDS.words("superseded_words")
PERSON_PRONOUNS = {"he", "she"}
REFLEXIVES = {"himself", "herself", "themselves"}
DEFINITE = _WORDS.words("definite_words")
SINGLE_PERSON_DETERMINERS = _WORDS.words("single_person_determiners")
PERSON_SUFFIXES = _WORDS.sequence("person_suffixes")
PEOPLE_SUFFIXES = _WORDS.sequence("people_suffixes")


@dataclass
class CountPhrase:
    """A count of people in a condition, as token indices into the parse."""

    kind: str
    start: int
    end: int
    root: int
    condition: int
    low: int | None
    best: int | None
    high: int | None
    revision: bool = False
    implicit: bool = False
    parts: list[CountPhrase] = field(default_factory=list)


def _modifier_run(doc: Doc, start: int, stop: int, lex: Lexicon) -> bool:
    """Whether doc[start:stop] is only adjectives and names ("Russian", "Boko Haram", "armed")."""
    return all(
        (
            t.pos_ in MODIFIER_POS
            or t.tag_ == "HYPH"
            or (t.lower_ == "of" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        )
        and t.lower_ not in lex.state_kind
        and (t.lower_ not in lex.bridge_words or t.lower_ in {"of", "other", "more"})
        for t in doc[start:stop]
    )


def _counted_noun(doc: Doc, number: NumberMention, lex: Lexicon) -> Token | None:
    """The noun a number counts ("people" in "three people", "refugees" in "scores of refugees")."""
    end = number.end
    if end >= len(doc) or doc[end].lower_ in lex.state_kind:
        return None
    if doc[end].lower_ == "of":
        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    for tok in doc[number.core_start : end]:
        head = tok.head
        if tok.dep_ in MODIFIER_DEPS and end <= head.i < end + 5 and _modifier_run(doc, end, head.i, lex):
            if head.tag_ in {"NN", "NNP"} and head.i + 1 < len(doc) and doc[head.i + 1].tag_ in {"NNS", "NNPS"}:
                return doc[head.i + 1]  # "10 IS militants": a name misread as the head
            if head.tag_ in NOUN_TAGS or head.pos_ in {"NOUN", "PROPN", "PRON"}:
                return head
    for k in range(end, min(end + 4, len(doc))):
        if doc[k].tag_ in {"NNS", "NNPS"}:
            return doc[k]
        if not _modifier_run(doc, k, k + 1, lex):
            break
    return None


def _group_noun(root: Token, lex: Lexicon) -> Token:
    """'a crowd of 500': the crowd carries the role in the clause."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in lex.group_nouns:
        return root.head.head
    return root


def _is_person_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether a counted noun names people: "civilians", "Palestinians", "members", "al Shabaab", "bodies".

    Known person words, people-forming suffixes ("-ist", "-ian", "-er", "-man"), names and
    nationalities pass; units, time, money, objects and anything "animal" do not.
    """
    lemma = noun.lemma_.lower()
    if lemma in lex.non_person or noun.lower_ in lex.non_person:
        return False
    if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in lex.non_person for c in noun.children):
        return False
    if noun.ent_type_ in {"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "GPE", "LOC", "FAC"}:
        return False
    if noun.pos_ in {"PROPN", "PRON"} or noun.ent_type_ in {"NORP", "ORG", "PERSON"}:
        return True
    known = lex.people_words
    return lemma in known or noun.lower_ in known or lemma.endswith(PEOPLE_SUFFIXES)


# --- counts -----------------------------------------------------------------------------------------------------


def _phrase_span(start: int, end: int, cond: Token) -> tuple[int, int]:
    if end <= cond.i < end + 3:
        return start, cond.i + 1
    if start - 3 <= cond.i < start:
        return cond.i, end
    return start, end


def _is_partitive(doc: Doc, number: NumberMention) -> bool:
    """'one of 14 people', 'two of the six hostages': a part of a group that has its own number."""
    if number.end >= len(doc) or doc[number.end].lower_ != "of":
        return False
    group = next((c for c in doc[number.end].children if c.dep_ == "pobj"), None)
    if group is None:
        return False
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in group.children)
    return group.like_num or definite or any(c.dep_ == "nummod" for c in group.children)


def _part_takes_condition(doc: Doc, number: NumberMention, lex: Lexicon) -> bool:
    """In a partitive, whichever of part and group is the clause's argument carries the count:
    'two of the six hostages were killed' (the part), 'one of 14 people killed' (the group)."""
    return head_condition(doc[number.start : number.end].root, lex) is not None


def _group_of_counted_part(root: Token, lex: Lexicon) -> bool:
    """'two of the six hostages were killed', 'five members of one family were killed': the
    group's own figure is no count when its part is the clause's argument."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    part = root.head.head
    if not (part.like_num or any(c.dep_ == "nummod" for c in part.children)):
        return False
    return head_condition(part, lex) is not None


def _number_phrase(doc: Doc, number: NumberMention, lex: Lexicon) -> CountPhrase | None:
    if is_date_or_unit(doc, number, lex):
        return None
    if _is_partitive(doc, number) and not _part_takes_condition(doc, number, lex):
        return None
    noun = _counted_noun(doc, number, lex)
    if noun is not None and _lives_lost(noun, lex):
        return _phrase(number, number.start, noun.i + 1, noun, "dead", noun.head, lex)
    if noun is not None and not _is_person_noun(noun, lex):
        return None
    end = max(number.end, noun.i + 1) if noun is not None else number.end
    root = _group_noun(doc[number.start : end].root, lex)
    if _group_of_counted_part(root, lex):
        return None
    found = condition_of(doc, root, number.start, end, lex)
    if found is None and noun is not None:
        found = _noun_condition(noun, lex)
    if found is None and root.head.lemma_.lower() in {"number", "total"}:
        subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        found = _noun_condition(subject, lex) if subject is not None else None
    among = _among_condition(root, lex) if found is None else None
    if among is not None:  # a part of a group: at least the figure
        phrase = _phrase(number, number.start, end, root, *among, lex)
        if phrase is not None:
            phrase.high = None
        return phrase
    if found is None:
        return None
    kind, cond = found
    return _phrase(number, number.start, end, root, kind, cond, lex)


def _among_condition(root: Token, lex: Lexicon) -> tuple[str, Token] | None:
    """'Seven policemen were among those killed', 'two children were among the dead': the group's
    condition, unless the group has its own figure ('among the 14 people wounded' counts 14)."""
    if root.dep_ != "nsubj" or root.head.lemma_.lower() != "be":
        return None
    for prep in root.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "among":
            continue
        group = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if group is None or any(c.dep_ == "nummod" or c.like_num for c in group.children):
            return None
        if group.lower_ in lex.state_kind:
            return lex.state_kind[group.lower_], group
        return own_condition(group, lex)
    return None


def _noun_condition(noun: Token, lex: Lexicon) -> tuple[str, Token] | None:
    """A noun that is itself the condition: '5 bodies', '2,000 protesters', 'the dead numbered 40'."""
    lemma = noun.lemma_.lower()
    if lemma in lex.noun_kind:
        return lex.noun_kind[lemma], noun
    if lemma in lex.protester_nouns:
        return "size", noun
    if noun.lower_ in lex.state_kind:
        return lex.state_kind[noun.lower_], noun
    return None


def _lives_lost(noun: Token, lex: Lexicon) -> bool:
    """'claimed 217 lives', 'cost 12 lives'."""
    return noun.lemma_.lower() == "life" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.life_verbs


def _phrase(
    number: NumberMention, start: int, end: int, root: Token, kind: str, cond: Token, lex: Lexicon
) -> CountPhrase | None:
    if is_cumulative(cond, lex) or not_asserted(cond):
        return None
    start, stop = _phrase_span(start, end, cond)
    return CountPhrase(kind, start, stop, root.i, cond.i, number.low, number.best, number.high)


def _is_single_person(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    if tok.lower_ in PERSON_PRONOUNS:
        return True
    singular_by_det = tok.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)
    if (
        (tok.tag_ not in {"NN", "NNP"} and not singular_by_det)
        or lemma in lex.collective_nouns
        or lemma in lex.non_person
    ):
        return False
    if tok.ent_type_ == "PERSON":
        return tok.dep_ != "compound"
    if tok.tag_ == "NNP":
        return _one_of_counted_groups(tok, lex)
    return lemma in lex.person_nouns or lemma.endswith(PERSON_SUFFIXES)


def _one_of_counted_groups(tok: Token, lex: Lexicon) -> bool:
    """'killed four Fulanis and a Konkomba': a name with 'a' coordinated with a count of people is
    one member of a group."""
    if tok.dep_ != "conj" or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
        return False
    top = conj_top(tok)
    return any(c.dep_ == "nummod" for c in top.children) and _is_person_noun(top, lex)


def _conjoined_condition(tok: Token, lex: Lexicon) -> tuple[str, Token] | None:
    """'a soldier and a militiaman killed': the condition on the last conjunct covers them all."""
    for node in [tok, *tok.conjuncts]:
        found = own_condition(node, lex)
        if found:
            return found
    return None


def _remains_of(tok: Token, lex: Lexicon) -> bool:
    """'the body of a man (was found)': a count of one dead."""
    return tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in lex.remains_nouns


def _implicit_phrase(doc: Doc, tok: Token, lex: Lexicon) -> CountPhrase | None:
    """'a soldier was killed', 'killed the driver', 'he died': a count of one."""
    if tok.tag_ not in {"NN", "NNP", "NNS", "PRP"}:
        return None
    if tok.i + 2 < len(doc) and doc[tok.i + 1].tag_ == "HYPH" and not tok.whitespace_:
        return None  # "Al-Jayji": the name's last part counts
    if tok.dep_ in {"compound", "poss"} or any(c.dep_ in {"nummod", "quantmod"} for c in tok.children):
        return None
    if tok.dep_ == "pobj" and _conjoined_condition(tok, lex) is None and not _remains_of(tok, lex):
        return None  # "the death of an activist" is most often background, not the event's toll
    if not _is_single_person(tok, lex):
        return None
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ not in SINGLE_PERSON_DETERMINERS:
        return None
    found = role_condition(tok, lex) or _conjoined_condition(tok, lex)
    if found is None and tok.dep_ == "conj":
        top = conj_top(tok)
        found = role_condition(top, lex) if top.i != tok.i else None
    if found is None:
        found = adjacent_condition(doc, tok.i + 1, lex)
    if found is None or found[0] == "size":
        return None
    kind, cond = found
    if is_cumulative(cond, lex) or not_asserted(cond):
        return None
    start = min(tok.left_edge.i, tok.i)
    start, stop = _phrase_span(start, tok.i + 1, cond)
    return CountPhrase(kind, start, stop, tok.i, cond.i, 1, 1, 1, implicit=True)


def _own_condition_word(implicit: CountPhrase, numbered_top: Token | None, doc: Doc) -> bool:
    """Not "Four reported Boko Haram dead", "Yeole, 'The person was murdered'": a condition word
    that a count already covers gives no second count, unless the two are coordinated ("a soldier
    and 3 civilians", "himself and five")."""
    if numbered_top is None:
        return True
    return numbered_top.i == conj_top(doc[implicit.root]).i or numbered_top.lower_ in REFLEXIVES


def _revision_phrase(doc: Doc, number: NumberMention, previous: list[CountPhrase], lex: Lexicon) -> CountPhrase | None:
    """'the death toll rose to 7', 'the number was raised to sixteen', 'a toll of 12'."""
    root = doc[number.start : number.end].root
    found = _toll_and_verb(root, lex)
    if found is None:
        return None
    subject, revision = found
    if subject.lemma_.lower() not in lex.toll_nouns or any(c.lower_ in SUPERSEDED for c in subject.children):
        return None
    kind = _toll_kind(subject, previous, lex)
    if kind is None or is_cumulative(subject, lex) or not_asserted(subject) or has_cumulative_adjunct(subject, lex):
        return None
    if any(in_cumulative_context(tok, lex) for tok in subject.subtree):
        return None  # "the toll of the war", "the number of people killed in the conflict"
    if _running_total(subject, lex):
        return None  # "the number of civilians killed this month", "... killed since January"
    start = min(subject.left_edge.i, number.start)
    return CountPhrase(
        kind, start, number.end, root.i, subject.i, number.low, number.best, number.high, revision=revision
    )


def _running_total(toll: Token, lex: Lexicon) -> bool:
    """'the number of civilians killed this month / since January': a toll over a period."""
    words = " " + " ".join(t.lower_ for t in toll.subtree) + " "
    if any(" " + " ".join(period) + " " in words for period in lex.running_total_periods):
        return True
    return any(has_cumulative_adjunct(tok, lex) for tok in toll.subtree if tok.pos_ == "VERB")


def _toll_and_verb(root: Token, lex: Lexicon) -> tuple[Token, bool] | None:
    """The toll noun a figure gives the value of, and whether the clause revises it.

    'a toll of 12', 'the toll rose to 7', 'the toll reached 20' (revisions), 'the toll stands at
    12', 'the toll was 12', 'residents put the toll at 20'.
    """
    head = root.head
    if root.dep_ == "attr" and head.lemma_.lower() == "be":  # "the toll was 27"
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return (subject, False) if subject is not None else None
    if root.dep_ in {"dobj", "obj"} and head.lemma_.lower() in lex.revision_verbs:
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return (subject, True) if subject is not None else None
    if root.dep_ != "pobj" or head.lower_ not in {"to", "at", "of"}:
        return None
    verb = head.head
    if head.lower_ == "of":
        return verb, False
    if head.lower_ == "at" and verb.lemma_.lower() in lex.toll_setting_verbs:
        toll = next((c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}), None)
        return (toll, False) if toll is not None else None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    revision = verb.lemma_.lower() in lex.revision_verbs
    if revision and head.lower_ == "to":  # "..., bringing the death toll to 15"
        toll = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        if toll is not None and toll.lemma_.lower() in lex.toll_nouns:
            return toll, True
    if subject is None or not (revision or verb.lemma_.lower() == "stand"):
        return None
    return subject, revision


def _toll_kind(subject: Token, previous: list[CountPhrase], lex: Lexicon) -> str | None:
    for tok in subject.subtree:
        lemma = tok.lemma_.lower()
        if tok.lower_ in lex.state_kind:
            return lex.state_kind[tok.lower_]
        if lemma in {"death", "fatality", "dead"}:
            return "dead"
        if lemma in {"injury", "casualty"} and lemma == "injury":
            return "injured"
        if lemma in lex.nominal_kind:  # "the number of people in custody", "the number of arrests"
            return lex.nominal_kind[lemma]
    if subject.lemma_.lower() == "toll":
        return "dead"
    return previous[-1].kind if previous else None


def _sum_groups(doc: Doc, phrases: list[CountPhrase]) -> list[CountPhrase]:
    """Merge counts coordinated under one condition ("two soldiers and three civilians were killed")."""
    groups: dict[tuple[int, str], list[CountPhrase]] = {}
    order: list[tuple[int, str]] = []
    for phrase in phrases:
        key = (conj_top(doc[phrase.root]).i, phrase.kind) if not phrase.revision else (-phrase.root - 1, phrase.kind)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(phrase)
    merged = []
    for key in order:
        members = groups[key]
        if len(members) == 1:
            merged.append(members[0])
        elif _are_alternatives(doc, members):
            merged.append(_alternatives(members))
        else:
            merged.append(_sum(members))
    return sorted(merged, key=lambda p: p.start)


def _are_alternatives(doc: Doc, members: list[CountPhrase]) -> bool:
    """'either 6 soldiers or a single major': figures joined by 'or' are alternatives, not groups."""
    top = conj_top(doc[members[0].root])
    return any(c.dep_ in {"cc", "preconj"} and c.lower_ in {"or", "either"} for c in top.subtree)


def _alternatives(members: list[CountPhrase]) -> CountPhrase:
    """The conservative reading of alternative figures: the smallest as best, the largest as high."""
    bests = [m.best if m.best is not None else m.low for m in members]
    highs = [m.high for m in members]
    low = min((m.low for m in members if m.low is not None), default=None)
    best = min((b for b in bests if b is not None), default=None)
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return _combined(members, low, best, high)


def _total(values: list[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _sum(members: list[CountPhrase]) -> CountPhrase:
    members = sorted(members, key=lambda m: m.start)
    low, best, high = (_total([getattr(m, bound) for m in members]) for bound in ("low", "best", "high"))
    return _combined(members, low, best, high)


def _combined(members: list[CountPhrase], low: int | None, best: int | None, high: int | None) -> CountPhrase:
    """One phrase spanning `members` (kept as its parts) with the given bounds."""
    first = members[0]
    return CountPhrase(
        first.kind,
        min(m.start for m in members),
        max(m.end for m in members),
        first.root,
        max(members, key=lambda m: m.end).condition,
        low,
        best,
        high,
        parts=members,
    )


def _propagate_in_conjunctions(doc: Doc, pending: list[NumberMention], found: list[CountPhrase], lex: Lexicon):
    """Counts with no condition of their own take it from a coordinated count ("4 police and 39 civilians killed")."""
    by_top = {conj_top(doc[p.root]).i: p for p in found if not p.revision}
    for number in pending:
        if is_date_or_unit(doc, number, lex):
            continue
        noun = _counted_noun(doc, number, lex)
        if noun is not None and not _is_person_noun(noun, lex):
            continue
        end = max(number.end, noun.i + 1) if noun is not None else number.end
        root = doc[number.start : end].root
        partner = by_top.get(conj_top(root).i)
        if partner is not None and partner.root != root.i:
            yield CountPhrase(
                partner.kind, number.start, end, root.i, partner.condition, number.low, number.best, number.high
            )


def find_counts(doc: Doc, lex: Lexicon | None = None, year: int | None = None) -> list[CountPhrase]:
    """Every count of people in a condition in the document, coordinated counts summed.

    `year` (of publication) drops counts dated to an earlier year ("killed in 2014").
    """
    lex = lex or load_lexicon()
    phrases: list[CountPhrase] = []
    pending: list[NumberMention] = []
    covered: set[int] = set()
    for number in find_numbers(doc, lex):
        phrase = _revision_phrase(doc, number, phrases, lex) or _number_phrase(doc, number, lex)
        if phrase is None:
            pending.append(number)
            continue
        phrases.append(phrase)
        covered.update(range(phrase.start, phrase.end))
    phrases.extend(_propagate_in_conjunctions(doc, pending, phrases, lex))
    for phrase in phrases:
        covered.update(range(phrase.start, phrase.end))
        covered.add(phrase.root)
    numbered = {p.condition: conj_top(doc[p.root]) for p in phrases}
    implicits = []
    for tok in doc:
        if tok.i in covered:
            continue
        implicit = _implicit_phrase(doc, tok, lex)
        if implicit is not None and _own_condition_word(implicit, numbered.get(implicit.condition), doc):
            implicits.append(implicit)
            numbered.setdefault(implicit.condition, conj_top(tok))  # one condition word, one group
    counted = {p.root for p in phrases} | {p.root for p in implicits}
    # an appositive restates its noun: "Abdo, a leading member of the group, was killed" is one
    phrases.extend(p for p in implicits if not (doc[p.root].dep_ == "appos" and doc[p.root].head.i in counted))
    return _sum_groups(doc, [p for p in phrases if not in_earlier_year(doc[p.condition], year)])
