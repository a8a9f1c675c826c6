"""The actor knowledge base: countries, collectives, organizations, roles, people.

Everything lives in YAML files (data/*.yaml, documented in docs/actors.md). Users add
their own files with `ActorResolver(extra_files=[...])` or the EVENTWIRE_ACTORS_KB
environment variable (paths separated by os.pathsep); a user file may hold any of the
top-level sections `countries`, `collectives`, `organizations`, `people`, `roles`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.knowledge import Knowledge, package_file, read_yaml

DATA_DIR = Path(__file__).with_name("data")
PHOENIX_DIR = DATA_DIR / "phoenix"  # written by scripts/phoenix_to_kb.py (MIT, LICENSE beside it)
CURRENT_FILE = DATA_DIR / "current.yaml"  # what Phoenix (2014) lacks; a user file, loaded before any other
ENV_VAR = "EVENTWIRE_ACTORS_KB"
SECTION_FILES = {
    "countries": "countries.yaml",
    "collectives": "collectives.yaml",
    "organizations": "organizations.yaml",
    "people": "people.yaml",
    "roles": "roles.yaml",
    "metonymy": "metonymy.yaml",
    "peoples": "peoples.yaml",
}


def parse_kb_date(value: Any, end: bool = False) -> date | None:
    """'2024', '2024-05' or '2024-05-12' (or a YAML date) -> a date; a partial date covers its whole span."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(*parts[:3])


@dataclass
class Position:
    title: str
    sector: str
    start: date | None
    end: date | None
    country: str | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        """Days between `day` and this tenure (0 inside it)."""
        if self.holds_on(day):
            return 0
        if self.start and day < self.start:
            return (self.start - day).days
        return (day - self.end).days if self.end else 0


@dataclass
class Person:
    kb_id: str
    name: str
    country: str | None
    aliases: list[str]
    positions: list[Position] = field(default_factory=list)
    sector: str | None = None  # used when no position is known
    org: str | None = None  # kb_id of an organization the person speaks for (UN Secretary-General)
    bulk: bool = False  # from the converted Phoenix dictionaries: a bare surname needs the full name first
    sex: str | None = None  # "f" or "m" where the knowledge says it: tells namesakes apart ("Mrs. Clinton", "she")

    def position_on(self, day: date | None, title_hint: str | None = None) -> Position | None:
        """The office held on `day` (or the nearest in time); a title in the text breaks ties."""
        if not self.positions:
            return None
        candidates = self.positions
        if title_hint:
            hinted = [p for p in candidates if title_hint in p.title.lower()]
            candidates = hinted or candidates
        if day is None:
            return candidates[-1]
        return min(candidates, key=lambda p: (p.distance(day), -(p.start or date.min).toordinal()))


@dataclass
class Organization:
    kb_id: str
    name: str
    sector: str
    country: str | None
    names: list[str]
    capitals: list[str] = field(default_factory=list)
    status_since: tuple[date, str] | None = None

    def sector_on(self, day: date | None) -> str:
        if self.status_since and day and day >= self.status_since[0]:
            return self.status_since[1]
        return self.sector


@dataclass
class Country:
    code: str
    name: str
    names: list[str]
    demonyms: list[str]
    capitals: list[str]
    seats: list[str]
    collective: bool = False
    region: bool = False
    until: date | None = None  # the day the state ceased to exist


@dataclass
class RoleLexicon:
    """Role words (singular, lower case) -> sector, by kind."""

    titles: dict[str, str]
    groups: dict[str, str]
    leader_titles: set[str]
    place_nouns: set[str]
    attack_nouns: set[str]
    populated_places: set[str] = field(default_factory=set)
    generic_roles: set[str] = field(default_factory=set)
    former_markers: set[str] = field(default_factory=set)
    weak_roles: set[str] = field(default_factory=set)
    weak_singular_roles: set[str] = field(default_factory=set)
    armed_platforms: set[str] = field(default_factory=set)
    home_country_roles: set[str] = field(default_factory=set)
    stance_prefixes: set[str] = field(default_factory=set)
    backer_suffixes: set[str] = field(default_factory=set)
    police_story_titles: set[str] = field(default_factory=set)
    police_story_words: set[str] = field(default_factory=set)
    place_name_words: set[str] = field(default_factory=set)
    abstract_roles: set[str] = field(default_factory=set)
    currency_nouns: set[str] = field(default_factory=set)
    posted_titles: set[str] = field(default_factory=set)


@dataclass
class MetonymyRules:
    place_verbs: set[str]
    place_parts: set[str]
    actor_prepositions: set[str]
    actor_heads: set[str]
    motion_words: set[str]
    attack_verbs: set[str]
    speech_verbs: set[str]
    political_nouns: set[str]


@dataclass
class KnowledgeBase:
    countries: dict[str, Country]
    organizations: list[Organization]
    people: list[Person]
    roles: RoleLexicon
    metonymy: MetonymyRules
    peoples: dict[str, str | None] = field(default_factory=dict)  # form -> home country (ISO3) or None
    sources: list[str] = field(default_factory=list)

    @property
    def organization_by_id(self) -> dict[str, Organization]:
        return {org.kb_id: org for org in self.organizations}


def _read_yaml(path: Path) -> Any:
    return read_yaml(path.read_text(encoding="utf-8")) or {}


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _load_countries(raw: dict[str, Any], collective: bool = False) -> dict[str, Country]:
    countries = {}
    for code, entry in (raw or {}).items():
        entry = entry or {}
        names = _as_list(entry.get("names"))
        countries[str(code)] = Country(
            code=str(code),
            name=str(entry.get("name") or (names[0] if names else code)),
            names=names,
            demonyms=_as_list(entry.get("demonyms")),
            capitals=_as_list(entry.get("capitals")),
            seats=_as_list(entry.get("seats")),
            collective=collective,
            region=bool(entry.get("region", False)),
            until=parse_kb_date(entry.get("until"), end=True),
        )
    return countries


def _load_organizations(raw: list[dict[str, Any]]) -> list[Organization]:
    orgs = []
    for entry in raw or []:
        names = _as_list(entry.get("names"))
        status = entry.get("since_status")
        orgs.append(
            Organization(
                kb_id=str(entry["id"]),
                name=str(entry.get("name") or names[0]),
                sector=str(entry.get("sector") or "IGO"),
                country=entry.get("country"),
                names=names,
                capitals=_as_list(entry.get("capitals")),
                status_since=(parse_kb_date(status["date"]), str(status["sector"])) if status else None,
            )
        )
    return orgs


def _surname_aliases(name: str) -> list[str]:
    """'Vladimir Putin' -> ['Putin']; 'Bashar al-Assad' -> ['al-Assad', 'Assad']."""
    tokens = name.split()
    if len(tokens) < 2:
        return []
    last = tokens[-1]
    if last.rstrip(".").upper() in {"JR", "SR", "II", "III", "IV"} and len(tokens) > 2:
        last = tokens[-2]
    aliases = [last]
    stripped = re.sub(r"^(al|el|bin|ben|ibn)-", "", last, flags=re.IGNORECASE)
    if stripped != last:
        aliases.append(stripped)
    return aliases


def _load_people(raw: list[dict[str, Any]], title_sectors: dict[str, str]) -> list[Person]:
    people = []
    for entry in raw or []:
        name = str(entry["name"])
        aliases = _as_list(entry.get("aliases"))
        if entry.get("surname_alias", True):
            aliases += [a for a in _surname_aliases(name) if a not in aliases]
        positions = []
        for item in entry.get("positions") or []:
            title, start, end, *rest = list(item) + [None] * (3 - len(item))
            sector = (
                rest[0] if rest else title_sectors.get(str(title).lower(), _title_sector(str(title), title_sectors))
            )
            positions.append(Position(str(title), str(sector), parse_kb_date(start), parse_kb_date(end, end=True)))
        people.append(
            Person(
                kb_id=str(entry.get("id") or "PER:" + re.sub(r"\W+", "_", name)),
                name=name,
                country=entry.get("country"),
                aliases=[name, *aliases],
                positions=positions,
                sector=entry.get("sector"),
                org=entry.get("org"),
                sex=entry.get("sex"),
            )
        )
    return people


def _title_sector(title: str, title_sectors: dict[str, str]) -> str:
    """Sector of a compound title from its last known word: 'Defence Minister' -> minister -> GOV."""
    words = title.lower().split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in title_sectors:
            return title_sectors[tail]
    return "GOV"


def _load_roles(raw: Knowledge) -> RoleLexicon:
    def by_sector(section: dict[str, list[str]]) -> dict[str, str]:
        table: dict[str, str] = {}
        for sector, words in (section or {}).items():
            for word in words or []:
                table.setdefault(str(word).lower(), str(sector))
        return table

    def lowered(key: str) -> set[str]:
        return {str(w).lower() for w in raw[key] or []}

    roles = RoleLexicon(
        titles=by_sector(raw["person_titles"]),
        groups=by_sector(raw["groups"]),
        leader_titles=lowered("leader_titles"),
        place_nouns=lowered("place_nouns"),
        attack_nouns=lowered("attack_nouns"),
        populated_places=lowered("populated_places"),
        generic_roles=lowered("generic_roles"),
        former_markers=lowered("former_markers"),
        weak_roles=lowered("weak_roles"),
        weak_singular_roles=lowered("weak_singular_roles"),
        armed_platforms=lowered("armed_platforms"),
        home_country_roles=lowered("home_country_roles"),
        stance_prefixes=lowered("stance_prefixes"),
        backer_suffixes=lowered("backer_suffixes"),
        police_story_titles=lowered("police_story_titles"),
        police_story_words=lowered("police_story_words"),
        place_name_words=lowered("place_name_words"),
        abstract_roles=lowered("abstract_roles"),
        currency_nouns=lowered("currency_nouns"),
        posted_titles=lowered("posted_titles"),
    )
    raw.check_all_read()
    return roles


def shared_place_nouns() -> dict[str, list[str]]:
    """The roles' place nouns, kept with the other stages' in extract/data/place_nouns.yaml."""
    nouns = package_file("eventwire.extract", "data", "place_nouns.yaml")
    return {
        "place_nouns": list(nouns.sequence("actor_place_nouns")),
        "populated_places": list(nouns.sequence("populated_places")),
    }


def _merge_roles(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = {key: (dict(value) if isinstance(value, dict) else list(value)) for key, value in base.items()}
    for key, value in (extra or {}).items():
        if isinstance(value, dict):
            section = merged.setdefault(key, {})
            for sector, words in value.items():
                section[sector] = list(section.get(sector, [])) + list(words or [])
        else:
            merged[key] = list(merged.get(key, [])) + list(value or [])
    return merged


def extra_kb_files(extra_files: Iterable[str | Path] | None = None) -> list[Path]:
    """User files: those passed in, then those named in EVENTWIRE_ACTORS_KB."""
    paths = [Path(p) for p in extra_files or []]
    env = os.environ.get(ENV_VAR, "")
    paths += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"actor knowledge file(s) not found: {', '.join(missing)}")
    return paths


def load_knowledge(extra_files: Iterable[str | Path] | None = None) -> KnowledgeBase:
    """The bundled knowledge, current.yaml, then user files (later entries win on the same key or id)."""
    return _load_knowledge_cached(tuple(str(p) for p in [CURRENT_FILE, *extra_kb_files(extra_files)]))


def read_knowledge(extra_files: Iterable[str | Path] | None = None) -> KnowledgeBase:
    """As `load_knowledge`, read from the files afresh (not this process's copy)."""
    return _read_knowledge(tuple(str(p) for p in [CURRENT_FILE, *extra_kb_files(extra_files)]))


@lru_cache(maxsize=8)
def _load_knowledge_cached(extra_paths: tuple[str, ...]) -> KnowledgeBase:
    return _read_knowledge(extra_paths)


def _read_knowledge(extra_paths: tuple[str, ...]) -> KnowledgeBase:
    sections: dict[str, Any] = {name: _read_yaml(DATA_DIR / fname) for name, fname in SECTION_FILES.items()}
    sections["roles"] = {**sections["roles"], **shared_place_nouns()}
    for path in extra_paths:
        user = _read_yaml(Path(path))
        if not isinstance(user, dict):
            raise ValueError(f"{path}: an actor knowledge file is a mapping of sections (countries, people, ...)")
        for name, value in user.items():
            if name not in SECTION_FILES:
                raise ValueError(f"{path}: unknown section {name!r} (known: {', '.join(SECTION_FILES)})")
            if name in ("countries", "collectives"):
                sections[name] = {**sections[name], **(value or {})}
            elif name in ("roles", "metonymy"):
                sections[name] = _merge_roles(sections[name], value)
            else:
                sections[name] = list(value or []) + list(sections[name])
    peoples = {str(form): entry.get("home") for entry in reversed(sections["peoples"]) for form in entry["forms"]}
    merged_from = "".join(f" + {path}" for path in extra_paths)
    roles = _load_roles(Knowledge(sections["roles"], f"actors/data/roles.yaml{merged_from}"))
    countries = _load_countries(sections["countries"])
    countries.update(_load_countries(sections["collectives"], collective=True))
    met = Knowledge(sections["metonymy"], f"actors/data/metonymy.yaml{merged_from}")
    metonymy = MetonymyRules(**{key: {str(w).lower() for w in met[key] or []} for key in MetonymyRules.__annotations__})
    met.check_all_read()
    organizations = _dedupe_by_id(_load_organizations(sections["organizations"]))
    people = _dedupe_by_id(_load_people(sections["people"], roles.titles))
    bulk_people, bulk_orgs = _load_phoenix(people, organizations, countries, roles)
    _add_phoenix_agents(roles)
    return KnowledgeBase(
        countries=countries,
        organizations=organizations + bulk_orgs,
        people=people + bulk_people,
        roles=roles,
        peoples=peoples,
        metonymy=metonymy,
        sources=[str(DATA_DIR), *extra_paths],
    )


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"), strict=True)) for line in handle]


def _load_phoenix(
    people: list[Person], orgs: list[Organization], countries: dict[str, Country], roles: RoleLexicon
) -> tuple[list[Person], list[Organization]]:
    """The converted Phoenix people and organizations the YAML files do not already name (those win)."""
    if not (PHOENIX_DIR / "people.tsv").is_file():
        return [], []
    taken = {a.lower() for p in people for a in p.aliases}
    taken |= {n.lower() for o in orgs for n in o.names}
    taken |= {n.lower() for c in countries.values() for n in [*c.names, *c.demonyms, *c.capitals, *c.seats]}
    taken |= set(roles.titles) | set(roles.groups)  # 'NGO', 'Senate': role words, not one body
    bulk_people = []
    for row in _read_tsv(PHOENIX_DIR / "people.tsv"):
        names = [row["name"], *[a for a in row["aliases"].split("|") if a]]
        if any(n.lower() in taken for n in names):
            continue
        positions = []
        for period in row["periods"].split(";"):
            country, sector, start, end = period.split(":")
            positions.append(Position("", sector, parse_kb_date(start), parse_kb_date(end, end=True), country))
        last = max(positions, key=lambda p: (p.start or date.min, bool(p.country)))
        home = last.country or next((p.country for p in reversed(positions) if p.country), None)
        surnames = [a for a in _surname_aliases(row["name"]) if a.lower() not in taken]
        bulk_people.append(Person(row["id"], row["name"], home or None, [*names, *surnames], positions, bulk=True))
    bulk_orgs = []
    for row in _read_tsv(PHOENIX_DIR / "organizations.tsv"):
        names = [n for n in [row["name"], *row["aliases"].split("|")] if n and n.lower() not in taken]
        if names and row["name"] in names:
            bulk_orgs.append(Organization(row["id"], row["name"], row["sector"], row["country"] or None, names))
    return bulk_people, bulk_orgs


def _add_phoenix_agents(roles: RoleLexicon) -> None:
    """The converted Phoenix agents ('kidnapper', 'jail guard', 'looter') as group words with their sector,
    after roles.yaml, whose groups win; a phrase holding a title or a weak or generic role word ('cabinet
    secretary', 'attorney general') is left to the titles."""
    path = PHOENIX_DIR / "agents.tsv"
    if not path.is_file():
        return
    taken = set(roles.titles) | roles.weak_roles | roles.weak_singular_roles | roles.generic_roles
    for row in _read_tsv(path):
        if not taken & {row["phrase"], *row["phrase"].split()}:
            roles.groups.setdefault(row["phrase"], row["sector"])


def _dedupe_by_id(items: list[Any]) -> list[Any]:
    """Keep the first entry per kb_id (user files are put first, so they override)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.kb_id not in seen:
            seen.add(item.kb_id)
            kept.append(item)
    return kept
