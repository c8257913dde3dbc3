"""Source lists are read aloud too (in English, in every language): `check` finds what the
engine would misread there, at the line of the source."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.ops.checks import check_all
from tests.conftest import CONTENT


def test_an_acronym_in_a_source_list_is_checked_at_its_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / "en" / "symptoms.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("- ") and "NINDS" in line)
    lines[at] = lines[at].replace("NINDS", "NINDS and the ZORB", 1)
    page.write_text("\n".join(lines), encoding="utf-8")
    problems, _ = check_all(content_dir=content, config_path=None)
    found = [p for p in problems if '"ZORB" would be said' in p.message]
    assert [(p.path, p.line, p.warning) for p in found] == [(page, at + 1, True)]
    # NINDS in the same line is in the English lexicon: spelled, so not listed.
    assert not [p for p in problems if '"NINDS"' in p.message]
