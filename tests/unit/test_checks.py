"""`als-kiosk check`: the shipped content is clean, and each kind of mistake is caught."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ops.checks import check_all, fact_sources
from tests.conftest import CONTENT, FACTS, REPO


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "check", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_wcag_3_1_5_shipped_content_is_clean_and_at_grade_8_or_below(tmp_path: Path) -> None:
    """From a copy of the pages and catalogs with nothing beside it: the fact sheet the
    check reads is the project's own (content/facts.md), not one outside the clone."""
    clone = tmp_path / "clone"
    shutil.copytree(CONTENT, clone / "content")
    shutil.copytree(REPO / "locales", clone / "locales")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--content", "content", "--locales", "locales"],
        capture_output=True,
        text=True,
        cwd=clone,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    grades = {
        line.split(":")[0]: float(line.rsplit(" ", 1)[1])
        for line in result.stderr.splitlines()
        if "reading grade" in line
    }
    assert len(grades) == len(list((CONTENT / "en").glob("*.md"))) == 14
    assert max(grades.values()) <= 8.0, grades


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_hard_words_raise_the_grade_above_8_and_are_reported(content_copy: Path) -> None:
    page = content_copy / "en" / "symptoms.md"
    lines = page.read_text().splitlines()
    heading = next(i for i, line in enumerate(lines, 1) if line.startswith("# "))
    hard = (
        "Notwithstanding considerable interindividual heterogeneity, neurodegenerative "
        "pathophysiology characteristically demonstrates progressive corticospinal "
        "deterioration accompanied by electrophysiological abnormalities. "
    )
    lines[heading + 1] = (hard * 12) + lines[heading + 1]
    page.write_text("\n".join(lines))
    problems, _ = check_all(content_dir=content_copy, config_path=None)
    assert [(p.path.name, p.line) for p in problems] == [("symptoms.md", heading)]
    assert "reading grade" in problems[0].message


def test_a_fact_without_its_source_is_reported(content_copy: Path) -> None:
    page = content_copy / "en" / "what-is-als.md"
    edit(page, "facts: [", "facts: [95, ")
    problems, _ = check_all(content_dir=content_copy, config_path=None)
    assert len(problems) == 1 and problems[0].line == 5
    assert "fact #95 is used but none of its sources" in problems[0].message


def test_a_changed_number_fails_at_its_line(content_copy: Path) -> None:
    """The German draft once said "von 49 % auf 85 %": a number no fact gives."""
    page = content_copy / "en" / "care-and-support.md"
    edit(page, "was 7.5 months longer", "was 8.5 months longer")
    line = (
        page.read_text()
        .splitlines()
        .index(next(x for x in page.read_text().splitlines() if "8.5 months" in x))
    )
    problems, _ = check_all(content_dir=content_copy, config_path=None)
    assert [(p.path.name, p.line) for p in problems] == [("care-and-support.md", line + 1)]
    assert problems[0].message.startswith("8.5 is in none of the facts this page lists (#56,")


def test_a_number_from_a_fact_the_page_does_not_list_fails(content_copy: Path) -> None:
    """0808 802 6262 is in the fact sheet (#95), but not in a fact this page lists. (Written
    as the `tel:` link a phone number must be, or it is reported as unmarked too.)"""
    page = content_copy / "en" / "symptoms.md"
    call = "Call [0808 802 6262](tel:+448088026262). Speech can also sound nasal"
    edit(page, "Speech can also sound nasal", call)
    problems, _ = check_all(content_dir=content_copy, config_path=None)
    assert sorted(p.message.split(" ")[0] for p in problems) == ["0808", "6262", "802"]


def test_a_link_to_a_copy_must_say_it_is_a_copy(content_copy: Path) -> None:
    page = content_copy / "en" / "symptoms.md"
    edit(page, "Text read in a copy at https://kenzanweb", "https://kenzanweb")
    problems, _ = check_all(content_dir=content_copy, config_path=None)
    assert len(problems) == 1
    assert "copy of the source's text" in problems[0].message


def test_a_page_past_its_review_date_is_a_warning_not_a_failure(content_copy: Path) -> None:
    page = content_copy / "en" / "outlook.md"
    edit(page, "reviewed: 2026-12-02", "reviewed: 2024-03-31")
    problems, _ = check_all(content_dir=content_copy, config_path=None)
    assert [(p.path.name, p.line, p.warning) for p in problems] == [("outlook.md", 6, True)]
    assert problems[0].message.startswith("review was due on 2025-03-31 (last reviewed 2024-03-31")
    no_languages = content_copy.parent / "no-locales"
    no_languages.mkdir()
    result = run_check("--content", str(content_copy), "--locales", str(no_languages))
    assert result.returncode == 0
    assert result.stdout.startswith(f"{page}:6: warning: review was due on 2025-03-31")


def test_doctor_tells_the_technician_which_pages_are_past_their_review(
    content_copy: Path,
) -> None:
    edit(content_copy / "en" / "outlook.md", "reviewed: 2026-12-02", "reviewed: 2024-03-31")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--content", str(content_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        "FIX  review dates: 1 page(s) past their review date: outlook. Patients see the dates, "
        "never a warning." in result.stdout
    )


def test_the_clinic_sets_how_often_pages_are_reviewed(content_copy: Path, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[clinic]\nreview_months = 6\n")
    later = dt.date(2027, 6, 2)
    assert check_all(content_dir=content_copy, config_path=None, today=later)[0] == []
    overdue, _ = check_all(content_dir=content_copy, config_path=config, today=later)
    assert len(overdue) == 14 and all(p.warning for p in overdue)


def test_a_wrong_clinic_region_is_reported_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[display]\ntheme = "dark"\n\n[clinic]\nregion = "UK"\n')
    result = run_check("--config", str(config))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{config}:5: [clinic] region the United Kingdom's code is GB")
    config.write_text('[clinic]\nregion = "XQ"\n')
    result = run_check("--config", str(config))
    assert result.returncode == 1
    assert f"{config}:2: [clinic] region: 'XQ' is not a country code CLDR knows" in result.stdout


def test_missing_sources_list_and_missing_care_team_reminder(content_copy: Path) -> None:
    page = content_copy / "en" / "outlook.md"
    text = page.read_text()
    body = text.split("## Sources")[0]
    page.write_text("\n".join(line for line in body.splitlines() if "care team" not in line))
    messages = {p.message for p in check_all(content_dir=content_copy, config_path=None)[0]}
    assert {
        "page never points the reader to their own care team",
        "page uses facts but has no `## Sources` list: add one entry per source",
    } < messages
    # and, with no Sources list, no fact it uses is tied to a source any more
    assert sum("none of its sources is in the Sources list" in m for m in messages) == 5


def test_bad_config_fails_the_check_with_path_and_line(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[session]\nidle_seconds = -4\n")
    result = run_check("--config", str(config))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{config}:2: [session] idle_seconds must be from 0 to 3600")


def test_fact_sources_follow_as_references() -> None:
    sources = fact_sources(FACTS.read_text(encoding="utf-8"))
    assert (
        "https://www.nhsinform.scot/illnesses-and-conditions/brain-nerves-and-spinal-cord/"
        "motor-neurone-disease-mnd" in sources[6]
    )  # "Source: NHS inform (as #1)"
