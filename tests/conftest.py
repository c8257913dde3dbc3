"""Shared fixtures (apps built by the same factory as the CLI, from explicit paths only) and
the test tiers' markers.

Tiers are folders: tests/unit (no running App), tests/app (Pilot and snapshots),
tests/e2e (a real terminal, namespaces, a sound server; marked `e2e`) and tests/soak
(marked `soak`). `bash tests/run --quick` runs the unit and app tiers without the tests
marked `speech` or `slow` below; the full `bash tests/run` runs everything.
"""

from __future__ import annotations

import subprocess
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.factory import create_app
from kiosk.ui.app import KioskApp
from tests.doubles import ManualClock

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
LOCALES = REPO / "locales"
FACTS = CONTENT / "facts.md"

AppFactory = Callable[..., KioskApp]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_app(tmp_path: Path, clock: ManualClock) -> AppFactory:
    """Build a kiosk from the shipped content and an optional clinic config text.

    English only unless `locales_dir` is given, so that tests of other features start on
    Home rather than on the language picker.
    """

    def build(
        config: str | None = None,
        content_dir: Path = CONTENT,
        locales_dir: Path | None = None,
    ) -> KioskApp:
        config_path = None
        if config is not None:
            config_path = tmp_path / "kiosk.toml"
            config_path.write_text(config, encoding="utf-8")
        no_languages = tmp_path / "no-locales"
        no_languages.mkdir(exist_ok=True)
        return create_app(
            content_dir=content_dir,
            locales_dir=locales_dir or no_languages,
            config_path=config_path,
            clock=clock,
        )

    return build


# ---------------------------------------------------------------------- tiers and markers

TIERS = ("unit", "app", "e2e", "soak")
TIER_MARKERS = {"e2e": "e2e", "soak": "soak"}
"""Every test in these tiers carries the tier's marker (pytestmark in each file)."""

MARKED: list[tuple[str, str, str, str]] = [
    # (marker, test file, test function or "" for every test in the file, why)
    ("speech", "tests/unit/test_speech_engine.py", "", "the real engine in its worker process"),
    ("speech", "tests/unit/test_speech_playback.py", "", "real-time playback on the NULL device"),
    ("speech", "tests/unit/test_speech_device.py", "", "a PulseAudio server started part-way"),
    (
        "speech",
        "tests/unit/test_cli.py",
        "test_say_writes_a_page_as_speech_whose_length_follows_the_rate",
        "a page synthesised at two rates",
    ),
    (
        "speech",
        "tests/unit/test_cli.py",
        "test_doctor_names_the_voice_and_whether_sound_works",
        "starts the engine to name the voice",
    ),
    (
        "speech",
        "tests/app/test_speech_app.py",
        "",
        "the kiosk speaking in real time: sentences, pauses, highlight",
    ),
    (
        "speech",
        "tests/app/test_faults.py",
        "test_no_speech_engine_text_stays_notice_is_shown_and_doctor_names_it",
        "an engine that fails to start, and doctor",
    ),
    (
        "speech",
        "tests/app/test_faults.py",
        "test_en_5_1_3_15_a_language_with_no_voice_keeps_its_text_and_says_so",
        "waits for the notice to be spoken",
    ),
    (
        "speech",
        "tests/app/test_faults.py",
        "test_a_hung_speech_worker_is_replaced_and_reading_goes_on",
        "waits out a hung worker's timeout",
    ),
    (
        "speech",
        "tests/app/test_settings_screen.py",
        "test_508_402_2_1_every_setting_and_value_is_spoken_as_it_is_focused",
        "waits for each item to be spoken",
    ),
    (
        "speech",
        "tests/app/test_settings_screen.py",
        "test_a_chosen_value_applies_at_once_and_is_said",
        "waits for each choice to be spoken",
    ),
    (
        "slow",
        "tests/unit/test_extract_with_editors.py",
        "",
        "extract over every shipped catalog, twice in most tests",
    ),
    (
        "slow",
        "tests/unit/test_library.py",
        "test_sentences_without_a_sentence_end_inside_skip_pysbd_with_the_same_result",
        "pysbd over every block of every language",
    ),
    (
        "slow",
        "tests/app/test_po_check.py",
        "test_no_translation_can_inject_markup_or_escapes",
        "200 examples, each parsing every page again in keys()",
    ),
    (
        "slow",
        "tests/app/test_switch_app.py",
        "test_wcag_3_2_1_scanning_for_a_minute_activates_nothing",
        "600 virtual scan steps, each waiting for a real frame",
    ),
    (
        "slow",
        "tests/app/test_switch_app.py",
        "test_the_whole_journey_with_one_switch",
        "scans four screens in 50 ms virtual steps, a real frame each",
    ),
    (
        "slow",
        "tests/app/test_settings_screen.py",
        "test_settings_are_reachable_and_changed_with_one_switch",
        "scans four screens in 50 ms virtual steps, a real frame each",
    ),
    (
        "slow",
        "tests/app/test_settings_screen.py",
        "test_choosing_one_switch_starts_scanning_at_once",
        "two choices by key, then scans in 50 ms virtual steps",
    ),
    (
        "slow",
        "tests/app/test_settings_screen.py",
        "test_en_5_1_3_13_every_setting_returns_to_the_clinic_default_after_each_person",
        "five settings chosen one key press at a time",
    ),
    (
        "slow",
        "tests/app/test_app.py",
        "test_focus_moves_block_by_block_and_the_page_scrolls_to_keep_it_visible",
        "about 100 single key presses on the longest page",
    ),
    (
        "slow",
        "tests/app/test_app.py",
        "test_wcag_2_2_1_idle_warning_counts_down_and_any_key_continues_many_times",
        "twelve warnings, each waited for on screen",
    ),
    (
        "slow",
        "tests/app/test_region_app.py",
        "test_a_scottish_clinic_shows_its_own_helpline_and_uk_medicines_first",
        "pages opened and read through block by block",
    ),
    (
        "slow",
        "tests/app/test_region_app.py",
        "test_without_a_region_every_country_statement_is_labelled_in_page_order",
        "pages opened and read through block by block",
    ),
    (
        "slow",
        "tests/app/test_region_app.py",
        "test_a_page_past_its_review_date_shows_patients_only_the_dates",
        "every page opened in turn",
    ),
    (
        "slow",
        "tests/app/test_upstream.py",
        "test_a_closed_page_leaves_none_of_its_rendered_lines_behind_textual_6665",
        "pages opened and closed many times",
    ),
]
"""Tests kept out of the quick lane, with why; the full run runs them. A marker in the test
file itself is better (`pytestmark = pytest.mark.speech`, `@pytest.mark.slow`): these are
marked here while others rewrite those files. Delete a line once its file marks it."""

QUICK_THEME = "dark"
"""The snapshots of tests/app/test_snapshots.py in other themes are marked slow: the quick
lane draws each screen in the clinic's default theme, the full run in all four."""


def _relative(item: pytest.Item) -> str:
    path = Path(str(item.path)).resolve()
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else str(path)


def tier_of(path: str) -> str:
    """The tier of a test file given relative to the repository: tests/<tier>/test_*.py."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else "other"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    seen: set[str] = set()
    files: set[str] = set()
    for item in items:
        path, function = _relative(item), item.name.split("[")[0]
        files.add(path)
        seen.add(f"{path}::{function}")
        tier = tier_of(path)
        tier_marker = TIER_MARKERS.get(tier)
        if tier_marker is not None and item.get_closest_marker(tier_marker) is None:
            raise pytest.UsageError(f"{item.nodeid}: mark every test in tests/{tier} {tier_marker}")
        for marker, file, name, _why in MARKED:
            if path == file and name in ("", function):
                item.add_marker(marker)
        callspec = getattr(item, "callspec", None)
        theme = callspec.params.get("theme") if callspec is not None else None
        if path == "tests/app/test_snapshots.py" and theme not in (None, QUICK_THEME):
            item.add_marker("slow")
    for _marker, file, name, _why in MARKED:
        if name and file in files and f"{file}::{name}" not in seen:
            warnings.warn(
                f"tests/conftest.py marks {file}::{name}, which no longer exists",
                pytest.PytestWarning,
                stacklevel=1,
            )


@pytest.hookimpl(trylast=True)  # after the durations, before the short summary
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per tier, so a whole run's outcome reads at a glance."""
    counts: dict[str, Counter[str]] = {}
    for outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        for report in terminalreporter.stats.get(outcome, []):
            tier = tier_of(str(getattr(report, "nodeid", "")).split("::")[0])
            counts.setdefault(tier, Counter())[outcome] += 1
    if not counts:
        return
    terminalreporter.section("tiers")
    for tier in [*TIERS, "other"]:
        if tier in counts:
            summary = ", ".join(f"{n} {outcome}" for outcome, n in counts[tier].items())
            terminalreporter.write_line(f"{tier:5} {summary}")


def start_language_with_msginit(locales: Path, tag: str) -> Path:
    """A new language begun as a translator would with GNU gettext: both catalogs made
    from the templates by msginit. Returns the language's LC_MESSAGES folder."""
    folder = locales / tag / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for domain in ("content", "kiosk"):
        subprocess.run(
            ["msginit", "--no-translator", "-l", tag, "-i", str(locales / f"{domain}.pot"),
             "-o", str(folder / f"{domain}.po")],
            check=True, capture_output=True,
        )  # fmt: skip
    return folder
