"""Name normalisation and transliteration skeletons (rules in data/variants.yaml)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from eventwire.knowledge import Knowledge, package_file

_APOSTROPHES = "'’‘`´ʼʹ"
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,]+")


@lru_cache(maxsize=1)
def variant_rules() -> Knowledge:
    return package_file("eventwire.extract.places", "data", "variants.yaml")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=500_000)
def name_key(name: str) -> str:
    """The lookup key: accent-free, lower case, apostrophes dropped, separators as single spaces."""
    text = strip_accents(name).lower()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = text.replace(".", "") if re.fullmatch(r"(\w\.)+\w?\.?", text.replace(" ", "")) else text
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=500_000)
def skeleton(key: str) -> str:
    """A transliteration-tolerant form of a name key: consonant digraphs merged, vowels dropped."""
    rules = variant_rules()
    text = re.sub(r"[^a-z]", "", key)
    for source, target in rules["substitutions"]:
        text = text.replace(source, target)
    if not text:
        return ""
    dropped = set(rules["drop_after_first"])
    body = [ch for ch in text[1:] if ch not in dropped]
    out = [text[0]]
    for ch in body:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)
