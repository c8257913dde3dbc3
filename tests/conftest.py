"""Shared fixtures (apps built by the same factory as the CLI, from explicit paths only) and
the test tiers' markers.

Tiers are folders: tests/unit (no running App), tests/app (Pilot and snapshots),
tests/e2e (a real terminal, namespaces, a sound server; marked `e2e`) and tests/soak
(marked `soak`). `bash tests/run --quick` runs the unit and app tiers without the tests
marked `speech` or `slow` (each test file marks them, with why beside the mark); the full
`bash tests/run` runs everything.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import kiosk.factory
from kiosk.factory import create_app
from kiosk.library.load import Library, Request
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


_SHARED: dict[Request, Library] = {}


@pytest.fixture(scope="session")
def no_locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty locales folder (English only), one per test process."""
    return tmp_path_factory.mktemp("no-locales")


@pytest.fixture
def make_app(
    tmp_path: Path, clock: ManualClock, no_locales: Path, monkeypatch: pytest.MonkeyPatch
) -> AppFactory:
    """Build a kiosk from the shipped content and an optional clinic config text.

    English only unless `locales_dir` is given, so that tests of other features start on
    Home rather than on the language picker.

    Kiosks built from the shipped files with the same settings share one real loader's
    answer in each test process, rather than each waiting for a loader process of its own
    (about 0.3 s of CPU per test). Files a test writes are in its own folder, so they
    always get a loader of their own.
    """

    def shared_library(request: Request) -> Library:
        if request.content_dir != CONTENT or request.locales_dir not in (LOCALES, no_locales):
            return Library(request)
        if request not in _SHARED:
            _SHARED[request] = Library(request)
        return _SHARED[request]

    monkeypatch.setattr(kiosk.factory, "Library", shared_library)

    def build(
        config: str | None = None,
        content_dir: Path = CONTENT,
        locales_dir: Path | None = None,
    ) -> KioskApp:
        config_path = None
        if config is not None:
            config_path = tmp_path / "kiosk.toml"
            config_path.write_text(config, encoding="utf-8")
        no_languages = no_locales
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
    for item in items:
        path = _relative(item)
        tier = tier_of(path)
        tier_marker = TIER_MARKERS.get(tier)
        if tier_marker is not None and item.get_closest_marker(tier_marker) is None:
            raise pytest.UsageError(f"{item.nodeid}: mark every test in tests/{tier} {tier_marker}")
        callspec = getattr(item, "callspec", None)
        theme = callspec.params.get("theme") if callspec is not None else None
        if path == "tests/app/test_snapshots.py" and theme not in (None, QUICK_THEME):
            item.add_marker("slow")
    # The soak runs for minutes: started first, it overlaps the rest of the suite on the
    # other core (tests/run spreads tests with --dist worksteal).
    items.sort(key=lambda item: item.get_closest_marker("soak") is None)


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
