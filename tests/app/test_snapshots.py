"""Snapshot tests at the kiosk's real size (45×12 cells: a 32 pt font on a 1280×800 screen).

Each test's docstring says what a reviewer should see in the SVG. Update deliberately with
`pytest tests/app/test_snapshots.py --snapshot-update` and look at every changed picture.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from kiosk.config.palette import PALETTES
from kiosk.ui.screens import (
    HomeScreen,
    IdleWarningScreen,
    PageScreen,
    SettingsScreen,
    TooSmallScreen,
)
from kiosk.ui.screens.language import LanguageScreen
from tests.conftest import LOCALES, AppFactory
from tests.doubles import ManualClock

THEMES = sorted(PALETTES)
# The look, without speech moving the highlight while the picture is taken.
QUIET = "[speech]\nspeak_focus = false\n"
SIZE = (45, 12)
Snap = Callable[..., bool]


async def _until(pilot: Pilot[Any], kind: type) -> None:
    for _ in range(300):
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.focused is not None:
            break
        if isinstance(pilot.app.screen, kind) and kind in (IdleWarningScreen, TooSmallScreen):
            break
        await pilot.pause(0.01)
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_home(snap_compare: Snap, make_app: AppFactory, theme: str) -> None:
    """Home: 'ALS information' bar, topic list with the second topic ('Symptoms') focused —
    marker ▶ (or > in plain), reverse video and (not plain) a bar at the left — and the key
    legend on the last line."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        await pilot.press("down")
        await pilot.pause()

    app = make_app(f'[display]\ntheme = "{theme}"\n' + QUIET)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_stem_cell_page(snap_compare: Snap, make_app: AppFactory, theme: str) -> None:
    """The stem-cell page scrolled to its third block, which is focused; wrapped lines keep a
    hanging indent; the legend offers Next, Previous and Back."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        await pilot.press(*["down"] * 8, "enter")
        await _until(pilot, PageScreen)
        await pilot.press("down", "down")
        await pilot.pause()

    app = make_app(f'[display]\ntheme = "{theme}"\n' + QUIET)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_idle_warning(
    snap_compare: Snap, make_app: AppFactory, clock: ManualClock, theme: str
) -> None:
    """The idle warning: 'Are you still there?', a countdown of 25 seconds, and 'Press any
    key to continue.' in a framed box (no frame in plain)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        clock.advance(125)
        await _until(pilot, IdleWarningScreen)

    app = make_app(f'[display]\ntheme = "{theme}"\n' + QUIET)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_too_small(snap_compare: Snap, make_app: AppFactory, theme: str) -> None:
    """At 30×8 cells: 'Please make the window larger.' and 'Now 30×8, needs 40×12.' centred."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, TooSmallScreen)

    app = make_app(f'[display]\ntheme = "{theme}"\n' + QUIET)
    assert snap_compare(app, terminal_size=(30, 8), run_before=run_before)


@pytest.mark.parametrize(("lang_index", "name"), [(1, "ar"), (5, "zh_Hans")])
def test_page_in_arabic_and_chinese(
    snap_compare: Snap, make_app: AppFactory, lang_index: int, name: str
) -> None:
    """The 'What is ALS?' page in Arabic (right-aligned, joined letters, read right to left,
    'ALS' and 'amyotrophic lateral sclerosis' in Latin order) and in Chinese (wrapped
    between characters, no emphasis markers), with the one-line 'not yet checked by a
    medical translator' notice on top, in that language."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, LanguageScreen)
        await pilot.press(*["down"] * lang_index, "enter")
        await _until(pilot, HomeScreen)
        await pilot.press("enter")
        await _until(pilot, PageScreen)
        await pilot.press("down")
        await pilot.pause()

    app = make_app(QUIET, locales_dir=LOCALES)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_scan_group_highlight(snap_compare: Snap, make_app: AppFactory, theme: str) -> None:
    """One-switch scanning on Home: the first group of five topics is highlighted — a thick
    bar at the left of each of them (in plain: '+' before each, and underlined) — and the
    first topic has the focus marker. Nothing has been chosen. The bottom line names the
    switch and what it does, '1 / 2 Select', not keys the person does not have."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        await pilot.pause()

    config = f'[display]\ntheme = "{theme}"\n[input]\nmode = "one-switch"\n' + QUIET
    assert snap_compare(make_app(config), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_settings(snap_compare: Snap, make_app: AppFactory, theme: str) -> None:
    """Settings: 'Controls: Keys', 'Scan time: 1.5 seconds', 'Colours: …' (this theme's
    name), 'Speech speed: 140 words per minute', 'Volume: 6 of 7', 'Back'; the first line
    focused."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        await pilot.press(*["down"] * 14, "enter")
        await _until(pilot, SettingsScreen)

    app = make_app(f'[display]\ntheme = "{theme}"\n' + QUIET)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_diagnosis_page(snap_compare: Snap, make_app: AppFactory, theme: str) -> None:
    """A new page just opened: 'How ALS and MND are diagnosed' focused at the top, then
    'There is no single test for MND. …'; the legend offers Read/Pause, Next and Back."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        await pilot.press("down", "down", "enter")
        await _until(pilot, PageScreen)

    app = make_app(f'[display]\ntheme = "{theme}"\n' + QUIET)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_a_statement_labelled_with_its_place(snap_compare: Snap, make_app: AppFactory) -> None:
    """Planning ahead, at the section that holds only in England and Wales: its heading
    is focused and reads 'England and Wales: Advance Decision to Refuse Treatment', the
    place in bold, wrapped with a hanging indent."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        await pilot.press(*["down"] * 10, "enter")
        await _until(pilot, PageScreen)
        screen = pilot.app.screen
        assert isinstance(screen, PageScreen)
        for _ in range(40):
            focused = screen.focused
            if focused is not None and "Advance Decision" in getattr(focused, "plain_text", ""):
                break
            await pilot.press("down")
        await pilot.pause()

    app = make_app('[clinic]\nregion = "GB-WLS"\n' + QUIET)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _open_stem_cell_page(app: Any) -> None:
    page = next(p for p in app.languages.localised_pages() if p.id == "stem-cells")
    app.post_message(HomeScreen.TopicChosen(page))


@pytest.mark.parametrize("mode", ["one-switch", "two-switch"])
def test_wcag_2_4_7_en_5_8_a_page_opens_on_its_text_for_switch_users(
    snap_compare: Snap, make_app: AppFactory, mode: str
) -> None:
    """The stem-cell page just opened with switches: its text fills the screen, the first
    block (the heading) has the focus marker and is where the scan starts; the controls are
    one line at the bottom, 'Controls: Read, Back, Speed, Volume'; the bottom line names the
    switches ('1 Move   2 Select', or '1 / 2 Select' with one switch)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        _open_stem_cell_page(pilot.app)
        await _until(pilot, PageScreen)
        await pilot.pause()

    config = f'[input]\nmode = "{mode}"\n' + QUIET
    assert snap_compare(make_app(config), terminal_size=SIZE, run_before=run_before)


def test_wcag_2_4_7_the_controls_shown_to_a_switch_user(
    snap_compare: Snap, make_app: AppFactory
) -> None:
    """Two switches, 'Controls' chosen on the stem-cell page: the page heading still in view
    at the top, then the controls from Read/Pause (focused, marker ▶) down, scrolling within
    half the screen, and 'Hide controls' as the last line above the legend."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, HomeScreen)
        _open_stem_cell_page(pilot.app)
        await _until(pilot, PageScreen)
        await pilot.pause()
        page = pilot.app.screen
        assert isinstance(page, PageScreen)
        page.handle_action("controls")
        await pilot.pause()

    config = '[input]\nmode = "two-switch"\n' + QUIET
    assert snap_compare(make_app(config), terminal_size=SIZE, run_before=run_before)
