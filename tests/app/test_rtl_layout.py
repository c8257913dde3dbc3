"""Right to left, mirrored (issue #15, item 5), at the kiosk's 45×12 in Arabic.

The focus marker (pointing left, at the text), the bullets, the hanging indents and the
focus bar are on the right; the top bar has the title at the right, shortened at the end
of its reading order, and the status at the left, never touching it. Each screen is
checked twice: as the kiosk draws it for a terminal that does no bidi (bidi = "app", the
default), and as it sends it to a terminal that does bidi itself (bidi = "terminal"), where
what the person sees is modelled as VTE shows it (tests/bidi_terminal.py).

Snapshots: `pytest tests/app/test_rtl_layout.py --snapshot-update`, and look at each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from kiosk.content.pages import BlockKind
from kiosk.i18n.rtl import ELLIPSIS, shorten, visual_line
from kiosk.translate import _
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.widgets import FocusText, TopBar
from kiosk.ui.widgets.top_bar import TITLE_MIN_CELLS
from tests.bidi_terminal import as_a_bidi_terminal_shows
from tests.conftest import LOCALES, AppFactory
from tests.doubles import ManualClock
from tests.pilot import KIOSK_SIZE, wait_for_screen, wait_until

Snap = Callable[..., bool]
BIDI = ("app", "terminal")
ARABIC = 1
"""Arabic's place on the language list: English first, then by tag (ar, es, fr, …)."""
TITLE = "معلومات عن التصلب الجانبي الضموري"
"""'ALS information' in Arabic (locales/ar): 33 cells, too long beside a status at 45."""


def config(bidi: str, extra: str = "") -> str:
    # No speech: the status is the one each test sets, as the speech view would.
    return f'[display]\nbidi = "{bidi}"\n[speech]\nenabled = false\n' + extra


def rows(app: KioskApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def cell_of(row: str, x: int) -> str:
    """The character drawn at cell `x` (harakat take no cell of their own)."""
    taken = 0
    for char in row:
        if taken == x and cell_len(char):
            return char
        taken += cell_len(char)
    return ""


def seen(app: KioskApp, bidi: str) -> list[str]:
    """The screen as the person sees it with this setting."""
    if bidi == "app":
        return rows(app)
    return [as_a_bidi_terminal_shows(row) for row in rows(app)]


async def arabic_home(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await wait_for_screen(pilot, LanguageScreen)
    await wait_until(pilot, lambda: app.screen.focused is not None)
    await pilot.press(*["down"] * ARABIC, "enter")
    await wait_for_screen(pilot, HomeScreen)
    await wait_until(pilot, lambda: app.screen.focused is not None)


async def arabic_list_item(pilot: Pilot[Any]) -> None:
    """The Symptoms page, at its first bullet (a list item of several lines)."""
    await arabic_home(pilot)
    app = pilot.app
    await pilot.press("down", "enter")
    await wait_for_screen(pilot, PageScreen)
    await wait_until(pilot, lambda: bool(getattr(app.screen, "complete", False)))
    for _step in range(30):
        focused = app.screen.focused
        if isinstance(focused, FocusText) and focused.kind is BlockKind.LIST_ITEM:
            break
        await pilot.press("down")
    await pilot.pause()


def say_no_sound(app: KioskApp) -> None:
    """The status the speech view shows on a machine without sound, drawn as it does."""
    app.screen.query_one(TopBar).set_status(app.languages.as_drawn(_("Sound is not available.")))


async def scan_until(pilot: Pilot[Any], clock: ManualClock, wanted: Callable[[], bool]) -> None:
    """Let the scan run in virtual time (as tests/app/test_switch_app.py does) until `wanted`."""
    for _step in range(1200):
        if wanted():
            return
        clock.advance(0.05)
        pilot.app.scan.tick()  # type: ignore[attr-defined]
        await pilot.pause()
    raise AssertionError("the scan never got there")


async def press(pilot: Pilot[Any], clock: ManualClock) -> None:
    """One switch press, held long enough not to be taken for auto-repeat or a tremor."""
    await pilot.press("1")
    clock.advance(0.15)
    pilot.app.scan.tick()  # type: ignore[attr-defined]
    await pilot.pause()
    clock.advance(0.2)


def highlighted(app: KioskApp) -> list[str]:
    return [
        item.plain_text for item in app.screen.query(FocusText) if item.has_class("-scan-group")
    ]


def focused_text_of(app: KioskApp) -> str:
    focused = app.screen.focused
    return focused.plain_text if isinstance(focused, FocusText) else ""


def focused_item(app: KioskApp) -> FocusText:
    focused = app.screen.focused
    assert isinstance(focused, FocusText)
    return focused


@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_2_4_7_arabic_focus_marker_on_the_right(make_app: AppFactory, bidi: str) -> None:
    app = make_app(config(bidi), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await arabic_home(pilot)
        await pilot.press("down")
        await pilot.pause()
        item = focused_item(app)
        assert item.has_class("-rtl") and item.direction == "rtl"
        region = item.content_region
        row = seen(app, bidi)[region.y]
        # The marker in the item's last cell, pointing left at the text just before it.
        assert cell_of(row, region.right - 1) == "◀"
        assert cell_of(row, region.right - 2) == " "
        assert cell_of(row, region.right - 3) not in ("", " ")
        assert "▶" not in "".join(rows(app))
        # The thick bar beside it, at the right; nothing at the left.
        assert cell_of(row, region.right) == "▐"
        assert "▌" not in row
        # The words are set against the marker, and read right to left.
        words = visual_line(item.plain_text)[0] if bidi == "app" else item.plain_text[::-1]
        assert row.rstrip(" ▐◀▁▂▃▄▅▆▇█").endswith(words)


@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_2_4_7_arabic_bullets_and_hanging_indents_on_the_right(
    make_app: AppFactory, bidi: str
) -> None:
    app = make_app(config(bidi), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await arabic_list_item(pilot)
        item = focused_item(app)
        assert item.kind is BlockKind.LIST_ITEM and item.bullet == "• "
        region = item.content_region
        shown = seen(app, bidi)[region.y : region.y + region.height]
        assert len(shown) >= 2, "the first bullet wraps: there is a hanging indent to see"
        first, *rest = shown
        right = region.right
        assert [cell_of(first, x) for x in range(right - 4, right)] == [" ", "•", " ", "◀"]
        for line in rest:
            # Hanging indent: the marker's and bullet's cells are blank, the text ends
            # where the first line's does.
            assert [cell_of(line, x) for x in range(right - 4, right)] == [" "] * 4
            assert cell_of(line, right - 5) != " "
        assert cell_of(first, right - 5) != " "


@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_2_4_7_arabic_title_shortened_at_its_end_and_clear_of_the_status(
    make_app: AppFactory, bidi: str
) -> None:
    app = make_app(config(bidi), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await arabic_home(pilot)
        say_no_sound(app)
        await pilot.pause()
        bar = app.screen.query_one(TopBar)
        title, status = bar.query_one("#title"), bar.query_one("#status")
        top = seen(app, bidi)[0]
        status_text = "الصوت غير متاح."
        if bidi == "app":
            # Mirrored: the status at the left, the title at the right.
            assert status.region.right <= title.region.x
            drawn = visual_line(TITLE)[0]
            kept = str(title.render()).strip()
            # Shortened at the end of its reading order: the left end, between words.
            rest = kept.removeprefix(ELLIPSIS)
            assert kept.startswith(ELLIPSIS) and drawn.endswith(rest)
            assert drawn[-len(rest) - 1] == " "
            assert top.rstrip().endswith(visual_line("معلومات عن")[0])
            assert visual_line(status_text)[0] in top
        else:
            # Sent in logical order, cut at its logical end; the terminal turns the title
            # and the status around together: the title's start at the right.
            kept = str(title.render()).strip()
            assert kept == shorten(TITLE, title.content_region.width)
            assert kept.startswith("معلومات عن") and kept.endswith(ELLIPSIS)
            assert top.index("نع تامولعم") > top.index(status_text[:-1][::-1])
        # Never into each other: a blank cell between them, in what is sent and seen.
        gap = status.region.right - 1 if bidi == "app" else status.region.x
        assert cell_of(rows(app)[0], gap) == " "


@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_2_4_7_a_long_status_leaves_the_arabic_title_its_cells(
    make_app: AppFactory, bidi: str
) -> None:
    app = make_app(config(bidi), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await arabic_home(pilot)
        long = " ".join(["الصوت غير متاح."] * 5)
        app.screen.query_one(TopBar).set_status(app.languages.as_drawn(long))
        await pilot.pause()
        bar = app.screen.query_one(TopBar)
        title, status = bar.query_one("#title"), bar.query_one("#status")
        assert title.region.width >= TITLE_MIN_CELLS
        assert not title.region.overlaps(status.region)
        shown = str(status.render()).strip()
        # The status too is shortened at its end of reading: "…" on its left, drawn.
        assert (shown.startswith(ELLIPSIS)) == (bidi == "app")
        assert (shown.endswith(ELLIPSIS)) == (bidi == "terminal")
        assert cell_len(str(status.render())) <= status.content_region.width


async def test_wcag_2_4_7_english_keeps_marker_and_bar_at_the_left(make_app: AppFactory) -> None:
    """Left to right nothing moves: marker and bar at the left, title left, status right."""
    app = make_app(config("app"), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        await pilot.press("enter")
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        say_no_sound(app)
        await pilot.pause()
        item = focused_item(app)
        row = rows(app)[item.content_region.y]
        assert row.startswith(" ▌▶ What is ALS?") and not item.has_class("-rtl")
        top = rows(app)[0]
        assert top.startswith(" ALS information") and top.rstrip().endswith("available.")


async def test_en_5_8_wcag_3_2_1_a_scanned_arabic_group_has_its_bars_on_the_right(
    make_app: AppFactory, clock: ManualClock
) -> None:
    """One switch, Arabic chosen by switch alone: on Home the highlighted group's bars are at
    the right of each topic, and letting the scan run chooses nothing."""
    one_switch = config("app", '[input]\nmode = "one-switch"\n[language]\ndefault = "ar"\n')
    app = make_app(one_switch, locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        arabic = "العربية"

        def at_arabic() -> bool:
            group = highlighted(app)
            return arabic in group or (not group and focused_text_of(app) == arabic)

        for _press in range(3):  # into its group, if it is in one; then Arabic itself
            await scan_until(pilot, clock, at_arabic)
            await press(pilot, clock)
            if isinstance(app.screen, HomeScreen):
                break
        await wait_for_screen(pilot, HomeScreen)
        await scan_until(pilot, clock, lambda: len(highlighted(app)) > 1)
        group = [item for item in app.screen.query(FocusText) if item.has_class("-scan-group")]
        top = rows(app)
        for item in group:
            assert item.direction == "rtl"
            for y in range(item.region.y, item.region.bottom):
                assert cell_of(top[y], item.region.right - 1) == "▐", top[y]
        assert "▌" not in "".join(top)
        for _step in range(40):  # the scan moves on; nothing is chosen
            clock.advance(0.1)
            app.scan.tick()
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


def test_wcag_2_4_7_a_line_is_shortened_at_the_end_of_its_reading_order() -> None:
    drawn = visual_line(TITLE)[0]
    # Drawn right to left: cut at the left, between words, "…" where it was cut.
    assert (
        shorten(drawn, 27, from_left=True) == ELLIPSIS + visual_line("معلومات عن التصلب الجانبي")[0]
    )
    # Logical order (English, or Arabic for a bidi terminal): cut at the right.
    assert shorten(TITLE, 27) == "معلومات عن التصلب الجانبي" + ELLIPSIS
    assert shorten("ALS information", 10) == "ALS" + ELLIPSIS
    assert shorten("Information", 5) == "Info" + ELLIPSIS  # one word: cut within it
    assert shorten("ALS information", 15) == "ALS information" and shorten("ALS", 0) == ""
    assert cell_len(shorten("肌萎缩侧索硬化症信息", 7)) <= 7  # wide characters count as two


# ---------------------------------------------------------------------------- snapshots


@pytest.mark.parametrize("bidi", BIDI)
def test_wcag_2_4_7_wcag_2_1_1_arabic_home_snapshot(
    snap_compare: Snap, make_app: AppFactory, bidi: str
) -> None:
    """Arabic Home at 45×12, the second topic ('الأعراض') focused by the Down key: marker ◀
    and the thick bar at its right, every topic set against the right edge. Top bar: the
    status 'الصوت غير متاح.' and the title 'معلومات عن التصلب الجانبي…' (app: drawn,
    status at the left, title at the right cut at its left end; terminal: in logical order,
    title first, which a bidi terminal shows with the title at the right)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await arabic_home(pilot)
        await pilot.press("down")
        say_no_sound(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    app = make_app(config(bidi), locales_dir=LOCALES)
    assert snap_compare(app, terminal_size=KIOSK_SIZE, run_before=run_before)


@pytest.mark.parametrize("bidi", BIDI)
def test_wcag_2_4_7_wcag_2_1_1_arabic_page_snapshot(
    snap_compare: Snap, make_app: AppFactory, bidi: str
) -> None:
    """The Symptoms page in Arabic at 45×12, at its first bullet: '• ◀' and the bar at the
    right of its first line, the lines after it indented from the right (hanging indent)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await arabic_list_item(pilot)
        say_no_sound(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    app = make_app(config(bidi), locales_dir=LOCALES)
    assert snap_compare(app, terminal_size=KIOSK_SIZE, run_before=run_before)
