"""What the components of one document's run share: the parse, the result, and named hand-overs.

A leaf module (model and spaCy types only, the rest for type checkers), so extractors import it
without importing the pipeline that imports them. Each field below is assigned by one component
and read by later ones; components declare which (`requires`/`assigns`, eventwire/registry.py)
and the pipeline checks the order when it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.model import DocResult, Document, Party, Quantity

if TYPE_CHECKING:
    from eventwire.extract.actors.metonymy import MetonymyDecision
    from eventwire.extract.places import PlaceMention
    from eventwire.extract.quantities.counts import CountPhrase


@dataclass
class DocContext:
    document: Document
    doc: Doc
    result: DocResult
    # actors: spaCy token index -> the Party covering it (events find their actor and recipient here).
    actor_by_token: dict[int, Party] = field(default_factory=dict)
    # actors: which place names stand for an actor ("Moscow said"); places read it for each place's role.
    metonymy: MetonymyDecision | None = None
    # places: every place with its token span, resolved or not (the event locator picks among them).
    place_mentions: list[PlaceMention] = field(default_factory=list)
    # quantities: each count in ctx.result.quantities with the phrase it came from (events, event_counts).
    count_links: list[tuple[Quantity, CountPhrase]] = field(default_factory=list)

    @property
    def published_at(self) -> date | None:
        return self.document.published_at

    def warn(self, message: str) -> None:
        self.result.warnings.append(message)


def declarable_fields() -> set[str]:
    """Names a component may declare in `requires`/`assigns`: the hand-overs above and `result.<field>`."""
    own = {f.name for f in fields(DocContext)} - {"document", "doc", "result"}
    return own | {f"result.{f.name}" for f in fields(DocResult)}
