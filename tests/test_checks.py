"""`als-kiosk check`: the shipped content is clean, and each kind of mistake is caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.checks import check_all, fact_sources
from tests.conftest import CONTENT, FACTS, REPO


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "check", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_wcag_3_1_5_shipped_content_is_clean_and_at_grade_8_or_below() -> None:
    result = run_check("--facts", str(FACTS))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    grades = [
        float(line.rsplit(" ", 1)[1])
        for line in result.stderr.splitlines()
        if "reading grade" in line
    ]
    assert len(grades) == 10 and max(grades) <= 8.0


def test_shipped_numbers_all_come_from_facts_md() -> None:
    tool = REPO.parent / "shared" / "tools" / "check-content-numbers"
    result = subprocess.run(
        [sys.executable, str(tool), str(CONTENT / "en"), str(FACTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


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
    problems, _ = check_all(content_dir=content_copy, config_path=None, facts_path=FACTS)
    assert len(problems) == 1 and problems[0].line == 5
    assert "fact #95 is used but none of its sources" in problems[0].message


def test_missing_sources_list_and_missing_care_team_reminder(content_copy: Path) -> None:
    page = content_copy / "en" / "outlook.md"
    text = page.read_text()
    body = text.split("## Sources")[0]
    page.write_text("\n".join(line for line in body.splitlines() if "care team" not in line))
    messages = sorted(p.message for p in check_all(content_dir=content_copy, config_path=None)[0])
    assert messages == [
        "page never points the reader to their own care team",
        "page uses facts but has no `## Sources` list: add one entry per source",
    ]


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
