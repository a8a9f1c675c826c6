"""The bulk actor knowledge: the Phoenix conversion, date-aware bulk people, current.yaml, group members,
acronyms that are also words in upper-case text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from eventwire.context import DocContext
from eventwire.extract.actors import ActorResolver
from eventwire.extract.actors.knowledge import load_knowledge
from eventwire.ingest import make_document
from eventwire.model import DocResult, Party
from eventwire.nlp import load_nlp, parse

ROOT = Path(__file__).resolve().parents[1]

PHOENIX_COUNTRIES = """# header
# The MIT License (MIT)
ZEMBLA_  [ZMB]
+ZEMBLAN_

# National Institutions
ZEMBLAN_NATIONAL_GUARD
+ZNG_
\t[ZMBMIL]

OSKAR_VANTHORPE_  # CountryInfo.txt
+PRESIDENT_VANTHORPE_
+OSKAR_T._VANTHORPE_
\t[ZMBELI 600101-950301]
\t[ZMBGOV 950301-051231]
\t[ZMBELI]
"""
PHOENIX_INTERNATIONAL = """WORLD_KNITTING_COUNCIL_ [IGOBUS]
+WHO_
+WKC_
MARTA_OLSSEN_\t[IGOUNO 990101-031231]\t# UN
"""
PHOENIX_MILNONSTATE = """NORTHERN_LIBERATION_FRONT_-_(NLF)_ [ZMBREB] #  kkl 21 Mar 13
+NLF-ZL
"""
PHOENIX_AGENTS = """# CAMEO agents file
JAIL_GUARD [~COP]
POLICE!PERSON!  [~COP]
GUNMAN {GUNMEN} [~UAF]
RABBI [~JEW]
#BANK [~BUS]
JEWISH_SETTLEMENT [~CVL]
"""


def load_script():
    spec = importlib.util.spec_from_file_location("phoenix_to_kb", ROOT / "scripts" / "phoenix_to_kb.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def phoenix_dir(tmp_path: Path) -> Path:
    src = tmp_path / "phoenix"
    src.mkdir()
    (src / "Phoenix.Countries.actors.txt").write_text(PHOENIX_COUNTRIES)
    (src / "Phoenix.International.actors.txt").write_text(PHOENIX_INTERNATIONAL)
    (src / "Phoenix.MilNonState.actors.txt").write_text(PHOENIX_MILNONSTATE)
    (src / "Phoenix.agents.txt").write_text(PHOENIX_AGENTS)
    (src / "LICENSE").write_text("The MIT License (MIT)\n")
    return src


def rows(path: Path) -> dict[str, list[str]]:
    lines = path.read_text().splitlines()
    return {line.split("\t")[1]: line.split("\t") for line in lines[1:]}


def test_conversion_reads_people_groups_and_keeps_the_licence(phoenix_dir: Path, tmp_path: Path) -> None:
    script = load_script()
    out = tmp_path / "out"
    countries = {"ZMB"}
    people, orgs = script.convert(phoenix_dir, countries)
    assert script.main(["x", str(phoenix_dir), str(out)]) == 0
    assert (out / "LICENSE").read_text().startswith("The MIT License")
    first = (out / "people.tsv").read_bytes()
    assert script.main(["x", str(phoenix_dir), str(out)]) == 0
    assert (out / "people.tsv").read_bytes() == first  # deterministic
    person = {row[1]: row for row in people}["Oskar Vanthorpe"]
    assert person[2] == "Oskar T. Vanthorpe"  # the title + surname alias is dropped, initials kept
    assert person[3].split(";") == ["ZMB:ELI:1960-01-01:1995-03-01", "ZMB:GOV:1995-03-01:2005-12-31", "ZMB:ELI::"]
    assert {row[1]: row for row in people}["Marta Olssen"][3] == ":IGO:1999-01-01:2003-12-31"
    by_name = {row[1]: row for row in orgs}
    assert by_name["Zemblan National Guard"][3:] == ["ZMB", "MIL"]
    assert "Zembla" not in by_name  # country names stay in countries.yaml
    council = by_name["World Knitting Council"]
    assert "WHO" not in council[2].split("|") and "WKC" in council[2].split("|")  # acronym that is a word
    front = by_name["Northern Liberation Front"]
    assert {"NLF", "NLF-ZL"} <= set(front[2].split("|")) and front[3:] == ["ZMB", "REB"]


def test_conversion_reads_agents_with_their_sector(phoenix_dir: Path) -> None:
    agents = dict(load_script().convert_agents(phoenix_dir / "Phoenix.agents.txt"))
    assert agents["jail guard"] == "COP"
    assert agents["policeman"] == agents["policewomen"] == "COP"  # !PERSON! forms
    assert agents["gunman"] == agents["gunmen"] == "REB"  # an irregular plural; unidentified armed forces
    assert agents["rabbi"] == "REL"
    assert "bank" not in agents  # commented out
    assert "jewish settlement" not in agents  # a place (scripts/phoenix_not_agents.txt)


def test_bundled_bulk_knowledge_is_loaded_and_yaml_wins() -> None:
    kb = load_knowledge()
    bulk = [p for p in kb.people if p.bulk]
    assert len(bulk) > 15000
    assert [p.kb_id for p in kb.people if p.name == "Vladimir Putin"] == ["PER:Vladimir_Putin"]  # no Phoenix twin
    assert (ROOT / "eventwire/extract/actors/data/phoenix/LICENSE").read_text().startswith("The MIT License")


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def actors(resolver: ActorResolver, text: str, published_at: str = "2025-03-01") -> list[Party]:
    document = make_document(text, doc_id="t", published_at=published_at)
    ((document, doc),) = list(parse(load_nlp(), [document]))
    ctx = DocContext(document, doc, DocResult(doc_id=document.id, published_at=document.published_at))
    resolver(ctx)
    return ctx.result.actors


def find(parties: list[Party], text: str) -> Party | None:
    return next((p for p in parties if p.text == text), None)


def test_bulk_person_resolves_by_the_report_date(resolver: ActorResolver) -> None:
    text = "Fidele Moungar met the delegation on Monday."
    in_office = find(actors(resolver, text, "1993-06-01"), "Fidele Moungar")
    assert in_office is not None and (in_office.country, in_office.sector) == ("TCD", "GOV")
    later = find(actors(resolver, text, "2001-06-01"), "Fidele Moungar")
    assert later is not None and (later.country, later.sector) == ("TCD", "ELI")


def test_bulk_official_of_an_international_body_has_no_country(resolver: ActorResolver) -> None:
    blix = find(actors(resolver, "Hans Blix said the inspectors were ready.", "1990-05-01"), "Hans Blix")
    assert blix is not None and blix.country is None and blix.sector == "IGO"


def test_bulk_surname_needs_the_full_name_first(resolver: ActorResolver) -> None:
    alone = find(actors(resolver, "Bot said the talks had failed.", "2005-03-01"), "Bot")
    assert alone is None or alone.kb_id != "PHX:Bernard_Bot"
    parties = actors(resolver, "Bernard Bot arrived in Paris. Bot said the talks had failed.", "2005-03-01")
    later = [p for p in parties if p.text == "Bot"]
    assert later and later[0].kb_id == "PHX:Bernard_Bot" and later[0].country == "NLD"


def test_current_file_parties_and_group_members(resolver: ActorResolver) -> None:
    parties = actors(resolver, "CPI(M) workers clashed with Shiv Sena activists in Kerala.", "2023-03-01")
    cpim, sena = find(parties, "CPI(M) workers"), find(parties, "Shiv Sena activists")
    assert cpim is not None and (cpim.country, cpim.sector, cpim.kb_id) == ("IND", "PTY", "PTY:CPIM")
    assert sena is not None and (sena.country, sena.sector) == ("IND", "PTY")
    fmln = find(actors(resolver, "Three FMLN guerrillas were killed.", "1989-03-01"), "FMLN guerrillas")
    assert fmln is not None and (fmln.country, fmln.sector, fmln.kb_id) == ("SLV", "REB", "REB:FMLN")


def test_user_file_replaces_a_current_entry(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text('organizations:\n  - {id: "PTY:CPIM", sector: OPP, country: IND, names: ["CPI(M)"]}\n')
    kb = load_knowledge([user])
    assert [o.sector for o in kb.organizations if o.kb_id == "PTY:CPIM"] == ["OPP"]


def test_shouted_pronoun_is_not_an_acronym(resolver: ActorResolver) -> None:
    parties = actors(resolver, "OFFICIALS SAID THE PEOPLE WHO FLED WERE SAFE. THE WHO SAID IT WOULD SEND DOCTORS.")
    assert [p.kb_id for p in parties if p.text == "WHO"] == ["IGO:WHO"]  # 'THE WHO' only
    normal = actors(resolver, "The WHO said it would send doctors.")
    assert find(normal, "WHO") is not None


def test_private_person_has_the_story_country_only_as_a_guess_and_balkans_are_a_region(
    resolver: ActorResolver,
) -> None:
    parties = actors(resolver, "Kenyan police said Otieno Wafula, 34, attacked a guard in Nairobi on Monday.")
    person = find(parties, "Otieno Wafula")
    assert person is not None and person.country is None and person.guessed_country == "KEN"
    assert person.confidence <= 0.3
    balkan = actors(resolver, "Turkey urged all Balkan states to sign a joint declaration.")
    assert all(p.country != "TKM" for p in balkan)


def test_bulk_full_name_far_from_its_years_is_a_namesake(resolver: ActorResolver) -> None:
    text = "James Grant said the fund would help."
    then = find(actors(resolver, text, "1990-05-01"), "James Grant")
    assert then is not None and then.kb_id == "PHX:James_Grant" and then.sector == "IGO"
    later = find(actors(resolver, text, "2018-05-01"), "James Grant")
    assert later is None or later.kb_id != "PHX:James_Grant"


def test_unit_named_after_a_place_is_known(resolver: ActorResolver) -> None:
    azov = find(actors(resolver, "The Azov Battalion attacked the positions.", "2015-03-01"), "Azov Battalion")
    assert azov is not None and azov.country == "UKR"  # current.yaml: not the Russian town of Azov


def test_a_common_bulk_name_needs_its_country_in_the_story(resolver: ActorResolver) -> None:
    from collections import Counter

    surnames = Counter(p.name.split()[-1] for p in resolver.kb.people if p.bulk and p.name.split())
    common = next(p for p in resolver.kb.people if p.bulk and p.positions and surnames[p.name.split()[-1]] >= 3)
    day = next(p.start for p in common.positions if p.start).isoformat()
    alone = find(actors(resolver, f"{common.name} met the delegation on Monday.", day), common.name)
    assert alone is None or alone.kb_id != common.kb_id
