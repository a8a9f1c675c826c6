"""Token attributes as per-document lists, computed once and shared by every stage.

A spaCy `Token` is a Python object built afresh at each `for t in doc` or `doc[i]`; a scan of the whole
document that reads one attribute (every lower-cased word, every entity type) pays for one object per token
and per scan, about 60 builds of each token per article across the stages. `column(doc, "lower")` reads the
attribute for all tokens at once with `Doc.to_array` and keeps the list on the doc (like `text_of`), so a scan
is a loop over strings and only the tokens it keeps are built. A column is never recomputed: read one only once
its attribute is set (the text from the tokenizer on, the others after the parse).
"""

from __future__ import annotations

from spacy.attrs import ENT_TYPE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

# column name -> the spaCy attribute whose string it holds (`token.text`, `token.lower_`, ...)
ATTRIBUTES = {"text": ORTH, "lower": LOWER, "lemma": LEMMA, "pos": POS, "tag": TAG, "ent_type": ENT_TYPE}


def column(doc: Doc, name: str) -> list[str]:
    """The string attribute `name` (a key of ATTRIBUTES) of every token, in order; cached on the doc."""
    key = f"eventwire.column.{name}"
    values = doc.user_data.get(key)
    if values is None:
        strings = doc.vocab.strings
        values = doc.user_data[key] = [strings[h] for h in doc.to_array(ATTRIBUTES[name]).tolist()]
    return values
