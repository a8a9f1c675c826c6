"""Toponym detection beyond NER labels: entities, proper-noun runs, and descriptor context.

spaCy's small model tags rare toponyms as ORG/NORP/PERSON or not at all ("Guliaipole" as ORG,
"Kyiv's" untagged), so every GPE/LOC/FAC/ORG/NORP/PERSON entity and every run of proper nouns is a
candidate; a candidate is kept when the gazetteer knows it and the label or the context supports it
("the town of X", "X Oblast", "in X", "X, Ukraine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.extract.places.dateline import dateline_name_start
from eventwire.extract.places.lexicon import place_data, place_lexicon
from eventwire.knowledge import function_words
from eventwire.nlp.casing import model as truecase_model
from eventwire.nlp.columns import column
from eventwire.nlp.parse import text_of

STRONG_LABELS = {"GPE", "LOC"}
INDEFINITE_ARTICLES = {"a", "an"}
# LANGUAGE: "speaks English" is no place, but spaCy's small model also tags "in Aleppo" LANGUAGE
CANDIDATE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "LANGUAGE"}
_DESCRIPTORS = place_data("descriptors.yaml")
LOCATIVE_PREPS = function_words().section("locative_preps").words("toponyms")
# Prepositions that, right before a name, say it names a site ("at the Bardo Museum").
SITE_PREPS = function_words().section("locative_preps").words("sites")
NEAR_WORDS = function_words().section("locative_preps").words("beside")
NATIONALITY_ENDINGS = _DESCRIPTORS.sequence("nationality_endings")
# Names ending in these words are organisations or buildings, not places ("Washington Post").
ORG_TAIL_WORDS = _DESCRIPTORS.words("org_tail_words")
# "U.S.-led", "U.K.-based": the tokenizer keeps an abbreviation with periods glued to the hyphened word after it.
GLUED_ABBREVIATION = re.compile(r"((?:[A-Z]\.){2,4})[-–]([a-z]+)")


@dataclass
class Mention:
    """A candidate toponym in the text, with what its context says about it."""

    start: int  # token indices in the doc
    end: int
    text: str
    start_char: int
    end_char: int
    label: str  # NER label, or "PROPN" for an untagged proper-noun run
    lookup_text: str  # the name to look up (region words such as "Oblast" removed)
    kind_hint: str | None = None  # P / ADM1 / ADM2 / PCLI from "the city of X", "X Oblast"
    descriptor_names: list[str] = field(default_factory=list)  # "Russian" in "the Russian city of X"
    container: Mention | None = None  # "Ukraine" in "X, Ukraine" / "X in central Ukraine"
    # The text says the container holds it ("Cairo's X", "X, a district of Cairo", "X, east London"), not a bare comma.
    inside_container: bool = False
    quarter_of_container: bool = False  # "the X district of Y": which holds which is settled by population
    region_word: str | None = None  # "central" in "X in central Ukraine"
    part_of_area: bool = False  # "central Washington", "eastern Ukraine": a part of it is meant, so an area
    context_cue: bool = False  # a descriptor, a container or a locative preposition supports it
    site_noun: bool = False  # followed by an area or facility noun ("the Kissufim crossing", "X refugee camp")
    dateline: bool = False  # an upper-case dateline's name ("IMMOKALEE –")
    placed_in: bool = False  # its container follows "in" ("the Supreme People's Court in Beijing", "X, in Y")
    kind_placed_in: bool = False  # its kind before "in" ("Mansour district in Baghdad"): it lies in Y's country
    near_container: bool = False  # its "container" is a town it lies by ("Sur near Farah city")

    @property
    def strong(self) -> bool:
        return self.label in STRONG_LABELS or self.kind_hint is not None or self.dateline


def _trim(span: Span) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in {"'s", "’s", "'", "’"}):
        end -= 1
    while end - 1 > start and _stray_common_word(doc[end - 1]):
        end -= 1  # "the eastern Pacific equatorial region": NER took a common word into the name
    return start, end


def _stray_common_word(token: Token) -> bool:
    """A lower-case adjective or noun that names no kind of place ("equatorial"; not "river", "province")."""
    lexicon = place_lexicon()
    lemma = token.lemma_.lower()
    kind_word = lemma in lexicon.nouns_after or token.lower_ in lexicon.nouns_after or lemma in lexicon.feature_words
    return token.is_lower and token.pos_ in {"ADJ", "NOUN"} and not kind_word


def _candidate_spans(doc: Doc, datelines: dict[tuple[int, int], bool]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    covered: set[int] = set()
    dateline = dateline_name_start(text_of(doc))
    for start, end in datelines:
        spans.append((start, end, "PROPN"))
        covered.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ not in CANDIDATE_LABELS:
            continue
        start, end = _trim(ent)
        while start < end and start in covered:
            start += 1  # "SAN ANTONIO Turner Sports": the dateline is a name of its own
        if any(i in covered for i in range(start, end)):
            continue
        if start < end:
            # "BUFFALO, N.Y. (AP) --": the name opening a dateline is a place, whatever NER calls it
            label = "GPE" if ent.label_ == "NORP" and doc[start].idx == dateline else ent.label_
            if label == "NORP" and _ends_a_persons_name(doc, start, end):
                start, label = start - 1, "PERSON"  # "Abo Arab, a 28-year-old from Damascus": a surname
            elif label in ("GPE", "LOC") and _after_a_first_name(doc, start, end):
                covered.update(range(start, end))
                continue  # "Superintendent Pedro Toledo": a surname NER split from its person, not the town
            spans.extend(_split_at_possessor(doc, start, end, label))
            covered.update(range(min(start, ent.start), ent.end))
    words = column(doc, "text")
    i = 0
    while i < len(doc):
        if i in covered or not words[i][:1].isupper():
            i += 1  # every candidate below starts with a capital
            continue
        if GLUED_ABBREVIATION.fullmatch(words[i]):
            spans.append((i, i + 1, "PROPN"))  # "the U.S.-led coalition"
            i += 1
            continue
        if _is_nationality_adjective(doc[i]):
            spans.append((i, i + 1, "NORP"))  # "a Danish firm", "8,000 Egyptian pounds": NER left it untagged
            i += 1
            continue
        if not _is_name_token(doc[i]) or _article_of_hyphened_name(doc, i):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and j - i < 4:
            if _is_name_token(doc[j]):
                j += 1
            elif _joins_name_parts(doc, j) and j + 1 not in covered:
                j += 2  # "Rio de Janeiro", "Mazar i Sharif"
            else:
                break
        spans.append((i, j, "PROPN"))
        i = j
    return spans


def _article_of_hyphened_name(doc: Doc, i: int) -> bool:
    """'the Al-Sina'a District', 'El-Ain camp': an article glued by a hyphen to the name it opens is no place of its
    own (GeoNames knows an "Al" in Norway)."""
    return (
        doc[i].lower_ in place_lexicon().name_particles
        and i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
    )


def shouted_datelines(doc: Doc) -> dict[tuple[int, int], bool]:
    """ "PLEASANTON, Calif.--", "... Grant Event. IMMOKALEE – A congressman ...", "SAN ANTONIO Turner Sports analyst
    ...": an upper-case name opening a line before a comma, a bracket, a dash or a capitalised word, or opening a
    sentence (or following the first line's headline and a hyphen) before a dash, in text the casing front end
    left as written, is a dateline. Each span -> whether a
    dateline's punctuation follows it (a locative cue); before a colon or a capitalised word only a big town's name
    is taken ("KUALA LUMPUR: ...", not the caption "JEWELL: Boyd Carney and ..."; nor "FBI Director ...")."""
    spans = {}
    words = column(doc, "text")
    i = 0
    while i < len(doc):
        if words[i] in STAMP_ENDS:
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 4 and (_shouted(words[j]) or (j > i and _opens_shouted_name(doc, j))):
            j += 1
        if j == i:
            i += 1
            continue
        if j < len(doc) and _opens_dateline(doc, i, j):
            spans[(i, j)] = doc[j].text in DATELINE_PUNCTUATION
        i = j
    return spans


DATELINE_PUNCTUATION = {",", "(", "-", "--", "—", "–", "_"}
STAMP_ENDS = {"AM", "PM", "IST", "GMT", "hrs"}  # the last word of a date stamp before a dateline


def _is_shouted_word(token: Token) -> bool:
    return _shouted(token.text)


def _shouted(word: str) -> bool:
    return word.isalpha() and word.isupper() and len(word) >= 2


def _opens_shouted_name(doc: Doc, i: int) -> bool:
    """The full stop of "ST. LOUIS", "FT. WORTH": after an upper-case abbreviation it touches, before an upper-case
    word."""
    if column(doc, "text")[i] != ".":
        return False
    before = doc[i - 1] if i > 0 else None
    return (
        before is not None
        and not before.whitespace_
        and 2 <= len(before.text) <= 3
        and _is_shouted_word(before)
        and i + 1 < len(doc)
        and _is_shouted_word(doc[i + 1])
    )


def _opens_dateline(doc: Doc, start: int, end: int) -> bool:
    after = doc[end]
    dash = after.text in DATELINE_PUNCTUATION - {",", "("}
    opens_line = start == 0 or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_
    if opens_line and (after.text in DATELINE_PUNCTUATION or (start == 0 and after.text == ":")):
        return True
    if after.text == ":" and start > 0 and doc[start - 1].text in STAMP_ENDS:
        return True  # "02nd September 2010 04:30 AM HYDERABAD : ...": after a paper's date stamp
    if opens_line and after.text[:1].isupper() and not after.is_upper:
        return sum(len(token.text) for token in doc[start:end]) > 4
    # "Cambodian Activist Gunned Down-PHNOM PENH — ...": a headline joined by a hyphen to the dateline (VOA style)
    return dash and (doc[start - 1].text in {".", "!", "?"} or _after_headline_hyphen(doc, start))


def _after_headline_hyphen(doc: Doc, start: int) -> bool:
    """The name follows a hyphen touching it on the text's first line, after a headline: no sentence ends before it
    and the word before the hyphen is no upper-case piece of one name ("Down-PHNOM PENH", not "AC-DC")."""
    hyphen = doc[start - 1]
    if hyphen.text != "-" or hyphen.whitespace_ or start < 2 or doc[start - 2].is_upper:
        return False
    headline = doc[: start - 1]
    return "\n" not in headline.text and not any(token.text in {".", "!", "?"} for token in headline)


def _split_at_possessor(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "Harare’s Third Street", "Japan’s Ministry of Agriculture": NER took the possessor into the name of the
    site or institution it owns. The possessor is a name of its own (untagged) when a full name of a site or
    institution follows the possessive, not a bare noun ("St George’s Chapel", "Children's Hospital" are one
    name) nor a state's name ("Democratic People's Republic of Korea")."""
    for i in range(start + 1, end - 2):
        if _is_possessive(doc[i]) and doc[i + 1].text[:1].isupper() and doc[i - 1].text[:1].isupper():
            owned = doc[i + 1 : end].text
            if names_a_site(owned) or any(word in ORG_TAIL_WORDS for word in owned.lower().split()):
                return [(start, i, "PROPN"), (i + 1, end, label)]
            break
    return [(start, end, label)]


def _ends_a_persons_name(doc: Doc, start: int, end: int) -> bool:
    """A one-word nationality that a capitalised untagged name before it modifies: the surname of "Abo Arab"."""
    if end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    return (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i == start
        and before.text[:1].isupper()
        and not before.ent_type_
        and doc[start].pos_ == "PROPN"
    )


def _after_a_first_name(doc: Doc, start: int, end: int) -> bool:
    """A one-word place name right after a capitalised first name ("Pedro Toledo", "Charles Darwin")."""
    if end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    first_name = before.lower_ in truecase_model()["first_names"]
    return first_name and before.text[:1].isupper() and before.whitespace_ != ""


def _is_possessive(token: Token) -> bool:
    return token.text in {"'s", "’s"}


def _is_nationality_adjective(token: Token) -> bool:
    """A capitalised adjective with a nationality ending ("Danish", "Salvadoran"); the gazetteer decides which
    are nationalities. Region words ("Western", "Central") are directions, not nations."""
    return token.pos_ == "ADJ" and is_nationality_word(token)


def is_nationality_word(token: Token) -> bool:
    """A capitalised word with a nationality ending, whatever its part of speech ("German" in "the Association of
    German Chambers")."""
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and token.lower_.endswith(NATIONALITY_ENDINGS)
        and token.lower_ not in place_lexicon().region_words
    )


def _is_name_token(token: Token) -> bool:
    """A capitalised proper noun; inner apostrophes allowed ("Ma’arrat", "Qa'a")."""
    if token.pos_ != "PROPN":
        return False
    text = token.text
    letters = text.replace("’", "").replace("'", "")
    return text[:1].isupper() and letters.isalpha() and text[-1] not in "’'"


def _joins_name_parts(doc: Doc, i: int) -> bool:
    """A lower-case particle inside a place name, between two name words."""
    return (
        0 < i < len(doc) - 1
        and doc[i].lower_ in place_lexicon().name_particles
        and doc[i].text.islower()
        and _is_name_token(doc[i - 1])
        and _is_name_token(doc[i + 1])
    )


def _split_tail(doc: Doc, start: int, end: int) -> tuple[int, str | None]:
    """If the span ends with a region word ("Donetsk Oblast"), return the end without it and its kind."""
    nouns_after = place_lexicon().nouns_after
    last = doc[end - 1].lower_
    if end - start >= 2 and last in nouns_after:
        kind = nouns_after[last]
        if kind == "P" and not doc[end - 1].is_lower:
            return end, None  # "Grants Town", "Suffolk City": a capitalised "Town" is part of the name
        return end - 1, kind
    return end, None


def _descriptor_before(doc: Doc, start: int) -> tuple[str | None, list[str]]:
    """ "the Russian city of X": the kind (P) and the modifiers of the descriptor noun ("Russian").

    "a district of Cairo", "a suburb of Paris": with an indefinite article X is the container, of no kind; so is
    Cairo in "the Maadi district of Cairo"."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return None, []
    noun = doc[start - 2]
    if start >= 3 and doc[start - 3].lower_ in INDEFINITE_ARTICLES:
        return None, []
    kind = place_lexicon().nouns_before_of.get(noun.lower_) or place_lexicon().nouns_before_of.get(noun.lemma_.lower())
    if kind is None:
        return None, []
    named_before = start >= 3 and doc[start - 3].text[:1].isupper()
    if named_before and noun.lower_ in place_lexicon().quarter_nouns and kind != "P":
        return None, []  # "the Maadi district of Cairo": "district" may name the quarter before it, not Cairo
    modifiers = [
        child.text for child in noun.lefts if child.dep_ in {"amod", "compound", "nmod"} and child.text[:1].isupper()
    ]
    return kind, modifiers


def _followed_by_site_noun(doc: Doc, end: int) -> bool:
    """ "the Kissufim crossing", "el-Ain refugee camp", "the Hama countryside" (lower-case noun after)."""
    lexicon = place_lexicon()
    for token in doc[end : end + 2]:
        if not token.is_lower:
            return False
        lemma = token.lemma_.lower()
        if lemma in lexicon.area_nouns or lemma in lexicon.facility_words or lemma in lexicon.site_nouns:
            return True
    return False


def _kind_after(doc: Doc, end: int) -> str | None:
    """ "Idlib province", "the Jumla and Diwan villages": a region word after the name.

    "the Cairo district of Heliopolis", "the London borough of Hackney": the word names the next name's kind;
    this one is its container, of no kind."""
    if end < len(doc):
        nouns_after = place_lexicon().nouns_after
        kind = nouns_after.get(doc[end].lower_) or nouns_after.get(doc[end].lemma_.lower())
        if kind != "P" and end + 2 < len(doc) and doc[end + 1].lower_ == "of" and doc[end + 2].text[:1].isupper():
            return None
        return kind
    return None


def _descriptor_modifier(doc: Doc, start: int, end: int) -> bool:
    """A nationality word modifying a descriptor noun ("the Russian city of X"): it names the country
    of X, not a town called "Russian" or "English"."""
    return (
        end - start == 1
        and start > 0
        and doc[start - 1].pos_ in {"DET", "ADJ"}  # "the (southern) English city of", not "in Silopi town of"
        and end + 1 < len(doc)
        and doc[end + 1].lower_ == "of"
        and doc[start].lower_.endswith(NATIONALITY_ENDINGS)
    )


def _appositive_kind(span: Span) -> str | None:
    """ "Shali, the last important town held by the rebels": a descriptor noun in apposition."""
    nouns = place_lexicon().nouns_before_of
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            kind = nouns.get(child.lower_) or nouns.get(child.lemma_.lower())
            if kind in {"P", "ADM2"}:
                return kind
    return None


def detect_mentions(doc: Doc) -> list[Mention]:
    """Candidate toponyms, in text order, with their context cues filled in."""
    mentions: list[Mention] = []
    shouted = shouted_datelines(doc)
    datelines = {span for span, punctuated in shouted.items() if punctuated}
    for start, end, label in sorted(_candidate_spans(doc, shouted)):
        name_end, tail_kind = _split_tail(doc, start, end)
        kind_before, modifiers = _descriptor_before(doc, start)
        kind_after = _kind_after(doc, end)
        if kind_after == "P" and label in {"NORP", "LANGUAGE", "PROPN"} and _descriptor_modifier(doc, start, end):
            kind_after, label = None, "NORP"  # "English" in "the English city of Salisbury"
        kind_hint = tail_kind or kind_before or kind_after or _appositive_kind(doc[start:end])
        span = doc[start:end]
        mention = Mention(
            start=start,
            end=end,
            text=span.text,
            start_char=span.start_char,
            end_char=span.end_char,
            label=label,
            lookup_text=doc[start:name_end].text,
            kind_hint=kind_hint,
            descriptor_names=modifiers,
        )
        glued = GLUED_ABBREVIATION.fullmatch(span.text)
        if glued is not None:  # "U.S.-led": the name is the abbreviation
            mention.text = mention.lookup_text = glued.group(1)
            mention.end_char = mention.start_char + len(glued.group(1))
        mention.dateline = (start, end) in datelines
        mention.context_cue = (
            kind_hint is not None
            or _has_locative_head(span)
            or mention.dateline
            or _based_or_resident(doc, start, end)
            or (glued is not None and glued.group(2) == "based")
        )
        mention.part_of_area = start > 0 and doc[start - 1].lower_ in place_lexicon().region_words
        mention.site_noun = _followed_by_site_noun(doc, end) and label != "NORP" and span.root.pos_ != "ADJ"
        mentions.append(mention)
    _link_containers(doc, mentions)
    _share_descriptors_along_lists(doc, mentions)
    return mentions


def _share_descriptors_along_lists(doc: Doc, mentions: list[Mention]) -> None:
    """ "the towns of Khan Touman, Aleis and Alzorba": every listed name gets the descriptor."""
    by_token = {}
    for mention in mentions:
        for i in range(mention.start, mention.end):
            by_token[i] = mention
    for mention in mentions:
        node = doc[mention.start : mention.end].root
        while node.dep_ == "conj" and node.head != node and mention.kind_hint is None:
            node = node.head
            head_mention = by_token.get(node.i)
            if head_mention is not None and head_mention.kind_hint is not None:
                mention.kind_hint = head_mention.kind_hint
                mention.descriptor_names = head_mention.descriptor_names
                mention.context_cue = True


def _has_locative_head(span: Span) -> bool:
    """ "in X", "near the X countryside", "X's outskirts": the text uses the name as a place."""
    root, doc, lexicon = span.root, span.doc, place_lexicon()
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"on", "against"} and root.head.head.lower_ in lexicon.target_nouns:
        return True  # "the siege on Manbij"
    if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_.lower() in lexicon.target_verbs:
        return True  # "captured Knin", "Knin was captured"
    if after_site_preposition(doc, span.start):
        return True
    return root.dep_ in {"compound", "poss", "nmod"} and root.head.lemma_.lower() in lexicon.area_nouns


def after_site_preposition(doc: Doc, start: int, preps: frozenset[str] | set[str] | None = None) -> bool:
    """ "at the Bardo Museum", "in the old Medina": a site preposition (`preps`, else SITE_PREPS) before the name,
    across determiners and adjectives."""
    before = start - 1
    while before >= 0 and doc[before].pos_ in {"DET", "ADJ"}:
        before -= 1
    return before >= 0 and doc[before].lower_ in (SITE_PREPS if preps is None else preps)


def _based_or_resident(doc: Doc, start: int, end: int) -> bool:
    """ "the Kent-based outfit", "Jodi Mahler of Bellmore", "Ann Cole, 45, of Hayes,": where a firm is based or a
    person lives."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based":
        return True
    i = start - 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    i -= 1
    if doc[i].text == "," and i >= 1:
        i -= 1
        if doc[i].like_num and i >= 2 and doc[i - 1].text == ",":
            i -= 2  # ", 45,"
    return doc[i].ent_type_ == "PERSON"


def container_start(doc: Doc, end: int) -> int | None:
    """Where the container of a name ending at token `end` would start, in "X, east Y", "X, a district of Y",
    "X, a suburb in southern Y" (the plain "X, Y" and "X in Y" are read by `_link_containers`)."""
    lexicon = place_lexicon()
    if end >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1
    article = j + 2 < len(doc) and doc[j].lower_ in INDEFINITE_ARTICLES and doc[j + 2].lower_ in {"of", "in"}
    if article and is_place_noun(doc[j + 1]):
        j += 3
    if j < len(doc) and doc[j].lower_ in lexicon.region_words:
        j += 1
    return j if j > end + 1 else None


def quarter_container_start(doc: Doc, end: int) -> int | None:
    """Where Y starts in "the X district of Y" ("the Heliopolis neighbourhood of Cairo"), for a name ending at `end`.
    Y may as well be the quarter ("the Paris suburb of Saint-Denis"): resolve.py settles which by population."""
    nouns = place_lexicon().quarter_nouns
    if end + 1 < len(doc) and doc[end].lower_ in nouns and doc[end + 1].lower_ == "of":
        return end + 2
    if 1 <= end < len(doc) and doc[end].lower_ == "of" and doc[end - 1].lower_ in nouns:
        return end + 1  # the name took its noun ("the Maadi district" of Cairo)
    return None


def container_end_before(doc: Doc, start: int) -> int | None:
    """Where the container of a name starting at token `start` would end, in "Y's X" ("Cairo's Matareya
    district"), "Y's neighbourhood of X" and "the Y district of X" ("the London borough of Hackney")."""
    lexicon = place_lexicon()
    if start >= 1 and doc[start - 1].lower_ in {"'s", "’s"}:
        return start - 1
    if start >= 3 and doc[start - 1].lower_ == "of":
        noun = doc[start - 2]
        if noun.lower_ in lexicon.nouns_after or noun.lemma_.lower() in lexicon.nouns_after:
            return start - 2
        if noun.lower_ in lexicon.quarter_nouns:  # "Gaza City's southern neighbourhood of Zeitun"
            k = start - 3
            while k >= 1 and doc[k].lower_ in lexicon.region_words:
                k -= 1
            if k >= 1 and doc[k].lower_ in {"'s", "’s"}:
                return k
    return None


def _link_containers(doc: Doc, mentions: list[Mention]) -> None:
    """ "X, Y", "X in (central) Y", "X, east Y", "X, a district of Y", "Y's X", "the Y district of X": Y contains X."""
    by_start = {mention.start: mention for mention in mentions}
    by_end = {mention.end: mention for mention in mentions}
    region_words = place_lexicon().region_words
    for mention in mentions:
        i = mention.end
        quarter_of = by_start.get(quarter_container_start(doc, i) or -1)
        if quarter_of is not None and quarter_of.label != "PERSON":
            mention.container, mention.quarter_of_container = quarter_of, True
            mention.context_cue = mention.inside_container = True
            continue
        before = container_end_before(doc, mention.start)
        outer = by_start.get(container_start(doc, i) or -1) or by_end.get(before if before is not None else -1)
        if outer is not None and outer is not mention and outer.label != "PERSON":
            mention.container = outer
            mention.context_cue = mention.inside_container = True
            if before is not None and names_a_site(mention.text):
                outer.context_cue = True  # "Derry’s Altnagelvin Hospital": what owns a hospital is a place
            continue
        if i < len(doc) and doc[i].text == ",":
            nxt = by_start.get(i + 1)
            address = nxt is not None and _closes_an_address(doc, mention, nxt)
            if nxt is not None and (nxt.label != "PERSON" or address):
                mention.container = nxt
                mention.context_cue = True
                nxt.context_cue = nxt.context_cue or address
                continue
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and _initials_of(doc[i + 1], mention):
            i += 3  # "the New Bilibid Prison (NBP) in Muntinlupa": the short form, then the container
        if i + 1 < len(doc) and doc[i].text == "(":
            nxt = by_start.get(i + 1)  # "Walker County (Ga.)", "Portland (Ore.)"
            if nxt is not None and nxt.label != "PERSON" and nxt.end < len(doc) and doc[nxt.end].text == ")":
                mention.container = nxt
                mention.context_cue = True
                continue
        if i + 1 < len(doc) and doc[i].lower_ in NEAR_WORDS and mention.label != "PERSON":
            nxt = by_start.get(i + 1)
            if nxt is not None and nxt.label != "PERSON":  # "Sur near Farah city": settled in scoring, towns only
                mention.container, mention.near_container = nxt, True
                continue
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "in" and mention.label != "PERSON":
            i += 1  # "the Farmers Service Centre, in Goodlands"
        kind_told = i + 1 < len(doc) and doc[i].lower_ in place_lexicon().nouns_after and doc[i + 1].lower_ == "in"
        if kind_told:
            i += 1  # "the Kapilvastu district in western Nepal", "Mansour district in Baghdad"
        if i < len(doc) and doc[i].lower_ == "in":
            j = within_start(doc, i + 1)
            region_word = None
            if j < len(doc) and doc[j].lower_ in region_words:
                region_word = doc[j].lower_
                j += 1
            # "south-eastern" may be split into three tokens
            if j + 2 < len(doc) and doc[j + 1].text == "-" and f"{doc[j].lower_}-{doc[j + 2].lower_}" in region_words:
                region_word = f"{doc[j].lower_}-{doc[j + 2].lower_}"
                j += 3
            nxt = by_start.get(j)
            if nxt is not None and nxt.end + 1 < len(doc) and _is_possessive(doc[nxt.end]):
                nxt = by_start.get(nxt.end + 1) or nxt  # "in Andhra Pradesh's Karimnagar district": the district
            kind_named = doc[j - 1].lower_ == "of"  # "in the department of Jinotega": a place, whatever its tag
            if nxt is not None and (nxt.label != "PERSON" or kind_named):
                mention.container = nxt
                mention.region_word = region_word
                mention.context_cue = mention.placed_in = True
                mention.kind_placed_in = kind_told


def within_start(doc: Doc, i: int) -> int:
    """Where the place after 'in' starts: past 'the' and a kind of region ('in the department of Jinotega')."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i + 1 < len(doc) and is_place_noun(doc[i]) and doc[i + 1].lower_ == "of":
        i += 2
    return i


def is_place_noun(token: Token) -> bool:
    """A kind of place before 'of' ('the province of Idlib', 'a district of Cairo')."""
    nouns = place_lexicon().nouns_before_of
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def _initials_of(token: Token, mention: Mention) -> bool:
    """ "NBP" of "New Bilibid Prison": an upper-case word spelling the initials of the name before it."""
    initials = "".join(word[0] for word in mention.text.split() if word[:1].isupper())
    return len(initials) >= 2 and token.text == initials.upper()


def _closes_an_address(doc: Doc, mention: Mention, container: Mention) -> bool:
    """ "Oulton Park, Cheshire.", "at the Ramor Theatre, Virginia;": a name after a comma that ends the clause, after a
    name that is no list item nor a person, is where that name is (the county, even when NER calls it a person)."""
    after = container.end
    closes = after == len(doc) or doc[after].text in {".", ";", ":", ")"} or doc[after].is_space
    in_list = mention.start > 0 and doc[mention.start - 1].text in {",", "and", "&"}
    return closes and not in_list and mention.label != "PERSON" and len(container.text) > 2


def names_a_site(text: str) -> bool:
    """A named street or building: "Royal Street", "Northwestern Memorial Hospital"."""
    words = text.split()
    return len(words) > 1 and words[-1].lower().strip(".") in place_lexicon().site_words


def looks_like_organisation(mention: Mention) -> bool:
    words = mention.text.lower().split()
    return bool(words) and (words[-1] in ORG_TAIL_WORDS or " ".join(words[-2:]) in ORG_TAIL_WORDS)


def sub_mentions(doc: Doc, mention: Mention) -> list[Mention]:
    """Shorter names inside an unknown multi-word name, longest first: "Nazi Germany" -> "Germany",
    "St. Louis Police" -> "St. Louis", "Thruxton, Hampshire" -> "Thruxton", "Hampshire", "SME Mauritius Limited" ->
    "Mauritius"."""
    if mention.end - mention.start < 2:
        return []
    tokens = doc[mention.start : mention.end]
    pieces: list[tuple[int, int]] = []
    piece_start = mention.start
    for token in tokens:
        if token.text in {",", "and", "&", "/", "-"}:
            pieces.append((piece_start, token.i))
            piece_start = token.i + 1
    pieces.append((piece_start, mention.end))
    if len(pieces) > 1:
        return [sub_mention(doc, mention, start, end) for start, end in pieces if end > start]
    spans = []
    for length in range(mention.end - mention.start - 1, 0, -1):
        spans.append((mention.end - length, mention.end))
        spans.append((mention.start, mention.start + length))
        # inner pieces after the edge ones: "SME Mauritius Limited" -> "Mauritius"
        spans.extend((start, start + length) for start in range(mention.start + 1, mention.end - length))
    return [sub_mention(doc, mention, start, end) for start, end in spans if doc[start].text[:1].isupper()]


def sub_mention(doc: Doc, parent: Mention, start: int, end: int) -> Mention:
    span = doc[start:end]
    return Mention(
        start=start,
        end=end,
        text=span.text,
        start_char=span.start_char,
        end_char=span.end_char,
        label=parent.label,
        lookup_text=span.text,
        kind_hint=parent.kind_hint if end == parent.end else None,
        context_cue=parent.context_cue,
        container=parent.container,
        inside_container=parent.inside_container,
        region_word=parent.region_word,
    )
