"""Page furniture: the parts of a web page around the story that tell no act of it: a 'See also' or
'Related' list of links, a bulleted list of titles, a section heading ('Collapsed ceasefire'), a photo
caption ('FILE - …'), a call to the reader ('You can sign up to receive it', 'Follow us on Twitter').
Read by nonevents.py; the words live in cues.yaml (furniture_headings, reader_call_verbs, bullet_marks,
caption_marks)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventwire.extract.events.lexicon import Lexicon
from eventwire.nlp.parse import text_of
from eventwire.nlp.tree import FINITE_TAGS, lemma_of

MAX_CALL_TOKENS = 25  # a call to the reader is one short line
MAX_HEADING_WORDS = 6  # a section heading is a few words; a headline with no verb is longer
TERMINAL_MARKS = frozenset(".!?")
MAX_LINK_RUN = 80  # tokens of headlines a hover box of links holds
DURATION = re.compile(r"(?<![\d:.])\d{1,2}:\d{2}(?![\d:])(?!\s*[ap]\.?m\b)", re.IGNORECASE)
MIN_PLAYLIST_STAMPS = 3  # "1:29 Budget bills rushed 0:50 Lawmaker demonstrates 1:02 ...": a list of videos
GLUED_NAME = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]+$")  # "SandersSanders", "ClintonGOP": a name glued to link text


def page_furniture(token: Token, sentence: Span, lexicon: Lexicon) -> bool:
    """The trigger sits in a list of links or titles, or its sentence is a call to the reader."""
    if in_link_list(token, lexicon) or in_link_box(token):
        return True
    return (
        playlist(sentence) or reader_call(sentence, lexicon) or section_heading(sentence) or caption(sentence, lexicon)
    )


def caption(sentence: Span, lexicon: Lexicon) -> bool:
    """'FILE - A soldier stands guard outside the embassy, May 24, 2017.', 'Photo: the minister addresses…': a
    sentence opening a line with a caption mark describes a photo; the story tells its acts."""
    start = sentence[0].idx
    text = text_of(sentence.doc)
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False  # the sentence does not open its line
    opening = " ".join(sentence.text.split()[:2]).lower()
    return any(opening.startswith(mark) for mark in lexicon.cue_set("caption_marks"))


def section_heading(sentence: Span) -> bool:
    """'Pending charges', 'Collapsed ceasefire', 'Cooperation with Algeria': a line of its own of a few words,
    with no finite verb and no full stop, names the topic of the paragraphs below; it tells no act (the
    paragraphs do)."""
    words = []
    for token in sentence:  # stops at the first finite verb or past a heading's length: most sentences are neither
        if token.is_punct or token.is_space:
            continue
        if token.tag_ in FINITE_TAGS or len(words) == MAX_HEADING_WORDS:
            return False
        words.append(token)
    if not words:
        return False
    if sentence[-1].text in TERMINAL_MARKS or words[-1].text[-1] in TERMINAL_MARKS:
        return False
    start, end = line_of(words[0])
    text = text_of(sentence.doc)
    own_line = start == line_of(words[-1])[0] and text[start:end].strip() == sentence.text.strip()
    return own_line and bool(text[end:].strip())  # paragraphs follow it


def playlist(sentence: Span) -> bool:
    """'1:29 Budget bills rushed through, GOP complains 0:50 Lawmaker demonstrates how… 1:02 …': titles of
    videos, each after its running time."""
    return len(DURATION.findall(sentence.text)) >= MIN_PLAYLIST_STAMPS


def line_of(token: Token) -> tuple[int, int]:
    """The character bounds of the text line holding the token."""
    text = text_of(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    return start, len(text) if end < 0 else end


def in_link_list(token: Token, lexicon: Lexicon) -> bool:
    """'==See also== / * 2007 Bagram Airfield bombing': a line under a heading of links, or a bulleted
    line with no finite verb (a title, not a sentence)."""
    start, end = line_of(token)
    text = text_of(token.doc)
    line = text[start:end].strip()
    if line[:1] in lexicon.cue_set("bullet_marks") and not finite_verb_between(token, start, end):
        return True
    return under_furniture_heading(text, start, lexicon)


def in_link_box(token: Token) -> bool:
    """'Bernie SandersSanders to GOP: ... Dems step up attacks on GOP bill MORE (I-Vt.)': headlines of other
    stories pasted inline after a name (glued to the first headline) up to a capital 'MORE'."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + MAX_LINK_RUN]
    closing = next((t for t in after if t.text == "MORE"), None)
    if closing is None:
        return False
    before = doc[max(0, closing.i - MAX_LINK_RUN) : token.i + 1]
    return any(GLUED_NAME.match(t.text) and not t.text.startswith(("Mc", "Mac")) for t in before)


def finite_verb_between(token: Token, start: int, end: int) -> bool:
    words = (t for t in token.doc if start <= t.idx < end)
    return any(t.tag_ in FINITE_TAGS for t in words)


def under_furniture_heading(text: str, line_start: int, lexicon: Lexicon) -> bool:
    """The nearest heading above the line, in the same block of non-empty lines, names links or notes."""
    bullets = tuple(lexicon.cue_set("bullet_marks"))
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line:
            return False  # a blank line ends the block
        if heading_name(line) in lexicon.cue_set("furniture_headings"):
            return True
        if not line.startswith(bullets) and not line.startswith("="):
            return False  # a line of prose: the list, if any, ended here
        end = start - 1
    return False


def heading_name(line: str) -> str:
    """'==See also==' → 'see also', 'Related:' → 'related'."""
    return line.strip("=#*: \t").lower()


def reader_call(sentence: Span, lexicon: Lexicon) -> bool:
    """'You can sign up to receive it here', 'Follow us on Twitter', 'Subscribe to our newsletter': the page
    asks the reader to do something; its verb names no act of the story."""
    if len(sentence) > MAX_CALL_TOKENS:
        return False
    root = sentence.root
    if lemma_of(root) not in lexicon.cue_set("reader_call_verbs"):
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(s.lower_ == "you" for s in subjects)  # "you can sign up", or an imperative with no subject
