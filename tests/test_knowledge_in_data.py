"""Knowledge in data: word lists live in YAML beside their stage, read by the strict loader.

A finder walks eventwire/extract/**/*.py for list, set, tuple and dict literals holding five or
more English words (parser labels aside) and fails on any not allow-listed below; every YAML file
under extract/ goes through the loader, and every key of it is read; the loader rejects a missing
key, a value of the wrong shape and (for files read whole) an unread key.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
import yaml

import eventwire.extract
from eventwire import knowledge
from eventwire.knowledge import Knowledge, KnowledgeError

EXTRACT = Path(eventwire.extract.__file__).parent
MIN_WORDS = 5
WORD = re.compile(r"[a-z'][a-z' .-]*")
# spaCy's English dependency labels (ClearNLP) and the UD ones the code also tests: not knowledge.
DEP_LABELS = {
    "acl",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "case",
    "cc",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "csubjpass",
    "dative",
    "dep",
    "det",
    "dobj",
    "expl",
    "intj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "npadvmod",
    "nn",
    "nsubj",
    "nsubjpass",
    "nummod",
    "obj",
    "obl",
    "oprd",
    "parataxis",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "root",
    "xcomp",
}
# (file, where) -> why the literal stays in code. `where` is the assigned name or the enclosing function.
ALLOWED = {
    ("actors/knowledge.py", "SECTION_FILES"): "section names of the knowledge base's files",
    ("actors/lexicon.py", "KIND_PRIORITY"): "internal kinds of knowledge-base entries, not English words",
    ("actors/resolver.py", "resolve_group"): "internal kinds of knowledge-base entries",
    ("times/tagger.py", "UNIT_PATTERNS"): "granularities keyed to value regexes",
    ("confidence/features.py", "_parse_features"): "names of the confidence model's features",
}


def _english_words(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Dict):
        items = [key for key in node.keys if key is not None]
    elif isinstance(node, ast.List | ast.Set | ast.Tuple):
        items = node.elts
    else:
        return []
    strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    return [s for s in strings if WORD.fullmatch(s) and s not in DEP_LABELS]


def _literals(tree: ast.AST):
    """(where, node) for each collection literal; `where` is the assigned name or the function."""

    def visit(node: ast.AST, where: str):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            where = node.name
        elif isinstance(node, ast.Assign | ast.AnnAssign) and where == "<module>":
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and node.value is not None:
                yield from visit(node.value, target.id)
                return
        if isinstance(node, ast.Subscript):  # type annotations: Literal["day", "week", ...]
            return
        yield where, node
        for child in ast.iter_child_nodes(node):
            yield from visit(child, where)

    yield from visit(tree, "<module>")


def word_lists_in_code() -> list[str]:
    found = []
    for path in sorted(EXTRACT.rglob("*.py")):
        rel = path.relative_to(EXTRACT).as_posix()
        for where, node in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            words = _english_words(node)
            if len(words) >= MIN_WORDS and (rel, where) not in ALLOWED:
                found.append(f"extract/{rel}:{node.lineno} ({where}): {words[:6]}")
    return found


def test_no_word_lists_in_extract_code():
    found = word_lists_in_code()
    assert not found, "word lists belong in the stage's YAML:\n" + "\n".join(found)


def test_finder_sees_a_word_list_and_skips_labels():
    tree = ast.parse('A = {"in", "at", "near", "outside", "inside"}\nB = ("nsubj", "dobj", "amod", "prep", "pobj")')
    counts = {where: len(_english_words(node)) for where, node in _literals(tree) if _english_words(node)}
    assert counts == {"A": 5}


def test_allow_list_entries_still_exist():
    """An allow-list entry whose literal has gone should go too (unless its file moved away or
    another slice of issue 12 removes it)."""
    seen = set()
    for path in EXTRACT.rglob("*.py"):
        rel = path.relative_to(EXTRACT).as_posix()
        for where, node in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            if len(_english_words(node)) >= MIN_WORDS:
                seen.add((rel, where))
    stale = {(rel, where) for rel, where in ALLOWED if (EXTRACT / rel).exists() and (rel, where) not in seen}
    assert not stale, sorted(stale)


def _import_every_stage() -> None:
    for module in pkgutil.walk_packages(eventwire.extract.__path__, "eventwire.extract."):
        importlib.import_module(module.name)


# YAML files under extract/ that loading the stages does not read through knowledge.load.
READ_ELSEWHERE = {
    # the actor knowledge base's sections, merged with user files (roles and metonymy are then
    # checked by the loader, see test_user_actor_file_with_an_unknown_roles_key_is_rejected)
    "actors/data/countries.yaml",
    "actors/data/collectives.yaml",
    "actors/data/organizations.yaml",
    "actors/data/people.yaml",
    "actors/data/roles.yaml",
    "actors/data/metonymy.yaml",
    "actors/data/peoples.yaml",
    "actors/data/current.yaml",  # loaded as the first user file (sections checked by the loader)
    "places/data/aliases.yaml",  # read when the gazetteer is built
    "places/data/natural_features.yaml",  # read when the gazetteer is built (tests/test_places_natural.py)
}

# Files the stages consult while documents are processed, not when they load: a key of these
# counts as read when the stage's code names it.
CONSULTED_LATER = {
    "eventwire/extract/events/cues.yaml": "events",
    "eventwire/extract/events/mappings.yaml": "events",
    "eventwire/extract/places/data/event_location.yaml": "places",
    "eventwire/extract/places/data/variants.yaml": "places",
    "eventwire/extract/times/lexicon.yaml": "times",  # the event dates' tally words, read per document
}


def _strings_in_stage(stage: str) -> set[str]:
    strings = set()
    for path in (EXTRACT / stage).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    return strings


def test_every_key_of_every_knowledge_file_is_read():
    """Load each stage's knowledge; a key nothing reads (obsolete or misspelt) fails here."""
    from eventwire.extract.actors.knowledge import load_knowledge
    from eventwire.extract.events.lexicon import load_lexicon as events_lexicon
    from eventwire.extract.places.event_location import locator_rules
    from eventwire.extract.places.lexicon import place_lexicon
    from eventwire.extract.places.variants import variant_rules
    from eventwire.extract.quantities.lexicon import load_lexicon as quantities_lexicon
    from eventwire.extract.times.detect import Detector

    _import_every_stage()
    load_knowledge()
    events_lexicon()
    place_lexicon()
    locator_rules()
    variant_rules()
    quantities_lexicon()
    Detector()
    loaded = {k.source for k in knowledge.loaded().values()}
    expected = {
        "eventwire/" + path.relative_to(EXTRACT.parent).as_posix()
        for path in EXTRACT.rglob("*.yaml")
        if path.relative_to(EXTRACT).as_posix() not in READ_ELSEWHERE
    }
    assert sorted(expected - loaded) == []
    unread = {}
    for source, keys in knowledge.unread_keys().items():
        if not source.startswith("eventwire/"):
            continue  # a file another test wrote
        if source in CONSULTED_LATER:
            named = _strings_in_stage(CONSULTED_LATER[source])
            keys = [key for key in keys if key.split(".")[0] not in named]
        if keys:
            unread[source] = keys
    assert unread == {}


def test_missing_key_names_file_and_key():
    data = Knowledge({"locative_preps": ["in", "at"]}, "places/data/example.yaml")
    with pytest.raises(KnowledgeError, match=r"places/data/example.yaml: no key 'locative_prep'"):
        data.words("locative_prep")


def test_unread_key_is_reported():
    data = Knowledge({"speech_verbs": ["say"], "speach_verbs": ["tell"], "modes": {"a": ["b"], "c": ["d"]}}, "x.yaml")
    assert data.words("speech_verbs") == {"say"}
    data.section("modes").sequence("a")
    assert data.unread() == ["speach_verbs", "modes.c"]
    with pytest.raises(KnowledgeError, match="speach_verbs"):
        data.check_all_read()


def test_wrong_type_is_rejected():
    data = Knowledge({"words": ["on", True], "table": ["a"]}, "x.yaml")
    with pytest.raises(KnowledgeError, match="list of strings"):
        data.words("words")  # an unquoted `on` reads as a boolean in YAML
    with pytest.raises(KnowledgeError, match="mapping"):
        data.table("table")


def test_file_is_parsed_once(tmp_path):
    path = tmp_path / "words.yaml"
    path.write_text("greetings: [hello, hi]\n", encoding="utf-8")
    first = knowledge.load(path)
    assert knowledge.load(path) is first
    assert first.sequence("greetings") == ("hello", "hi")


def test_misspelt_cue_key_is_an_error_not_an_empty_set():
    from eventwire.extract.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert "say" in lexicon.cue_set("speech_verbs")
    with pytest.raises(KnowledgeError, match="cues.yaml: no key 'speach_verbs'"):
        lexicon.cue_set("speach_verbs")


def test_user_actor_file_with_an_unknown_roles_key_is_rejected(tmp_path):
    from eventwire.extract.actors.knowledge import load_knowledge

    good = tmp_path / "good.yaml"
    good.write_text("roles:\n  place_nouns: [kibbutz]\n", encoding="utf-8")
    assert "kibbutz" in load_knowledge([good]).roles.place_nouns
    assert "refugee camp" in load_knowledge([good]).roles.place_nouns  # the shared list is kept
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles:\n  place_noun: [kibbutz]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"roles.yaml \+ .*bad.yaml: unknown key\(s\) nothing reads: place_noun"):
        load_knowledge([bad])


def test_prepositions_and_codes_that_yaml_1_1_calls_booleans_stay_words(tmp_path):
    path = tmp_path / "preps.yaml"
    path.write_text("recipient: [on, off, at]\ncodes: {NO: Norway}\nyes: [no]\nflag: true\n", encoding="utf-8")
    words = knowledge.load(path)
    assert words.sequence("recipient") == ("on", "off", "at")
    assert words.table("codes") == {"NO": "Norway"}
    assert words.sequence("yes") == ("no",)
    assert words["flag"] is True


def test_a_key_written_twice_is_an_error_not_a_lost_entry(tmp_path):
    path = tmp_path / "senses.yaml"
    path.write_text("join:\n  - type: COOPERATE\nsend: []\njoin:\n  - type: PROTEST\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError, match="'join' written twice"):
        knowledge.load(path)


def test_trigger_senses_find_their_on_prepositions():
    from eventwire.extract.events.lexicon import load_lexicon

    senses = load_lexicon().senses_for("NOUN", "attack")
    assert any("on" in sense.recipient for sense in senses)
