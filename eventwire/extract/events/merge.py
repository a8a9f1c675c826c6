"""Merging mentions of one act.

- Pass `merge_mentions` (per sentence): "killing one", "dozens wounded" beside an attack in the
  same sentence are that attack's outcome, not another event.
- `merge_document` (per document, after the last sentence): the same act told again ("the strike
  ... the attack ... the raid" on the same target; the lead and a later paragraph) becomes one
  event: same category and status, compatible mode and parties, no conflicting place or date in
  the two sentences, and something that ties them (a shared party, or a definite reference such
  as "the attack"). The first event keeps its id; every mention is kept in `mentions`.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.extract.events.candidate import Sentence
from eventwire.model import Event, Mention, Party, Place, TimeExpr


def merge_mentions(sentence: Sentence) -> None:
    live = sentence.live()
    main_types = {candidate.type for candidate in live if not candidate.trigger.sense.consequence}
    for candidate in live:
        if candidate.trigger.sense.consequence and candidate.type in main_types:
            candidate.dropped = "outcome of another event"


def party_key(party: Party | None) -> str | None:
    if party is None:
        return None
    if party.kb_id:
        return f"kb:{party.kb_id}"
    if party.country and party.sector:
        return f"{party.country}/{party.sector}"
    text = (party.name or party.text).lower().removeprefix("the ").strip()
    return f"text:{text}" if text else None


def parties_agree(a: Party | None, b: Party | None) -> tuple[bool, bool]:
    """(compatible, same): a missing party is compatible with any; two named ones must be the same."""
    key_a, key_b = party_key(a), party_key(b)
    if key_a is None or key_b is None:
        return True, False
    return key_a == key_b, key_a == key_b


def in_sentence(items: Sequence[Place | TimeExpr], event: Event) -> set[str]:
    start, end = event.evidence.start, event.evidence.end
    found = set()
    for item in items:
        if start <= item.start < end:
            value = getattr(item, "geonameid", None) or getattr(item, "value", None) or item.text
            found.add(str(value).lower())
    return found


def conflict(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and not a & b


def definite_reference(event: Event, text: str, definite: frozenset[str]) -> bool:
    """'the attack', 'this massacre': the trigger is introduced by a word that points back."""
    before = text[max(0, event.trigger.start - 8) : event.trigger.start].lower().split()
    return bool(before) and text[event.trigger.start - 1 : event.trigger.start] == " " and before[-1] in definite


def same_act(
    first: Event, later: Event, text: str, places: Sequence[Place], times: Sequence[TimeExpr], definite: frozenset[str]
) -> bool:
    if first.type != later.type or first.status != later.status:
        return False
    if first.mode and later.mode and first.mode != later.mode:
        return False
    actor_ok, actor_same = parties_agree(first.actor, later.actor)
    recipient_ok, recipient_same = parties_agree(first.recipient, later.recipient)
    if not (actor_ok and recipient_ok):
        return False
    if conflict(in_sentence(places, first), in_sentence(places, later)):
        return False
    if conflict(in_sentence(times, first), in_sentence(times, later)):
        return False
    return actor_same or recipient_same or definite_reference(later, text, definite)


def mention(event: Event) -> Mention:
    return Mention(trigger=event.trigger, evidence=event.evidence)


def merge_document(
    events: list[Event],
    text: str,
    definite: frozenset[str],
    places: Sequence[Place] = (),
    times: Sequence[TimeExpr] = (),
) -> list[Event]:
    """The document's events with repeated mentions of one act merged into its first event."""
    kept: list[Event] = []
    for event in events:
        target = next((first for first in kept if same_act(first, event, text, places, times, definite)), None)
        if target is None:
            kept.append(event)
            continue
        if not target.mentions:
            target.mentions.append(mention(target))
        target.mentions.append(mention(event))
        target.mode = target.mode or event.mode
        target.actor = target.actor or event.actor
        target.recipient = target.recipient or event.recipient
        target.confidence = max(target.confidence, event.confidence)
    if len(kept) < len(events):
        for n, event in enumerate(kept, start=1):
            event.id = f"{event.id.rsplit('-e', 1)[0]}-e{n}"
    return kept
