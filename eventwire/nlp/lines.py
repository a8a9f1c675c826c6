"""Sentence starts at line breaks, set on the Doc before the parser runs (`line_breaks`).

spaCy's parser reads a line that ends without a full stop as part of the next one: a headline, a
section heading, a caption or a list item runs into the sentence below it, which then takes its
parties, its question mark or its modal from the wrong line. A line break is a sentence boundary
when the next line starts a new unit (a capital, a digit, a quote, a dash or a bullet) and the
line before does not end in a word or mark that needs what follows ("in", "the", a comma, a colon,
a dateline's dash). A text hard-wrapped inside its sentences (most lines running on in lower case)
keeps only its blank lines as boundaries. The characters and token offsets are unchanged.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.nlp.columns import column

COMPONENT = "line_breaks"
# Marks after which a line goes on below: a list, a label ("Photo:", "He said:"), a dateline ("LONDON —").
JOINING_MARKS = frozenset({",", ":", ";", "—", "–", "-", "(", "[", "/", "&", "+"})
# Penn tags of words that cannot end a sentence: prepositions, determiners, conjunctions, "to", possessives.
JOINING_TAGS = frozenset({"IN", "DT", "PDT", "CC", "TO", "PRP$", "POS", "WDT", "WP$", "HYPH", "-LRB-", "NFP"})
# First characters that start a new unit besides a capital or a digit: quotes, dashes, bullets, brackets.
OPENING_MARKS = frozenset("\"'“‘«—–-*•·([=#")
CLOSING_QUOTES = frozenset({"'", '"', "”", "’", "»", "''"})
# A headline glued by a hyphen to its story's dateline on the first line (scraped pages): "Activist Gunned
# Down-PHNOM PENH —", "... Talks -LONDON —"; no sentence ends before it, and the word before the hyphen is not
# upper-case ("AC-DC —" is one name). Group 1: the dateline's name.
HEADLINE_DATELINE = re.compile(
    r"^(?:(?![.!?]\s)[^\n])*?(?<![A-Z.])-([A-Z][A-Z.'&]+(?:\s+[A-Z][A-Z.'&]+){0,3})(?=\s+(?:--|—|–|_))"
)
HEADLINE_DATELINE_WITHIN = 400  # the headline and its dateline open the text


def headline_before_dateline(text: str) -> re.Match[str] | None:
    """The match of HEADLINE_DATELINE at the opening of `text` (group 1: the dateline's name), or None."""
    return HEADLINE_DATELINE.match(text, 0, HEADLINE_DATELINE_WITHIN)


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start where the break ends a unit."""
    breaks = list(_line_breaks(doc))
    wrapped = _hard_wrapped(breaks)
    for before, space, after in breaks:
        paragraph = space.text.count("\n") >= 2
        if (paragraph or not wrapped) and _ends_unit(before) and (paragraph or _starts_unit(after)):
            after.is_sent_start = True
    return doc


def _line_breaks(doc: Doc):
    """(last word before, whitespace token, first word after) of each line break between words."""
    words = column(doc, "text")
    for i, word in enumerate(words):
        if "\n" not in word or i == 0 or i + 1 >= len(words) or not doc[i].is_space:
            continue
        before, space, after = doc[i - 1], doc[i], doc[i + 1]
        if not before.is_space and not after.is_space:
            yield before, space, after


def _hard_wrapped(breaks: list[tuple[Token, Token, Token]]) -> bool:
    """Most single line breaks between words fall inside a sentence that goes on in lower case."""
    single = [(before, after) for before, space, after in breaks if space.text.count("\n") == 1]
    running_on = sum(1 for before, after in single if after.text[0].islower() and before.text[-1] not in ".!?")
    return running_on >= 2 and 2 * running_on >= len(single)


def _ends_unit(token: Token) -> bool:
    if token.text in CLOSING_QUOTES:  # "'Reinforce security'": the tagger may take a quote for a possessive
        return True
    return token.text not in JOINING_MARKS and token.tag_ not in JOINING_TAGS


def _starts_unit(token: Token) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit() or first in OPENING_MARKS


def add_line_breaks(nlp: Language) -> None:
    """Put the component between the tagger (whose tags it reads) and the parser (which keeps its starts)."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
