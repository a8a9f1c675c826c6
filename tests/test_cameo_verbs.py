"""scripts/cameo_verb_candidates.py reads PETRARCH verb blocks (an invented miniature of the format)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "cameo_verb_candidates.py"
MINIATURE = """\
# comment line
--- SCOLD_WORDS [111] ---
SCOLD
TELL_OFF
CANE [180]
- * + FOR [111]  # SCOLD
--- UNKNOWN_BLOCK [---] ---
WANDER
--- HELP_OUT [070] ---
ASSIST [060]
"""


def load_script():
    spec = importlib.util.spec_from_file_location("cameo_verb_candidates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_members_take_their_own_code_else_their_blocks(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(MINIATURE)
    codes = load_script().verb_codes(path)
    # multi-word members and patterns are left out, as are blocks without a code
    assert codes == {"scold": "111", "cane": "180", "assist": "060"}


def test_missing_verbs_are_listed_by_plover_category(tmp_path, capsys):
    path = tmp_path / "verbs.txt"
    path.write_text(MINIATURE)
    triggers = tmp_path / "triggers.yaml"
    triggers.write_text("verbs:\n  scold: ACCUSE\n")
    load_script().main(str(path), str(triggers))
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["ASSAULT: cane(180)", "COOPERATE: assist(060)"]
