"""Per-document token columns (nlp/columns.py) and the scans that read them. Sentences are invented."""

from __future__ import annotations

from eventwire.extract.places.repeated_names import abbreviated_mentions
from eventwire.extract.places.toponyms import shouted_datelines
from eventwire.nlp.columns import ATTRIBUTES, column

TEXT = (
    "VELMORA, Ruritania -- Police in Velmora said on Friday that 12 protesters were held.\n"
    "The ministry of the interior, in 2024, blamed them.\n\nST. KARVEN — Officials met."
)


def test_each_column_holds_the_token_attribute(nlp):
    doc = nlp(TEXT)
    for name in ATTRIBUTES:
        expected = [token.text if name == "text" else getattr(token, f"{name}_") for token in doc]
        assert column(doc, name) == expected, name


def test_a_column_is_computed_once_per_doc(nlp):
    doc = nlp(TEXT)
    assert column(doc, "lower") is column(doc, "lower")
    assert column(nlp(TEXT), "lower") is not column(doc, "lower")


def test_shouted_datelines_still_found_over_columns(nlp):
    doc = nlp(TEXT)
    names = {doc[start:end].text: punctuated for (start, end), punctuated in shouted_datelines(doc).items()}
    assert names.get("VELMORA") is True
    assert names.get("ST. KARVEN") is True


def test_no_initials_to_spell_no_abbreviated_mentions(nlp):
    assert abbreviated_mentions(nlp(TEXT), []) == []
