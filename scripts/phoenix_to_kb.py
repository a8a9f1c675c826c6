"""Convert the Phoenix/PETRARCH2 actor dictionaries (MIT) into the actor stage's bulk data files.

    python scripts/phoenix_to_kb.py ../shared/data/kb/phoenix eventwire/extract/actors/data/phoenix

Reads Phoenix.Countries.actors.txt (leaders with dated role periods, national institutions),
Phoenix.International.actors.txt (IGOs, NGOs, companies and their officials) and
Phoenix.MilNonState.actors.txt (armed non-state groups); writes two TSV files sorted by id
(people.tsv, organizations.tsv) and copies the MIT licence beside them. Deterministic: the same
input gives byte-identical output. Country names and their variants are left out (countries.yaml
has them, and Phoenix's city-for-country entries are over-broad).

Phoenix.agents.txt (generic agents: 'kidnapper', 'jail guard', 'smuggler' -> a sector) becomes agents.tsv;
the actor stage reads it after roles.yaml's groups, which win where both name a word. Agents that are
places, things or events in running text ('settlement', 'carrier', 'uprising') are left out
(scripts/phoenix_not_agents.txt).

people.tsv:        id, name, aliases (|), periods (;) each COUNTRY:SECTOR:START:END (COUNTRY may be empty)
organizations.tsv: id, name, aliases (|), country, sector
agents.tsv:        phrase (lower case), sector
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
# CAMEO role codes -> the project's sectors (docs/actors.md); the first known code after the country wins.
SECTORS = {
    "GOV": "GOV",
    "MIL": "MIL",
    "COP": "COP",
    "JUD": "JUD",
    "LEG": "LEG",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "UAF": "REB",
    "IMG": "REB",
    "OPP": "OPP",
    "PTY": "PTY",
    "CVL": "CVL",
    "MED": "JRN",
    "BUS": "BUS",
    "MNC": "BUS",
    "IGO": "IGO",
    "NGO": "NGO",
    "NGM": "NGO",
    "HRI": "NGO",
    "SPY": "SPY",
    "REF": "REF",
    "HLH": "MED",
    "EDU": "EDU",
    "LAB": "LAB",
    "AGR": "AGR",
    "REL": "REL",
    "CRM": "CRM",
    "ELI": "ELI",
}
NO_COUNTRY = {"IGO", "NGO", "IMG", "MNC", "NGM", "INT"}
# Words that make an alias a title plus a name ("PRESIDENT_PUTIN_"): the stage reads the title itself.
TITLE_WORDS = {
    "PRESIDENT",
    "MINISTER",
    "PREMIER",
    "CHANCELLOR",
    "SECRETARY",
    "SPOKESMAN",
    "SPOKESWOMAN",
    "DEPUTY",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "LEADER",
    "CHIEF",
    "AMBASSADOR",
    "ENVOY",
    "GENERAL",
    "GEN.",
    "CHAIRMAN",
    "SENATOR",
    "GOVERNOR",
    "MAYOR",
    "COMMANDER",
    "FORMER",
    "EX",
    "MR.",
    "MRS.",
    "MS.",
    "DR.",
    "MR",
    "DR",
}
PARTICLES = {"al", "el", "bin", "ben", "ibn", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le", "dos"}
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "des", "y", "et"}
MONTHS = {
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
}
# Phoenix agents that in running news are more often a place, a thing, an event or an abstraction than someone
# who acts ('a Jewish settlement', 'the carrier', 'the uprising'): one word per line, '#' starts a comment.
NOT_AGENTS_FILE = Path(__file__).with_name("phoenix_not_agents.txt")
# Phoenix's religion and other codes with no sector of their own in the project
AGENT_SECTORS = {
    **SECTORS,
    "MUS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "HIN": "REL",
    "BUD": "REL",
    "CTH": "REL",
    "PPL": "CVL",
    "ENV": "NGO",
    "RAD": "REB",
    "DEV": "NGO",
    "MOD": "OPP",
    "SET": "CVL",
}
PERSON_FORMS = ("man", "woman", "person", "men", "women", "people")
PERIOD = re.compile(r"\[([A-Z~]+)\s*([^\]]*)\]")


@dataclass
class Entry:
    source: str
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date range text)
    person: bool = False


def parse_file(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        codes = PERIOD.findall(line)
        text = PERIOD.sub(" ", line).strip()
        if raw[:1] in "\t " and not text:  # a period line of the entry above
            if current:
                current.codes += codes
            continue
        if text.startswith("+") and current:
            current.names += [t for t in text.split("+") if t.strip()]
            current.codes += codes
            continue
        if text.startswith(("<", "!", "&", "=")):
            continue
        current = Entry(path.name, [t for t in text.split("+") if t.strip()], list(codes), "CountryInfo" in comment)
        entries.append(current)
    return entries


def parse_date(text: str, end: bool) -> str:
    """'991231' -> '1999-12-31', '20070101' -> '2007-01-01'; anything else -> ''."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if re.fullmatch(r"\d{6}", text):
        yy = int(text[:2])
        return f"{1900 + yy if yy >= 30 else 2000 + yy}-{text[2:4]}-{text[4:]}"
    return ""


def parse_range(text: str) -> tuple[str, str]:
    text = text.strip()
    if text.startswith(">"):
        return parse_date(text[1:], False), ""
    if text.startswith("<"):
        return "", parse_date(text[1:], True)
    if "-" in text:
        start, _, end = text.partition("-")
        return parse_date(start, False), parse_date(end, True)
    return "", ""


def split_code(code: str, countries: set[str]) -> tuple[str, str] | None:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNOHLHWHO' -> ('', 'IGO'); 'GBRVGBELI' -> ('GBR', 'ELI')."""
    code = code.lstrip("~")
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None
    country = chunks[0] if chunks[0] in countries else ""
    if chunks[0] in ("IGO", "NGO", "MNC", "NGM"):
        return "", SECTORS[chunks[0]]
    if chunks[0] == "IMG":
        return "", "REB"
    sector = next((SECTORS[c] for c in chunks[1:] if c in SECTORS), "")
    if not country and not sector:
        return None
    return country, sector


def title_case(name: str, org: bool) -> str:
    """'VLADIMIR_V._PUTIN_' -> 'Vladimir V. Putin'; 'BASHAR_AL-ASSAD' -> 'Bashar al-Assad'; acronyms kept in orgs."""
    words = [w for w in name.strip().strip("_").split("_") if w]
    out = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if re.fullmatch(r"([A-Z]\.)+", word):  # initials: 'V.', 'A.F.M.'
            out.append(word)
            continue
        if org and (len(words) == 1 and len(letters) <= 5 or not re.search(r"[AEIOUY]", letters.upper())):
            out.append(word)
            continue
        parts = re.split(r"([-'])", word.lower())
        parts = [
            p if p in PARTICLES or p in "-'" or (p == "s" and k > 0) else p[:1].upper() + p[1:]
            for k, p in enumerate(parts)
        ]
        cased = "".join(parts)
        if i > 0 and word.lower() in SMALL_WORDS | PARTICLES:
            cased = word.lower()
        out.append(cased)
    return " ".join(out)


def clean_names(names: list[str], org: bool) -> list[str]:
    kept: list[str] = []
    for raw in names:
        raw = re.sub(r"\(([^)]*)\)", " ", raw).strip().strip("_")
        words = [w for w in raw.split("_") if any(c.isalnum() for c in w)]
        if words[:1] == ["THE"]:
            words = words[1:]
        if not words or len(words) > 10 or any(set(w.split("-")) & TITLE_WORDS for w in words):
            continue
        if not org and len(words) < 2:
            continue  # a bare surname: the stage derives surnames itself, with its own guards
        if org and len(words) == 1 and (words[0].lower() in STOP_WORDS or len(re.sub(r"[^A-Z]", "", words[0])) > 5):
            continue  # an acronym that is also a word ('WHO', 'US'), or a word ('SENATE', 'FOUNDATION')
        if org and MONTHS & set(words) and any(w.isdigit() for w in words):
            continue  # 'MAY_15', 'NOVEMBER_17': group names that are dates in running text
        name = title_case("_".join(words), org)
        if name not in kept:
            kept.append(name)
    for raw in names:  # acronyms in brackets ('ISLAMIC_ARMY_OF_ADEN_(IAA)') or joined ('FMLN-FDR': FMLN)
        found = re.findall(r"\(([A-Z][A-Z.\-]{1,5})\)", raw) + re.findall(r"^([A-Z]{3,})-[A-Z]{2,}_?$", raw)
        for acronym in found if org else []:
            if acronym.lower() not in STOP_WORDS and acronym not in kept:
                kept.append(acronym)
    return kept


def make_id(prefix: str, name: str) -> str:
    return prefix + re.sub(r"\W+", "_", name).strip("_")


def convert(src: Path, countries: set[str]) -> tuple[list[list[str]], list[list[str]]]:
    people: dict[str, list[str]] = {}
    orgs: dict[str, list[str]] = {}
    for fname in FILES:
        for entry in parse_file(src / fname):
            periods = []
            for code, dates in entry.codes:
                split = split_code(code, countries)
                if split:
                    periods.append((*split, *parse_range(dates)))
            dated = any(p[2] or p[3] for p in periods)
            is_person = entry.person or (dated and fname != "Phoenix.MilNonState.actors.txt")
            names = clean_names(entry.names, org=not is_person)
            if not names or not periods:
                continue
            if is_person:
                if not any(p[1] for p in periods):
                    continue
                pid = make_id("PHX:", names[0])
                row = people.setdefault(pid, [pid, names[0], "", ""])  # one person in two files: merged
                aliases = [a for a in row[2].split("|") if a]
                aliases += [n for n in names if n != row[1] and n not in aliases]
                spans = [s for s in row[3].split(";") if s]
                spans += [s for s in (":".join(p) for p in periods) if s not in spans]
                row[2], row[3] = "|".join(aliases), ";".join(spans)
            elif fname != "Phoenix.Countries.actors.txt" or periods[0][1]:
                country, sector = periods[0][0], periods[0][1] or ("REB" if "MilNonState" in fname else "")
                if sector in ("", "BUS"):
                    continue  # companies: many, rarely political actors, and their names are common words
                oid = make_id(f"PHX:{sector}:", names[0])
                orgs.setdefault(oid, [oid, names[0], "|".join(names[1:]), country, sector])
    return sorted(people.values()), sorted(orgs.values())


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(header) + "\n")
        for row in rows:
            handle.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")


def convert_agents(path: Path) -> list[list[str]]:
    """Phoenix.agents.txt -> [phrase, sector] rows: 'JAIL_GUARD [~COP]' -> ['jail guard', 'COP'];
    'POLICE!PERSON! [~COP]' -> 'policeman', 'policewoman', 'policeperson' and their plurals; an irregular
    plural in braces ('GUNMAN {GUNMEN}') is a phrase of its own."""
    rows: dict[str, str] = {}
    not_agents = {line.partition("#")[0].strip() for line in NOT_AGENTS_FILE.read_text(encoding="utf-8").splitlines()}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.partition("#")[0]
        codes = re.findall(r"\[~?([A-Z]+)\]", line)
        if not codes or line[:1] in "\t +<!&=":
            continue
        code = codes[0]
        sector = next(
            (AGENT_SECTORS[code[i : i + 3]] for i in range(0, len(code), 3) if code[i : i + 3] in AGENT_SECTORS), None
        )
        if sector is None:
            continue
        text = re.sub(r"\[[^\]]*\]", " ", line)
        plurals = re.findall(r"\{([^}]*)\}", text)
        phrases = [re.sub(r"\{[^}]*\}", " ", text).strip(), *(p.strip() for p in plurals)]
        for phrase in phrases:
            if not phrase:
                continue
            forms = [phrase.replace("!PERSON!", form) for form in PERSON_FORMS] if "!PERSON!" in phrase else [phrase]
            for form in forms:
                words = form.lower().replace("_", " ").split()
                if words and not set(words) & not_agents and re.fullmatch(r"[a-z][a-z .'-]*", " ".join(words)):
                    rows.setdefault(" ".join(words), sector)
    return [[phrase, sector] for phrase, sector in sorted(rows.items())]


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = Path(argv[1]), Path(argv[2])
    countries_file = Path(__file__).resolve().parents[1] / "eventwire/extract/actors/data/countries.yaml"
    countries = {str(code) for code in yaml.safe_load(countries_file.read_text(encoding="utf-8"))}
    people, orgs = convert(src, countries)
    out.mkdir(parents=True, exist_ok=True)
    write_tsv(out / "people.tsv", ["id", "name", "aliases", "periods"], people)
    write_tsv(out / "organizations.tsv", ["id", "name", "aliases", "country", "sector"], orgs)
    agents = convert_agents(src / "Phoenix.agents.txt")
    write_tsv(out / "agents.tsv", ["phrase", "sector"], agents)
    shutil.copyfile(src / "LICENSE", out / "LICENSE")
    print(f"{len(people)} people, {len(orgs)} organizations, {len(agents)} agents -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
