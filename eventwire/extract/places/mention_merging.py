"""Mention merging for disambiguation: rejoin one name that NER split into two mentions.

"Boa" + "Vista" -> "Boa Vista" (the whole is a primary gazetteer name); "Trinidad" + "Tobago" ->
"Trinidad and Tobago" (the "and"-joined whole is a country or region).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from eventwire.extract.places.gazetteer import ADMIN1, COUNTRY, Gazetteer
from eventwire.extract.places.toponyms import Mention
from eventwire.extract.places.variants import name_key


def joined_names(gazetteer: Gazetteer, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Rejoin one name NER split: "Trinidad" + "Tobago" -> "Trinidad and Tobago" (a country), "Baja" +
    "California" -> "Baja California", "Boa" + "Vista" -> "Boa Vista" (when the whole is a known name)."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        rejoined = _rejoined(gazetteer, doc, previous, mention) if previous is not None else None
        if rejoined is not None:
            out[-1] = rejoined
        else:
            out.append(mention)
    return out


def _rejoined(gazetteer: Gazetteer, doc: Doc, previous: Mention, mention: Mention) -> Mention | None:
    """The one mention the two make, or None when they are two names."""
    if previous.end == mention.start and _is_joined_name(gazetteer, doc, previous, mention):
        return _merged(doc, previous, mention)
    if _joined_by_and(doc, previous, mention):
        span = doc[previous.start : mention.end]
        if any(e.feature_code in {COUNTRY, ADMIN1} for e, _primary in gazetteer.lookup(name_key(span.text))):
            return _spanning(
                span,
                previous.label,
                context_cue=previous.context_cue or mention.context_cue,
                container=mention.container,
                region_word=previous.region_word,
            )
    return None


def _joined_by_and(doc: Doc, first: Mention, second: Mention) -> bool:
    """ "X and Y" as two spans (or "X and" + "Y", as NER sometimes cuts it)."""
    if second.start == first.end + 1:
        return doc[first.end].lower_ in {"and", "&"}
    return second.start == first.end and doc[first.end - 1].lower_ in {"and", "&"}


def _is_joined_name(gazetteer: Gazetteer, doc: Doc, first: Mention, second: Mention) -> bool:
    """Two touching candidates whose joined text is a primary gazetteer name ("Boa" + "Vista")."""
    if doc[first.end - 1].is_punct or doc[second.start].is_punct or first.container is second:
        return False
    joined = doc[first.start : second.end].text
    return any(primary for _, primary in gazetteer.lookup(name_key(joined)))


def _merged(doc: Doc, first: Mention, second: Mention) -> Mention:
    """Two touching mentions as one, with the label of the GPE/LOC one and the cues of both."""
    strong = next((m for m in (first, second) if m.label in {"GPE", "LOC"}), second)
    return _spanning(
        doc[first.start : second.end],
        strong.label,
        kind_hint=first.kind_hint or second.kind_hint,
        descriptor_names=first.descriptor_names,
        context_cue=first.context_cue or second.context_cue,
        container=second.container,
        region_word=second.region_word,
    )


def _spanning(span: Span, label: str, **cues: Any) -> Mention:
    """A mention of the whole span, looked up by its full text; the callers say which cues carry over."""
    return Mention(
        start=span.start,
        end=span.end,
        text=span.text,
        start_char=span.start_char,
        end_char=span.end_char,
        label=label,
        lookup_text=span.text,
        **cues,
    )
