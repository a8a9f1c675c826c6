"""Pass: PLOVER category (+ mode) to ACLED event type / sub-event type and CAMEO code (tables in mappings.yaml)."""

from __future__ import annotations

from typing import Any

from eventwire.extract.events.candidate import Sentence
from eventwire.model import Party

CIVILIAN_SECTORS = {"CVL", "JRN", "REF", "EDU", "MED", "HLH", "REL"}


def acled_type(
    table: dict[str, Any], category: str, mode: str | None, recipient: Party | None
) -> dict[str, str] | None:
    entry = table.get(category)
    if not entry:
        return None
    pair = (entry.get("modes") or {}).get(mode or "")
    if pair is None and recipient is not None and recipient.sector in CIVILIAN_SECTORS and entry.get("civilians"):
        pair = entry["civilians"]
    pair = pair or entry.get("default")
    if not pair:
        return None
    return {"event_type": pair[0], "sub_event_type": pair[1]}


def cameo_code(table: dict[str, Any], category: str, mode: str | None, override: str | None = None) -> str | None:
    entry = table.get(category)
    if not entry:
        return override
    by_mode = (entry.get("modes") or {}).get(mode or "")
    if by_mode:
        return str(by_mode)
    return str(override or entry.get("default")) if (override or entry.get("default")) else None


def map_to_ontologies(sentence: Sentence) -> None:
    """Pass: the ACLED type and CAMEO code of each candidate's category and mode."""
    state = sentence.state
    for candidate in sentence.live():
        sense = candidate.trigger.sense
        category = candidate.type or sense.type
        candidate.acled = acled_type(state.table("acled"), category, candidate.mode, candidate.recipient)
        override = sense.cameo if category == sense.type else None
        candidate.cameo = cameo_code(state.table("cameo"), category, candidate.mode, override)
