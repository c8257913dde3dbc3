"""`als-kiosk extract` works with the files standard PO editors write (GNU gettext,
Poedit and Weblate wrap like msgcat; a new language starts with msginit)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import CONTENT, LOCALES, start_language_with_msginit

pytestmark = pytest.mark.slow  # extract over every shipped catalog, twice in most tests


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy)
    return copy


def extract(locales: Path, *check: str) -> int:
    return main(["extract", *check, "--content", str(CONTENT), "--locales", str(locales)])


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*.po*"))}


@pytest.mark.parametrize(
    "wrapping",
    [
        [],  # GNU gettext's 79 columns: msginit, msgmerge, Poedit's default, Weblate's
        ["--no-wrap"],  # Poedit with "Wrap at" turned off
        ["--width=120"],  # Poedit with a wider "Wrap at"
    ],
    ids=["79", "no-wrap", "120"],
)
def test_a_catalog_rewrapped_by_msgcat_passes_and_is_left_as_written(
    locales: Path, wrapping: list[str]
) -> None:
    po = locales / "es" / "LC_MESSAGES" / "content.po"
    subprocess.run(["msgcat", *wrapping, str(po), "-o", str(po)], check=True)
    rewrapped = po.read_bytes()
    assert rewrapped != (LOCALES / "es" / "LC_MESSAGES" / "content.po").read_bytes()
    assert extract(locales, "--check") == 0
    assert extract(locales) == 0
    assert po.read_bytes() == rewrapped  # the translator's editor keeps its wrapping


def test_a_language_started_with_msginit_passes(locales: Path) -> None:
    start_language_with_msginit(locales, "de")
    assert extract(locales, "--check") == 0


def test_extract_twice_changes_nothing(locales: Path) -> None:
    extract(locales)
    first = snapshot(locales)
    assert extract(locales) == 0
    assert snapshot(locales) == first


def test_a_changed_message_still_fails_the_check(locales: Path) -> None:
    po = locales / "fr" / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text(encoding="utf-8")
    # A reference to code that moved is content a translator's tool shows: it must be current.
    changed = text.replace("#: kiosk/", "#: elsewhere/", 1)
    assert changed != text
    po.write_text(changed, encoding="utf-8")
    assert extract(locales, "--check") == 1


def test_the_previous_english_of_a_fuzzy_message_survives_a_second_extract(
    locales: Path,
) -> None:
    po = locales / "es" / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text(encoding="utf-8")
    # As if the English of "Back" had been "Go back" when the translator last saw it.
    at = text.index('msgid "Back"')
    po.write_text(text[:at] + '#, fuzzy\n#| msgid "Go back"\n' + text[at:], encoding="utf-8")
    assert extract(locales) == 0
    assert extract(locales) == 0
    after = po.read_text(encoding="utf-8")
    assert '#| msgid "Go back"' in after and "# |" not in after


def test_a_python_format_flag_on_prose_is_out_of_date(locales: Path) -> None:
    """msgfmt refuses "33%的人" under python-format (babel#35), so the flag as written
    counts, not Babel's guess from the "%" in the English."""
    po = locales / "zh_Hans" / "LC_MESSAGES" / "content.po"
    text = po.read_text(encoding="utf-8")
    entries = text.split("\n\n")
    # A message whose English has a "%" (its msgid, before its msgstr).
    index = next(n for n, entry in enumerate(entries) if "%" in entry.split("msgstr")[0])
    entries[index] = "#, python-format\n" + entries[index]
    po.write_text("\n\n".join(entries), encoding="utf-8")
    assert extract(locales, "--check") == 1
    assert extract(locales) == 0
    assert "python-format" not in po.read_text(encoding="utf-8")


def test_a_catalog_saved_as_weblate_saves_it_passes(locales: Path) -> None:
    """Weblate reads and writes PO files with translate-toolkit: a translation changed
    there, with the header Weblate writes, must pass `extract --check` and stay as saved."""
    from translate.storage import pypo

    po = locales / "fr" / "LC_MESSAGES" / "kiosk.po"
    store = pypo.pofile(po.read_bytes())
    unit = next(u for u in store.units if not u.isheader() and u.source == "Back")
    unit.target = "Revenir"
    store.updateheader(  # type: ignore[no-untyped-call]  # translate-toolkit is untyped here
        add=True,
        Last_Translator="Traductrice <t@example.org>",
        PO_Revision_Date="2026-12-03 10:00+0000",
        X_Generator="Weblate 5.8",
    )
    po.write_bytes(bytes(store))
    saved = po.read_bytes()
    assert b'msgstr "Revenir"' in saved and b"X-Generator: Weblate 5.8" in saved
    assert extract(locales, "--check") == 0
    assert extract(locales) == 0
    assert po.read_bytes() == saved
