"""Group recognised units into actor mentions using the dependency parse.

"French President Emmanuel Macron" is three units (demonym, title, person) joined by
compound/amod arcs into one mention headed by the person; "Russian forces" is a
demonym attached to a group noun; in "a Ukrainian drone strike" the demonym modifies an
attack noun, so it stays a mention of its own and is marked as the attacking side.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.extract.actors.lexicon import LexEntry, Unit

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nn", "npadvmod"}
# Tokens that may sit between a modifier and its head inside one mention.
BRIDGE_POS = {"PROPN", "NOUN", "ADJ", "PART", "NUM", "ADV", "PUNCT", "DET", "CCONJ"}
BREAKING_PUNCT = {",", ";", "(", ")", ":", "—", "–", '"', "“", "”"}
PERSONISH = {"person"}
# Units that can own a person named after a title ("EU foreign policy chief X", "Amnesty International researcher X").
BODY_KINDS = {"org", "country", "demonym", "collective", "collective_demonym"}


@dataclass
class Group:
    units: list[Unit]
    head: Unit
    start: int
    end: int
    attack: bool = False  # the mention modifies an attack noun ("a Ukrainian drone strike")
    absorbed: list[Unit] = field(default_factory=list)  # units inside an unknown organization name
    role_of_split: Unit | None = None  # "U.S." in "U.S. and Russian negotiators" takes the role's sector

    def members(self, *kinds: str) -> list[Unit]:
        return [u for u in self.units + self.absorbed if u is not self.head and (not kinds or u.kind in kinds)]

    def tokens(self) -> range:
        return range(self.start, self.end)


def unit_root(doc: Doc, unit: Unit) -> Token:
    return doc[unit.start : unit.end].root


def _bridge_ok(doc: Doc, left: int, right: int) -> bool:
    """No verb, clause punctuation or far distance between two units of one mention."""
    if right - left > 8:
        return False
    return all(token.pos_ in BRIDGE_POS and token.text not in BREAKING_PUNCT for token in doc[left:right])


def _joins(child: Unit, parent: Unit, doc: Doc) -> bool:
    if parent.kind in ("attack_noun",):
        return False
    if child.kind in PERSONISH and parent.kind in PERSONISH:
        return False
    if child.kind == "group" and parent.kind in PERSONISH and doc[child.start].is_lower:
        return False  # "told police Bassett threatened them": a group noun is no title of a name
    return child.kind not in ("place_noun", "attack_noun")


def group_units(doc: Doc, units: list[Unit], absorbed: dict[int, list[Unit]]) -> list[Group]:
    """Connected components of units joined by modifier arcs."""
    unit_at = {i: unit for unit in units for i in range(unit.start, unit.end)}
    parent: dict[int, int] = {id(u): id(u) for u in units}
    by_id = {id(u): u for u in units}
    attack: set[int] = set()

    def find(uid: int) -> int:
        while parent[uid] != uid:
            parent[uid] = parent[parent[uid]]
            uid = parent[uid]
        return uid

    split_off: dict[int, Unit] = {}
    for unit in units:
        root = unit_root(doc, unit)
        if root.dep_ == "conj" and unit_at.get(root.head.i) is not None:
            # "U.S. and Russian negotiators": the last conjunct joins the role, the others stand alone.
            first = unit_at[root.head.i]
            first_root = unit_root(doc, first)
            role = unit_at.get(first_root.head.i)
            joinable = first_root.dep_ in MODIFIER_DEPS and role is not None and role.kind in ("group", "title")
            if joinable and entry_country(unit) and entry_country(first) and unit.end <= role.start:
                split_off[id(first)] = role
                parent[find(id(unit))] = find(id(role))
    for unit in units:
        root = unit_root(doc, unit)
        if id(unit) in split_off:
            continue
        if root.dep_ not in MODIFIER_DEPS or unit.start <= root.head.i < unit.end:
            continue
        head_unit = unit_at.get(root.head.i)
        if head_unit is None:
            head_unit = _sibling_role(doc, unit, root, unit_at)
        if head_unit is None:
            head_unit = _person_past_words(unit, root, unit_at)
        if head_unit is None:
            continue
        left, right = (unit.end, head_unit.start) if unit.end <= head_unit.start else (head_unit.end, unit.start)
        if not _bridge_ok(doc, left, right):
            continue
        if head_unit.kind == "attack_noun":
            attack.add(id(unit))
        elif _joins(unit, head_unit, doc):
            parent[find(id(unit))] = find(id(head_unit))

    components: dict[int, list[Unit]] = {}
    for unit in units:
        components.setdefault(find(id(unit)), []).append(unit)
    groups = []
    for root_id, members in components.items():
        head = by_id[root_id]
        if head.kind in ("place_noun", "attack_noun") and len(members) == 1:
            continue
        groups.append(
            Group(
                units=sorted(members, key=lambda u: u.start),
                head=head,
                start=min(u.start for u in members),
                end=max(u.end for u in members),
                attack=any(id(u) in attack for u in members),
                absorbed=[a for u in members for a in absorbed.get(id(u), [])],
                role_of_split=split_off.get(root_id_unit_id(members, split_off)),
            )
        )
    return sorted(groups, key=lambda g: g.start)


def entry_country(unit: Unit) -> LexEntry | None:
    return unit.entry("country", "demonym", "capital", "seat", "collective", "collective_demonym")


def root_id_unit_id(members: list[Unit], split_off: dict[int, Unit]) -> int | None:
    for unit in members:
        if id(unit) in split_off:
            return id(unit)
    return None


def _person_past_words(unit: Unit, root: Token, unit_at: dict[int, Unit]) -> Unit | None:
    """'EU foreign policy chief Federica Mogherini', 'Amnesty International researcher Andrew Gardner': a body or a
    country modifies a title the lexicon lacks, which names a person the knowledge base does not know; the person is
    the body's (up to two words between). A known person keeps the knowledge base's home ('U.N. mediator Diego
    Cordovez' stays Cordovez beside the U.N.)."""
    if unit.kind not in BODY_KINDS:
        return None
    node = root.head
    for _ in range(2):
        if node.pos_ != "NOUN" or node.dep_ not in ("compound", "nmod") or node.head.i <= node.i:
            return None
        found = unit_at.get(node.head.i)
        if found is not None:
            return found if found.kind in PERSONISH and not found.entry("person").key else None
        node = node.head
    return None


def _sibling_role(doc: Doc, unit: Unit, root: Token, unit_at: dict[int, Unit]) -> Unit | None:
    """'Israeli army bulldozers': 'Israeli' and 'army' both modify 'bulldozers'; join the role word."""
    head = root.head
    for sibling in head.lefts:
        other = unit_at.get(sibling.i)
        if (
            other is not None
            and other is not unit
            and other.kind in ("group", "title")
            and other.start >= unit.end
            and sibling.dep_ in MODIFIER_DEPS
            and _bridge_ok(doc, unit.end, other.start)
        ):
            return other
    return None
