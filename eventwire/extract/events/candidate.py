"""What the event passes share: one `Candidate` per trigger occurrence, the sentence they sit in,
and the document's discourse memory.

Each pass (see `EventCoder.passes`) takes a `Sentence`, reads its live candidates and fills in
more of their fields, or drops them with a reason. A pass never calls another pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Span as SpacySpan

from eventwire.extract.events.arguments import PartyFinder
from eventwire.extract.events.lexicon import Lexicon
from eventwire.extract.events.triggers import Trigger
from eventwire.model import Attribution, Event, Party


@dataclass
class Candidate:
    """One trigger occurrence on its way to becoming an Event; each pass fills its own fields."""

    trigger: Trigger
    sentence: SpacySpan
    proposed_by: str = "lexicon"  # which proposer found it ('lexicon', 'casualties'; later a model)
    dropped: str | None = None  # why it is no event ('content', 'repeat', 'no party', ...)
    background: bool = False  # told in passing (a relative clause, a participle, an 'after' clause)
    # status pass
    status: str | None = None
    # type-and-mode pass
    type: str | None = None
    mode: str | None = None
    # arguments pass
    actor: Party | None = None
    recipient: Party | None = None
    actor_from_parse: bool = False  # the parse named the actor (not the nearest party of the sentence)
    actor_known_in_parse: bool = False  # ... and the resolver knew its country or body
    confidence: float = 0.0
    # attribution pass
    attribution: Attribution | None = None
    hearsay: bool = False  # 'reportedly', 'allegedly'
    # mapping pass
    acled: dict[str, str] | None = None
    cameo: str | None = None

    @property
    def category(self) -> str:
        """The PLOVER category: the type pass's choice, or the trigger's own before that pass has run."""
        return self.type or self.trigger.type


@dataclass
class DocumentState:
    """What the passes read for the whole document, and the discourse memory kept across sentences."""

    lexicon: Lexicon
    finder: PartyFinder  # token -> Party; also remembers the parties of the last meeting ('both leaders')
    doc_id: str
    published_at: date | None
    # (condition token, counted token, best) of each stated death/injury, from the quantities stage
    casualties: list[tuple[int, int, int | None]] = field(default_factory=list)
    told_types: set[str] = field(default_factory=set)  # categories of the events emitted so far
    emitted: int = 0  # events emitted so far (their ids are numbered in order)

    def table(self, name: str) -> dict[str, Any]:
        return self.lexicon.mappings.get(name) or {}


@dataclass
class Sentence:
    """The unit the passes work on: one sentence, its candidates, and at the end its events."""

    span: SpacySpan
    state: DocumentState
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def live(self) -> list[Candidate]:
        """The candidates no pass has dropped, in text order."""
        return [candidate for candidate in self.candidates if candidate.dropped is None]


Pass = Callable[[Sentence], None]
