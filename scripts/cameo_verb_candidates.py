"""List the verbs of the PETRARCH CAMEO verb dictionary (MIT, Open Event Data Alliance) that
triggers.yaml lacks, grouped by the PLOVER category of their CAMEO code.

    python scripts/cameo_verb_candidates.py ../shared/data/kb/phoenix/CAMEO.verbpatterns.150430.txt

The output is a reading list, not data: a verb goes into triggers.yaml only by hand, with the
conditions its news senses need, and only when it measures well (docs/events.md). The dictionary's
synonym blocks come from WordNet, so many members are rare or off-sense ('cane' under DENOUNCE).
Licence of the source: MIT, Copyright (c) 2015 Open Event Data Alliance (kept in its header).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

# CAMEO root code -> PLOVER category (the CAMEO2PLOVER correspondence; 01 statements have none).
PLOVER_OF_ROOT = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}  # fmt: skip
BLOCK = re.compile(r"^---\s+(\S+)\s+\[(\d{3,4}|---)(?::\d+)?\]\s*---")
MEMBER = re.compile(r"^([A-Z][A-Z_]*)\b[^\[#]*(?:\[(\d{3,4})(?::\d+)?\])?")


def verb_codes(path: Path) -> dict[str, str]:
    """Single-word member verbs -> their CAMEO code (the member's own, else its block's)."""
    codes: dict[str, str] = {}
    block_code = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if match := BLOCK.match(line):
            block_code = None if match.group(2) == "---" else match.group(2)
            continue
        if block_code is None or line.startswith(("-", "#", "+", "&")) or not line.strip():
            continue
        if (match := MEMBER.match(line)) and "_" not in match.group(1):
            code = match.group(2) or block_code
            codes.setdefault(match.group(1).lower(), code)
    return codes


def main(dictionary: str, triggers: str = "eventwire/extract/events/triggers.yaml") -> None:
    known = set((yaml.safe_load(Path(triggers).read_text()) or {}).get("verbs") or {})
    missing: dict[str, list[str]] = defaultdict(list)
    for verb, code in sorted(verb_codes(Path(dictionary)).items()):
        category = PLOVER_OF_ROOT.get(code[:2])
        if category and verb not in known:
            missing[category].append(f"{verb}({code})")
    for category in sorted(missing):
        print(f"{category}: {' '.join(missing[category])}")


if __name__ == "__main__":
    main(*sys.argv[1:])
