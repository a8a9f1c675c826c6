"""Attach counts to events: the dead of an attack, the size of a protest, and who gives the figure.

A count joins an event of a type that can have it (lexicon.yaml `event_types`: deaths go to
ASSAULT/COERCE/PROTEST, sizes to PROTEST/MOBILIZE; verbal events such as CONSULT never get
counts). Within the count's sentence the event whose trigger is the condition word itself,
or is tied to it by the parse, wins over the nearest one; a count inside a relative clause
("in Serbia, where 24 people were killed last March") never joins an event outside it. A
count in a sentence with no such event joins the nearest such event in the two sentences
before ("Gunmen attacked a convoy. Three soldiers were killed."), else in the next sentence
("A policeman was confirmed dead. No group claimed the blast."). A sentence that only tells a
toll "in the attack" joins the attack told before; a total "in the two operations" joins no
event when the events' own figures are given.

Several counts of one kind on one event: a revision ("the toll rose to 7") supersedes the
others; figures from different tellers for the same victims, or a toll restating them,
give the lowest (ACLED's conservative rule); otherwise counts in one sentence add up
(distinct groups), a later sentence adds only when it says so ("another 13", "also",
"other"), else the larger figure stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.attribution import according_to, subject_of, teller_above, teller_phrase
from eventwire.extract.quantities.counts import CountPhrase
from eventwire.extract.quantities.lexicon import Lexicon, count_words
from eventwire.model import Attribution, Count, Event, Party, Quantity
from eventwire.nlp.parse import text_of, trigger_token

ADDITIVE_WORDS = count_words().words("additive_words")
LOOKBACK_SENTENCES = 2
OTHER_TIME_MARKS = count_words().words("other_time_marks")
SPAN_PREPOSITIONS = count_words().words("span_prepositions")
ARGUMENT_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "conj"}
CLAUSE_DEPS = {"ccomp", "advcl", "conj", "parataxis"}


@dataclass
class Attached:
    quantity: Quantity
    phrase: CountPhrase
    sentence: int  # start token of the count's sentence


def _enclosing_relcl(tok: Token) -> Token | None:
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "relcl":
            return node
    return None


def _enclosing_earlier_clause(tok: Token) -> Token | None:
    """'..., hours after four officials were shot dead': a clause about another, earlier or later event."""
    for node in [tok, *tok.ancestors]:
        if node.dep_ != "ROOT" and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in node.children):
            return node  # an adverbial clause, or one the parse misreads as a conjunct
        if node.dep_ == "pcomp" and node.head.lower_ in OTHER_TIME_MARKS:
            return node
    return None


def _link_score(trigger: Token, cond: Token, phrase: CountPhrase) -> float | None:
    """Lower is better; None when the count cannot belong to this trigger."""
    relcl = _enclosing_relcl(cond)
    if relcl is not None and trigger not in relcl.subtree and trigger.i != relcl.head.i:
        return None
    other_time = _enclosing_earlier_clause(cond)
    if other_time is not None and trigger not in other_time.subtree:
        return None
    if trigger.i == cond.i or phrase.start <= trigger.i < phrase.end:
        return 0.0
    if trigger in cond.ancestors or (cond in trigger.ancestors and not _via_conjunction(trigger, cond)):
        return 1.0 + abs(trigger.i - cond.i) / 1000
    return 2.0 + abs(trigger.i - cond.i) / 1000


def _via_conjunction(descendant: Token, ancestor: Token) -> bool:
    """'killing one person and arresting 12': a coordinated verb is a sibling event, not the count's own."""
    node = descendant
    while node.head.i != ancestor.i and node.head.i != node.i:
        node = node.head
    return node.dep_ == "conj"


def choose_event(
    doc: Doc,
    phrase: CountPhrase,
    events: dict[int, list[tuple[Event, Token]]],
    lex: Lexicon,
    sentence_no: list[int],
) -> Event | None:
    """The event a count belongs to, or None. `events` holds each sentence's (event, trigger) pairs by
    sentence number, `sentence_no[i]` is token i's sentence number."""
    allowed = lex.event_types.get(phrase.kind, ())
    cond = doc[phrase.condition]
    here = sentence_no[cond.i]
    scored = []
    fenced_off = False
    for event, trigger in events.get(here, ()):
        if event.type not in allowed:
            continue
        score = _link_score(trigger, cond, phrase)
        if score is not None:
            scored.append((score + allowed.index(event.type) / 10, trigger.i, event))
        fenced_off = fenced_off or score is None
    earlier = [
        (trigger.i, event)
        for number in range(here - LOOKBACK_SENTENCES, here)
        for event, trigger in events.get(number, ())
        if event.type in allowed
    ]
    own_word_only = all(s[0] < 1 for s in scored)  # its sentence's events are its own condition word
    if scored and earlier and own_word_only and _refers_back(cond, lex):
        return max(earlier, key=lambda s: s[0])[1]  # "An assailant was also killed in the attack."
    if scored:
        return min(scored, key=lambda s: (s[0], s[1]))[2]
    if fenced_off:
        return None  # its sentence has events, but the count's clause is about another one
    if earlier:
        return max(earlier, key=lambda s: s[0])[1]
    later = [(trigger.i, event) for event, trigger in events.get(here + 1, ()) if event.type in allowed]
    return min(later, key=lambda s: s[0])[1] if later else None


def _refers_back(cond: Token, lex: Lexicon) -> bool:
    """'An assailant was also killed in the attack': in a sentence that only tells the toll, a
    definite, bare event noun ('the attack', 'the raid') names an event told before."""
    told = cond.dep_ == "ccomp" and cond.head.dep_ == "ROOT" and cond.head.lemma_.lower() in lex.attribution_verbs
    if not (cond.dep_ == "ROOT" or told):
        return False
    if any(c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"} for c in cond.children):
        return False  # "a bomb exploded in the market; 5 were killed in the blast"
    for prep in cond.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in lex.event_nouns:
                continue
            modifiers = [c for c in noun.children if c.dep_ not in {"det", "punct"}]
            if not modifiers and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
                return True
    return False


def spans_several_events(doc: Doc, phrase: CountPhrase, lex: Lexicon) -> bool:
    """'A total of 18 were killed in the two operations': a count over several events ('the two
    attacks', 'both raids', 'three separate clashes'), not the toll of one."""
    cond = doc[phrase.condition]
    heads = [cond, cond.head] if phrase.revision or cond.dep_ in {"dobj", "nsubj", "nsubjpass"} else [cond]
    for prep in (c for node in heads for c in node.children):
        if prep.dep_ != "prep" or prep.lower_ not in SPAN_PREPOSITIONS:
            continue
        for noun in prep.children:
            events_noun = noun.dep_ == "pobj" and noun.tag_ == "NNS" and noun.lemma_.lower() in lex.event_nouns
            if events_noun and any(_several(c) for c in noun.children):
                return True
    return False


def _several(modifier: Token) -> bool:
    if modifier.lower_ == "both":
        return True
    return modifier.dep_ == "nummod" and modifier.like_num and modifier.lower_ not in {"one", "1"}


def sentence_numbers(doc: Doc) -> list[int]:
    """Each token's sentence number, computed once per document (token.sent is not free)."""
    numbers = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        numbers[sentence.start : sentence.end] = [number] * len(sentence)
    return numbers


# --- attribution ----------------------------------------------------------------------------------------------


# Who gives a figure comes from the shared finder (eventwire/extract/attribution.py): the innermost
# teller over the count's word, the teller's whole phrase, 'according' matched as written.


def _according_to(sent: Span) -> Span | None:
    pobj = according_to(sent, by_lemma=False)
    return teller_phrase(pobj, trimmed=False) if pobj is not None else None


def _reporter(doc: Doc, verb: Token, lex: Lexicon) -> Span | None:
    if verb.lemma_.lower() not in lex.attribution_verbs or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ != "parataxis" and not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return None  # "the bombings claimed 217 lives": no statement, no teller
    subject = subject_of(verb)
    if subject is None or subject.pos_ == "PRON":
        return None
    return teller_phrase(subject, trimmed=False)


def find_attribution(doc: Doc, cond: Token, lex: Lexicon, other_counts: frozenset[int] = frozenset()) -> Span | None:
    """Who gives a figure: the subject of a reporting verb over the count, 'according to X', else
    the nearest reporter in the sentence that tells no other count (`other_counts`: their
    condition tokens; the count's own may be among them): in "12 were killed, though residents said
    30 died" the residents tell the 30."""
    found = teller_above(
        cond, lambda node: _reporter(doc, node, lex) or _toll_setter(doc, node, lex), include_self=True
    )
    if found is not None:
        return found
    sent = cond.sent
    found = _according_to(sent)
    if found is not None:
        return found
    reporters = [
        (abs(t.i - cond.i), span)
        for t in sent
        if (span := _reporter(doc, t, lex)) is not None and not _tells_another(t, cond, other_counts)
    ]
    return min(reporters, key=lambda r: r[0])[1] if reporters else None


def _tells_another(verb: Token, cond: Token, other_counts: frozenset[int]) -> bool:
    indices = {t.i for t in verb.subtree}
    return cond.i not in indices and bool(indices & other_counts)


def _attribution(span: Span | None, actors: list[Party]) -> Attribution | None:
    if span is None:
        return None
    start, end = span.start_char, span.end_char
    actor = next((a for a in actors if a.start < end and start < a.end), None)
    return Attribution(span.text, start, end, actor=actor)


# --- combining counts -------------------------------------------------------------------------------------------


def _is_additive(doc: Doc, phrase: CountPhrase) -> bool:
    window = doc[max(phrase.start - 2, 0) : phrase.end + 1]
    clause = doc[phrase.condition]
    return any(t.lower_ in ADDITIVE_WORDS for t in window) or any(
        c.lower_ in ADDITIVE_WORDS for c in clause.children if c.dep_ == "advmod"
    )


def _add(values: list[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _magnitude(count: Count) -> int:
    return count.best if count.best is not None else (count.low or 0)


def _to_count(item: Attached) -> Count:
    q = item.quantity
    return Count(q.low, q.best, q.high, q.text, q.start, q.end, parts=list(q.parts))


def _sum_counts(doc: Doc, counts: list[Count]) -> Count:
    if len(counts) == 1:
        return counts[0]
    start = min(c.start or 0 for c in counts)
    end = max(c.end or 0 for c in counts)
    return Count(
        _add([c.low for c in counts]),
        _add([c.best for c in counts]),
        _add([c.high for c in counts]),
        text_of(doc)[start:end],
        start,
        end,
        parts=[Count(c.low, c.best, c.high, c.text, c.start, c.end) for c in counts],
    )


def own_teller(doc: Doc, cond: Token, lex: Lexicon) -> tuple[int, int] | None:
    """Who gives this very figure (char offsets), or None: a reporting verb over the count, a verb
    that sets a toll ('residents put the toll at 20'), else 'according to' in its sentence.

    Unlike `find_attribution`, a teller of another clause of the sentence does not count.
    """
    span = teller_above(
        cond, lambda node: _reporter(doc, node, lex) or _toll_setter(doc, node, lex) or _speaker(doc, node, lex)
    )
    if span is not None:
        return span.start_char, span.end_char
    if cond.lemma_.lower() in lex.toll_nouns:
        span = _toll_setter(doc, cond.head, lex)
        if span is not None:
            return span.start_char, span.end_char
    span = _according_to(cond.sent)
    return (span.start_char, span.end_char) if span is not None else None


def _speaker(doc: Doc, verb: Token, lex: Lexicon) -> Span | None:
    """'media sources talked about the death of 10 fighters': a teller without a reported clause."""
    if verb.lemma_.lower() not in lex.speech_verbs:
        return None
    subject = subject_of(verb, pronouns=False)
    return teller_phrase(subject, trimmed=False) if subject is not None else None


def _toll_setter(doc: Doc, verb: Token, lex: Lexicon) -> Span | None:
    if verb.lemma_.lower() not in lex.toll_setting_verbs:
        return None
    if not any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in lex.toll_nouns for c in verb.children):
        return None
    subject = subject_of(verb, pronouns=False)
    return teller_phrase(subject, trimmed=False) if subject is not None else None


def _is_toll(doc: Doc, item: Attached, lex: Lexicon) -> bool:
    """'a toll of 12', 'the number stands at 12', '(7 fatalities in all)': a statement of the
    total, never one more group."""
    if doc[item.phrase.condition].lemma_.lower() in lex.toll_nouns:
        return True
    # "(coded as 7 fatalities total)", but not "causing 3 deaths", an argument of its own clause
    noun = doc[item.phrase.root]
    return noun.lemma_.lower() in lex.noun_kind and (noun.dep_ not in ARGUMENT_DEPS or _in_parentheses(doc, item))


def _in_parentheses(doc: Doc, item: Attached) -> bool:
    """'(7 fatalities in all)': an aside that sums up."""
    before = [t.text for t in doc[max(item.phrase.root - 5, 0) : item.phrase.root]]
    return "(" in before and ")" not in before[before.index("(") :]


def _same_person(doc: Doc, first: Attached, second: Attached) -> bool:
    """'a herder was killed ... (whether a herder was killed ...)': one person named twice."""
    if not (first.phrase.implicit and second.phrase.implicit):
        return False
    return doc[first.phrase.root].lemma_.lower() == doc[second.phrase.root].lemma_.lower()


def _distinct_groups(doc: Doc, first: Attached, second: Attached, lex: Lexicon) -> bool:
    """'12 soldiers ... 4 civilians': two named groups of victims, not two figures for the same ones."""
    lemmas = {doc[first.phrase.root].lemma_.lower(), doc[second.phrase.root].lemma_.lower()}
    return (
        len(lemmas) == 2
        and not lemmas & lex.generic_victims
        and all(doc[i.phrase.root].pos_ in {"NOUN", "PROPN"} for i in (first, second))
    )


def competing(doc: Doc, earlier: Attached, later: Attached, lex: Lexicon) -> bool:
    """Whether `later` gives another figure for the same victims as `earlier` (another source,
    or a toll restating the total) rather than one more group of victims."""
    if _is_additive(doc, later.phrase) or _distinct_groups(doc, earlier, later, lex):
        return False
    if _is_toll(doc, later, lex) or _is_toll(doc, earlier, lex) or _same_person(doc, earlier, later):
        return True
    teller = own_teller(doc, doc[later.phrase.condition], lex)
    return teller is not None and teller != own_teller(doc, doc[earlier.phrase.condition], lex)


def _sentence_count(doc: Doc, group: list[Attached], lex: Lexicon) -> tuple[Count, Attached]:
    """Counts in one sentence: distinct groups add up; competing figures give the lowest.
    Also the item that leads the figure kept (for its teller)."""
    reports: list[list[Attached]] = []
    for item in group:
        if reports and not any(competing(doc, other, item, lex) for other in reports[-1]):
            reports[-1].append(item)
        else:
            reports.append([item])
    counts = [(_sum_counts(doc, [_to_count(i) for i in report]), report[0]) for report in reports]
    return min(counts, key=lambda c: _magnitude(c[0]))


def combine(doc: Doc, items: list[Attached], lex: Lexicon) -> tuple[Count, Attached]:
    """One count from several of a kind on one event; also the item whose sentence gives its attribution.

    A revision supersedes the rest; a later sentence adds when it says so ("another 13"),
    gives the lowest when it is another source's figure for the same victims, else the larger
    figure stands (a later sentence most often restates or details the total).
    """
    revisions = [i for i in items if i.phrase.revision]
    if revisions:
        return _to_count(revisions[-1]), revisions[-1]
    by_sentence: dict[int, list[Attached]] = {}
    for item in items:
        by_sentence.setdefault(item.sentence, []).append(item)
    total: Count | None = None
    lead = items[0]
    seen: list[Attached] = []
    for sentence in sorted(by_sentence):
        group = by_sentence[sentence]
        count, group_lead = _sentence_count(doc, group, lex)  # several reports: ACLED's rule, the lowest
        if total is None:
            total, lead = count, group_lead
        elif all(_is_additive(doc, i.phrase) for i in group) or _new_groups(doc, seen, group, lex):
            total = _sum_counts(doc, [total, count])
        elif competing(doc, lead, group_lead, lex):
            if _magnitude(count) < _magnitude(total):
                total, lead = count, group_lead
        elif _magnitude(count) > _magnitude(total):
            total, lead = count, group_lead
        seen.extend(group)
    assert total is not None
    return total, lead


def _new_groups(doc: Doc, seen: list[Attached], group: list[Attached], lex: Lexicon) -> bool:
    """'Three attackers were killed. Two police officers also died.': named groups not counted before."""
    return all(_distinct_groups(doc, old, new, lex) for old in seen for new in group)


def attach_counts(
    doc: Doc, events: list[Event], links: list[tuple[Quantity, CountPhrase]], actors: list[Party], lex: Lexicon
) -> None:
    """Fill event.dead / event.injured / event.counts[kind] from the document's counts."""
    sentence_no = sentence_numbers(doc)
    by_sentence: dict[int, list[tuple[Event, Token]]] = {}
    for event in events:
        if (trigger := trigger_token(doc, event)) is not None:
            by_sentence.setdefault(sentence_no[trigger.i], []).append((event, trigger))
    per_event: dict[tuple[str, str], list[Attached]] = {}
    owners: dict[str, Event] = {}
    conditions = frozenset(p.condition for _, p in links)
    own_kinds = {p.kind for _, p in links if not spans_several_events(doc, p, lex)}
    for quantity, phrase in links:
        if phrase.kind in own_kinds and spans_several_events(doc, phrase, lex):
            continue  # the events' own figures are in the text: the total over them is no event's
        event = choose_event(doc, phrase, by_sentence, lex, sentence_no)
        if event is None:
            continue
        owners[event.id] = event
        item = Attached(quantity, phrase, doc[phrase.condition].sent.start)
        per_event.setdefault((event.id, phrase.kind), []).append(item)
    for (event_id, kind), items in per_event.items():
        count, lead = combine(doc, items, lex)
        cond = lead.phrase.condition
        count.attribution = _attribution(find_attribution(doc, doc[cond], lex, conditions), actors)
        event = owners[event_id]
        if kind == "dead":
            event.dead = count
        elif kind == "injured":
            event.injured = count
        else:
            event.counts[kind] = count
