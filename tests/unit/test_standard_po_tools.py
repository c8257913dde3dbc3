"""GNU gettext's msgfmt and translate-toolkit's pofilter, the checks translators' own
tools run, over every shipped catalog. msgfmt must find nothing; every pofilter finding
must be explained in tests/pofilter_findings.toml (a check that cannot apply to this
kiosk's catalogs is excluded there with its reason), and an explanation whose finding is
gone must go too, so the list stays true."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import LOCALES, REPO

FINDINGS = REPO / "tests" / "pofilter_findings.toml"
CATALOGS = sorted(LOCALES.glob("*/LC_MESSAGES/*.po"))
# translate-toolkit knows Simplified Chinese as zh_CN (Weblate and CLDR say zh_Hans).
POFILTER_LANGUAGE = {"zh_Hans": "zh_CN"}


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_msgfmt_check_finds_nothing(po: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def pofilter_findings(po: Path, excluded: list[str], out: Path) -> set[tuple[str, str]]:
    """(check, msgid) for each unit pofilter flags: one explanation covers a message that
    several pages share ("Sources")."""
    tag = po.parent.parent.name
    pofilter = Path(sys.executable).parent / "pofilter"
    command = [str(pofilter), "--progress=none", f"--language={POFILTER_LANGUAGE.get(tag, tag)}"]
    command += [f"--excludefilter={name}" for name in excluded]
    subprocess.run([*command, str(po), str(out)], check=True, capture_output=True)
    if not out.exists():
        return set()
    with out.open("rb") as handle:
        catalog = read_po(handle)
    found: set[tuple[str, str]] = set()
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        for comment in message.user_comments:
            if comment.startswith("(pofilter) "):
                check = comment.removeprefix("(pofilter) ").split(":", 1)[0]
                found.add((check, msgid))
    return found


def test_every_pofilter_finding_is_explained(tmp_path: Path) -> None:
    config = tomllib.loads(FINDINGS.read_text(encoding="utf-8"))
    excluded = sorted(config["excluded"])
    explained = {
        (f["language"], f["check"], f["msgid"]): f["why"] for f in config.get("finding", [])
    }
    seen: set[tuple[str, str, str]] = set()
    unexplained: list[str] = []
    for po in CATALOGS:
        tag = po.parent.parent.name
        out = tmp_path / f"{tag}-{po.name}"
        for check, msgid in pofilter_findings(po, excluded, out):
            key = (tag, check, msgid)
            seen.add(key)
            if key not in explained:
                unexplained.append(f"{po}: {check}: {msgid[:70]!r}")
    assert unexplained == [], "\n".join(sorted(unexplained))
    stale = sorted(set(explained) - seen)
    assert stale == [], f"explained in {FINDINGS.name} but no longer found: {stale}"
    assert all(why.strip() for why in explained.values())
