"""`als-kiosk check` guards what a translation means: numbers (errors) at their line."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.ops.checks import check_all
from tests.conftest import CONTENT, LOCALES


def copy_locales(tmp_path: Path) -> Path:
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy)
    return copy


def test_a_changed_number_fails_check_at_its_line(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    po = locales / "es" / "LC_MESSAGES" / "content.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    # NICE: "about 25% of people with MND are alive at 5 years"; 25 becomes 52.
    at = next(n for n, line in enumerate(lines) if "el 25 % de las personas con EMN" in line)
    lines[at] = lines[at].replace("25 %", "52 %")
    msgstr = max(n for n in range(at + 1) if lines[n].startswith("msgstr"))
    po.write_text("\n".join(lines), encoding="utf-8")
    problems, _ = check_all(content_dir=CONTENT, config_path=None, locales_dir=locales)
    found = [(p.line, p.message.split(":")[0]) for p in problems if p.path == po]
    assert found == [(msgstr + 1, "the English says 25 and the translation does not")]


def test_the_shipped_translations_keep_every_number(tmp_path: Path) -> None:
    problems, _ = check_all(content_dir=CONTENT, config_path=None, locales_dir=LOCALES)
    assert [str(p) for p in problems if "the English says" in p.message] == []


def test_a_lost_hedge_is_a_warning_for_the_reviewer(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    po = locales / "es" / "LC_MESSAGES" / "content.po"
    text = po.read_text(encoding="utf-8")
    # The translators' review found "most often" made stronger: "casi siempre".
    assert text.count("con más frecuencia") >= 1
    po.write_text(text.replace("con más frecuencia", "casi siempre"), encoding="utf-8")
    problems, _ = check_all(content_dir=CONTENT, config_path=None, locales_dir=locales)
    hedges = [p for p in problems if p.path == po and '"most often"' in p.message]
    assert hedges and all(p.warning for p in hedges)
    ruled_out = [p for p in problems if p.path == po and '"casi siempre" is ruled out' in p.message]
    assert ruled_out and all(p.warning for p in ruled_out)


def test_the_english_acronym_as_the_french_disease_name_is_a_warning(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    po = locales / "fr" / "LC_MESSAGES" / "content.po"
    text = po.read_text(encoding="utf-8")
    assert "maladie du motoneurone" in text
    po.write_text(text.replace("maladie du motoneurone", "MND"), encoding="utf-8")
    problems, _ = check_all(content_dir=CONTENT, config_path=None, locales_dir=locales)
    found = [p for p in problems if p.path == po and '"MND" is ruled out' in p.message]
    assert found and all(p.warning for p in found)


def test_a_broken_glossary_is_an_error_at_its_line_and_the_language_still_loads(
    tmp_path: Path,
) -> None:
    locales = copy_locales(tmp_path)
    glossary = locales / "fr" / "glossary.tbx"
    lines = glossary.read_text(encoding="utf-8").split("\n")
    lines[5] += "<unclosed>"
    glossary.write_text("\n".join(lines), encoding="utf-8")
    problems, summary = check_all(content_dir=CONTENT, config_path=None, locales_dir=locales)
    found = [p for p in problems if p.path == glossary]
    assert [(p.warning, "not well-formed" in p.message) for p in found] == [(False, True)]
    assert "fr: 100% of the pages translated" in summary


def test_a_language_without_a_glossary_is_told_what_is_not_checked(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    (locales / "ar" / "glossary.tbx").unlink()
    problems, _ = check_all(content_dir=CONTENT, config_path=None, locales_dir=locales)
    found = [p for p in problems if p.path == locales / "ar" / "glossary.tbx"]
    assert [(p.warning, "no terminology list" in p.message) for p in found] == [(True, True)]
