"""Attach counts to events: the dead of an attack, the size of a protest, and who gives the figure.

A count joins an event of a type that can have it (lexicon.yaml `event_types`: deaths go to
ASSAULT/COERCE/PROTEST, sizes to PROTEST/MOBILIZE; verbal events such as CONSULT never get
counts). Within the count's sentence the event whose trigger is the condition word itself,
or is tied to it by the parse, wins over the nearest one; a count inside a relative clause
("in Serbia, where 24 people were killed last March") never joins an event outside it. A
count in a sentence with no such event joins the nearest such event in the two sentences
before ("Gunmen attacked a convoy. Three soldiers were killed."), else in the next sentence
("A policeman was confirmed dead. No group claimed the blast.").

Several counts of one kind on one event: a revision ("the toll rose to 7") supersedes the
others; counts in one sentence add up (distinct groups); a later sentence adds only when it
says so ("another 13", "also", "other"), otherwise the larger figure stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.quantities.counts import CountPhrase
from eventwire.extract.quantities.lexicon import Lexicon
from eventwire.model import Attribution, Count, Event, Party, Quantity

ADDITIVE_WORDS = {"also", "another", "other", "others", "additional", "further", "more"}
LOOKBACK_SENTENCES = 2


@dataclass
class Attached:
    quantity: Quantity
    phrase: CountPhrase
    sentence: int  # start token of the count's sentence


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _enclosing_relcl(tok: Token) -> Token | None:
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "relcl":
            return node
    return None


def _link_score(trigger: Token, cond: Token, phrase: CountPhrase) -> float | None:
    """Lower is better; None when the count cannot belong to this trigger."""
    relcl = _enclosing_relcl(cond)
    if relcl is not None and trigger not in relcl.subtree and trigger.i != relcl.head.i:
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


def choose_event(doc: Doc, phrase: CountPhrase, events: list[tuple[Event, Token]], lex: Lexicon) -> Event | None:
    """The event a count belongs to, or None."""
    allowed = lex.event_types.get(phrase.kind, ())
    cond = doc[phrase.condition]
    sent = cond.sent
    scored = []
    for event, trigger in events:
        if event.type not in allowed or trigger.sent.start != sent.start:
            continue
        score = _link_score(trigger, cond, phrase)
        if score is not None:
            scored.append((score + allowed.index(event.type) / 10, trigger.i, event))
    if scored:
        return min(scored, key=lambda s: (s[0], s[1]))[2]
    earlier = [
        (trigger.i, event)
        for event, trigger in events
        if event.type in allowed
        and trigger.sent.start < sent.start
        and _sentences_between(doc, trigger, cond) <= LOOKBACK_SENTENCES
    ]
    if earlier:
        return max(earlier, key=lambda s: s[0])[1]
    later = [
        (trigger.i, event)
        for event, trigger in events
        if event.type in allowed and trigger.sent.start > sent.start and _sentences_between(doc, cond, trigger) <= 1
    ]
    return min(later, key=lambda s: s[0])[1] if later else None


def _sentences_between(doc: Doc, earlier: Token, later: Token) -> int:
    return sum(1 for s in doc[earlier.i : later.i + 1].sents) - 1


# --- attribution ----------------------------------------------------------------------------------------------


def _subtree_span(doc: Doc, tok: Token) -> Span:
    return doc[tok.left_edge.i : tok.right_edge.i + 1]


def _according_to(doc: Doc, sent: Span) -> Span | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _subtree_span(doc, pobj)
    return None


def _reporter(doc: Doc, verb: Token, lex: Lexicon) -> Span | None:
    if verb.lemma_.lower() not in lex.attribution_verbs or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ != "parataxis" and not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return None  # "the bombings claimed 217 lives": no statement, no teller
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return _subtree_span(doc, subject)


def find_attribution(doc: Doc, cond: Token, lex: Lexicon) -> Span | None:
    """Who gives a figure: 'according to X', or the subject of a reporting verb over the count."""
    sent = cond.sent
    found = _according_to(doc, sent)
    if found is not None:
        return found
    for node in [cond, *cond.ancestors]:
        found = _reporter(doc, node, lex)
        if found is not None:
            return found
    reporters = [(abs(t.i - cond.i), span) for t in sent if (span := _reporter(doc, t, lex)) is not None]
    return min(reporters, key=lambda r: r[0])[1] if reporters else None


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
        doc.text[start:end],
        start,
        end,
        parts=[Count(c.low, c.best, c.high, c.text, c.start, c.end) for c in counts],
    )


def combine(doc: Doc, items: list[Attached]) -> tuple[Count, Attached]:
    """One count from several of a kind on one event; also the item whose sentence gives its attribution."""
    revisions = [i for i in items if i.phrase.revision]
    if revisions:
        return _to_count(revisions[-1]), revisions[-1]
    by_sentence: dict[int, list[Attached]] = {}
    for item in items:
        by_sentence.setdefault(item.sentence, []).append(item)
    total: Count | None = None
    lead = items[0]
    for sentence in sorted(by_sentence):
        group = by_sentence[sentence]
        count = _sum_counts(doc, [_to_count(i) for i in group])
        if total is None:
            total, lead = count, group[0]
        elif all(_is_additive(doc, i.phrase) for i in group):
            total = _sum_counts(doc, [total, count])
        elif _magnitude(count) > _magnitude(total):
            total, lead = count, group[0]
    assert total is not None
    return total, lead


def attach_counts(
    doc: Doc, events: list[Event], links: list[tuple[Quantity, CountPhrase]], actors: list[Party], lex: Lexicon
) -> None:
    """Fill event.dead / event.injured / event.counts[kind] from the document's counts."""
    anchored = [(event, tok) for event in events if (tok := _trigger_token(doc, event)) is not None]
    per_event: dict[tuple[str, str], list[Attached]] = {}
    owners: dict[str, Event] = {}
    for quantity, phrase in links:
        event = choose_event(doc, phrase, anchored, lex)
        if event is None:
            continue
        owners[event.id] = event
        item = Attached(quantity, phrase, doc[phrase.condition].sent.start)
        per_event.setdefault((event.id, phrase.kind), []).append(item)
    for (event_id, kind), items in per_event.items():
        count, lead = combine(doc, items)
        count.attribution = _attribution(find_attribution(doc, doc[lead.phrase.condition], lex), actors)
        event = owners[event_id]
        if kind == "dead":
            event.dead = count
        elif kind == "injured":
            event.injured = count
        else:
            event.counts[kind] = count
