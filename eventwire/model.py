"""The typed data model shared by every stage.

Every extracted value carries the character span it came from (`start`, `end` are
Python str offsets into `Document.text`). `to_dict()` gives the JSON shape of the
`eventwire extract` contract (docs/output.md, eventwire/schema/extract.schema.json).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any, Literal

Status = Literal["asserted", "historical", "future", "hypothetical", "negated"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "week", "month", "year"]
# Where an event date came from: an expression in the text, the dateline, or only the publication date.
DateSource = Literal["text", "dateline", "published_at", "unresolved"]
# UCDP where_prec 1..7 by name.
PLACE_PRECISION_NAMES = {1: "point", 2: "near", 3: "district", 4: "province", 5: "area", 6: "country", 7: "water"}
CountKind = Literal["dead", "injured", "missing", "arrested", "displaced", "size"]


def content_hash(text: str, source: str | None = None) -> str:
    """Document identity: a hash of the text and where it came from."""
    digest = hashlib.sha256()
    digest.update((source or "").encode("utf-8"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass
class Document:
    id: str
    text: str
    published_at: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # Where it was read (file:line), for error messages; not part of its identity.
    origin: str | None = field(default=None, compare=False)

    @property
    def content_id(self) -> str:
        return content_hash(self.text, self.source)


@dataclass
class Span:
    """A piece of the document text: the evidence for a value."""

    text: str
    start: int
    end: int


@dataclass
class Party(Span):
    """An actor mention resolved to a name, a country (ISO3) and a sector."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    confidence: float = 0.5
    # "metonym" when a place name stands for a government ("Moscow said").
    kind: str = "mention"
    # The story's country for a private person the text gives none for: a guess that the event coder weighs
    # (whose side a party is on) but that `country` does not claim.
    guessed_country: str | None = None


@dataclass
class Place(Span):
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    role: Literal["location", "actor"] = "location"
    confidence: float = 0.5
    # Set when the text's descriptor contradicts the gazetteer ("in central Ukraine").
    mismatch: str | None = None


@dataclass
class TimeExpr(Span):
    value: str | None = None
    type: TimeType = "DATE"
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN ...


@dataclass
class Quantity(Span):
    """A count of people in some condition, e.g. three dead; low/best/high as UCDP."""

    kind: CountKind
    low: int | None = None
    best: int | None = None
    high: int | None = None
    # Groups summed into this count ("two soldiers and three civilians"), else empty.
    parts: list[Count] = field(default_factory=list)
    # True for a correction ("the toll rose to 7") that supersedes earlier figures.
    revision: bool = False


@dataclass
class Count:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    parts: list[Count] = field(default_factory=list)
    # Who gives the figure ("according to the regional governor").
    attribution: Attribution | None = None


@dataclass
class EventDate:
    value: str
    precision: Precision
    text: str | None = None
    start: int | None = None
    end: int | None = None
    # "text" when an expression dates the event, "reference" when an earlier mention's date is
    # repeated, "dateline" for the dateline's date, "published_at" for the fallback.
    provenance: str = "text"
    # The same, coarser: "text" (an expression of the text, own or an earlier mention's),
    # "dateline", "published_at" when nothing but the publication date is known, or "unresolved"
    # when an expression dates it but no publication date places it on the calendar ("XXXX-03-18").
    source: DateSource = "text"


@dataclass
class EventLocation:
    geonameid: int | None
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None = None
    precision: int = 1  # UCDP where_prec 1 (exact) .. 7 (water/airspace)
    text: str | None = None
    start: int | None = None
    end: int | None = None
    # `precision` by name: point, near, district, province, area, country, water.
    precision_name: str | None = None
    # "sentence" when the event's own sentence places it, "adjacent" when the sentence before or after does,
    # "dateline" when only the report's dateline does, "report" when only the one town a report without a
    # dateline is about does, or the one country all its places lie in (precision 6).
    source: str = "sentence"

    def __post_init__(self) -> None:
        if self.precision_name is None:
            self.precision_name = PLACE_PRECISION_NAMES.get(self.precision)


@dataclass
class Attribution(Span):
    actor: Party | None = None


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass
class Mention:
    """One place in the text where an event is told (its trigger and sentence)."""

    trigger: Span
    evidence: Evidence


@dataclass
class Event:
    id: str
    type: str
    trigger: Span
    evidence: Evidence
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: Party | None = None
    recipient: Party | None = None
    date: EventDate | None = None
    location: EventLocation | None = None
    dead: Count | None = None
    injured: Count | None = None
    counts: dict[str, Count] = field(default_factory=dict)
    attribution: Attribution | None = None
    status: Status = "asserted"
    confidence: float = 0.5
    acled: dict[str, str] | None = None
    cameo: str | None = None
    # Every mention of this act in the document when it is told more than once (the first included).
    mentions: list[Mention] = field(default_factory=list)
    # Told in passing (a relative clause, a participle, an 'after' clause): kept when the confidence model
    # judges it an act of its own.
    background: bool = False


@dataclass
class DocResult:
    doc_id: str
    published_at: date | None = None
    actors: list[Party] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = as_plain(self)
        out["published_at"] = self.published_at.isoformat() if self.published_at else None
        return out


_ATOMS = (str, int, float, type(None))


def as_plain(value: Any) -> Any:
    """What `dataclasses.asdict` gives, in a third of its time: strings and numbers are not deep-copied."""
    if isinstance(value, _ATOMS):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [as_plain(item) for item in value]
    if isinstance(value, dict):
        return {as_plain(key): as_plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        items = [as_plain(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    return copy.deepcopy(value)


def renumber_events(events: list[Event]) -> None:
    """Ids `<doc>-e1`, `<doc>-e2` … in order, as the coder numbers them (after events were merged or dropped)."""
    for n, event in enumerate(events, start=1):
        event.id = f"{event.id.rsplit('-e', 1)[0]}-e{n}"
