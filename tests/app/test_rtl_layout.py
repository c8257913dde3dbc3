"""Right to left, mirrored (issue #15, item 5), at the kiosk's 45×12 in Arabic.

The focus marker (pointing left, at the text), the bullets, the hanging indents and the
focus bar are on the right; the top bar has the title at the right, shortened at the end
of its reading order, and the status at the left, never touching it; the terminal cursor
is on the marker; the page's notices, its last line and the switch controls are Arabic
like the rest; the key legend stays one line, at the right. Each screen is
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

from kiosk.content.layout import MIN_SIZE
from kiosk.content.pages import BlockKind
from kiosk.i18n.rtl import ELLIPSIS, shorten, visual_line
from kiosk.translate import _
from kiosk.ui.app import KioskApp
from kiosk.ui.screens import HomeScreen, PageScreen
from kiosk.ui.screens.language import LanguageScreen
from kiosk.ui.screens.page import BlockView
from kiosk.ui.widgets import ControlBar, ControlItem, FocusText, KeyLegend, TopBar
from kiosk.ui.widgets.legend import GAP, NARROW_GAP, legend_text
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


def as_seen(text: str, bidi: str) -> str:
    """A right-to-left text as the person sees it: drawn by the kiosk (shaped, reordered),
    or reordered by the terminal (unshaped in this model)."""
    return visual_line(text)[0] if bidi == "app" else as_a_bidi_terminal_shows(text)


async def arabic_page(pilot: Pilot[Any]) -> PageScreen:
    """The first topic's page in Arabic, all of it mounted."""
    await arabic_home(pilot)
    app = pilot.app
    await pilot.press("enter")
    await wait_for_screen(pilot, PageScreen)
    await wait_until(pilot, lambda: bool(getattr(app.screen, "complete", False)))
    page = app.screen
    assert isinstance(page, PageScreen)
    return page


async def cursor_on_marker(pilot: Pilot[Any], bidi: str) -> None:
    """The terminal cursor is on the focus marker ◀, in what is sent and what is seen."""
    app = pilot.app
    assert isinstance(app, KioskApp)

    def on_marker() -> bool:
        x, y = app.cursor_position
        return cell_of(rows(app)[y], x) == "◀" and cell_of(seen(app, bidi)[y], x) == "◀"

    try:
        await wait_until(pilot, on_marker)
    except AssertionError:
        shown = "\n".join(rows(app))
        raise AssertionError(f"the cursor is at {app.cursor_position}:\n{shown}") from None


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


@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_2_4_7_the_cursor_is_on_the_arabic_focus_marker(
    make_app: AppFactory, bidi: str
) -> None:
    """Screen readers, magnifiers and braille follow the terminal cursor: on a right-to-left
    item it is on the marker ◀ at the item's right (where reading starts), not at its left,
    on Home, on a page's bullet and on the language list."""
    app = make_app(config(bidi), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        await wait_for_screen(pilot, LanguageScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        await pilot.press(*["down"] * ARABIC)  # the Arabic name, on the language list
        assert focused_item(app).direction == "rtl"
        await cursor_on_marker(pilot, bidi)
        await pilot.press("enter")
        await wait_for_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: app.screen.focused is not None)
        await cursor_on_marker(pilot, bidi)
        await pilot.press("down")
        await cursor_on_marker(pilot, bidi)
        await pilot.press("enter")  # the Symptoms page: its first block, then a bullet
        await wait_for_screen(pilot, PageScreen)
        await cursor_on_marker(pilot, bidi)
        await arabic_list_item_from_page(pilot)
        assert focused_item(app).bullet
        await cursor_on_marker(pilot, bidi)


async def arabic_list_item_from_page(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, KioskApp)
    await wait_until(pilot, lambda: bool(getattr(app.screen, "complete", False)))
    for _step in range(30):
        if focused_item(app).kind is BlockKind.LIST_ITEM:
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError("no bullet on the page")


@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_1_3_2_wcag_3_1_2_arabic_notice_and_last_reviewed_line_right_to_left(
    make_app: AppFactory, bidi: str
) -> None:
    """The note that the translation is not yet checked (Arabic's header says so) and the
    page's last line, 'Last reviewed: … Next review due: …', are Arabic: tagged so (the
    Arabic voice reads them), set against the right edge with the marker at their right,
    and drawn in the order they are read (shaped and reordered with bidi = "app")."""
    app = make_app(config(bidi), locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        page = await arabic_page(pilot)
        notice = page.query_one(".notice", BlockView)
        reviewed = page.query_one(".reviewed", BlockView)
        assert notice.plain_text == _(
            "This translation has not yet been checked by a medical translator."
        )
        assert reviewed.plain_text.startswith("آخر مراجعة: ")
        for item in (notice, reviewed):
            assert (item.lang, item.direction) == ("ar", "rtl") and item.has_class("-rtl")
            assert item.reorder_rtl == (bidi == "app")
            page.focus_item(item)
            await cursor_on_marker(pilot, bidi)
            region = item.content_region
            row = seen(app, bidi)[region.y]
            first_word = item.plain_text.split(" ")[0]
            # Reading starts at the right: the first word just left of the marker. (A bidi
            # terminal puts the sentence's final full stop there, by its left-to-right
            # rules, which the kiosk cannot change from inside the row: FocusText.)
            before = row[: row.rindex("◀")].rstrip(" " if bidi == "app" else " .")
            assert before.endswith(as_seen(first_word, bidi)), row
            assert cell_of(row, region.right - 1) == "◀"
            assert "▶" not in "".join(rows(app))


@pytest.mark.parametrize("bidi", BIDI)
async def test_en_5_8_wcag_1_3_2_arabic_switch_controls_right_to_left(
    make_app: AppFactory, bidi: str
) -> None:
    """Two switches, a page in Arabic at 45×12: the controls line and, once it is chosen,
    each control are Arabic (tag and voice), set against the right edge, drawn in reading
    order, with the marker and the cursor at their right."""
    two_switch = config(bidi, '[input]\nmode = "two-switch"\n')
    app = make_app(two_switch, locales_dir=LOCALES)
    async with app.run_test(size=KIOSK_SIZE) as pilot:
        page = await arabic_page(pilot)
        bar = page.query_one(ControlBar)
        items = list(page.query(ControlItem))
        assert len(items) > 2
        for item in items:
            assert (item.lang, item.direction) == ("ar", "rtl") and item.has_class("-rtl")
            assert item.reorder_rtl == (bidi == "app")

        def shown_at_the_right(item: ControlItem) -> None:
            row = seen(app, bidi)[item.content_region.y]
            first_line = item.plain_text.split(" ")[0]
            kept = row.rstrip(" ▐◀▁▂▃▄▅▆▇█")
            assert kept.endswith(as_seen(first_line, bidi)), row
            # Set against the right edge: no more than the marker's cells after the text.
            assert cell_len(kept) >= item.content_region.right - 2, row

        line = page.query_one("#control-controls", ControlItem)
        page.focus_item(line)
        await cursor_on_marker(pilot, bidi)
        shown_at_the_right(line)
        page.handle_action("controls")
        await pilot.pause()
        assert bar.shown
        first = focused_item(app)
        assert isinstance(first, ControlItem) and first.action == "read"
        await cursor_on_marker(pilot, bidi)
        listed = bar.query_one("#control-list").region
        visible = [item for item in bar.items() if listed.contains_region(item.region)]
        assert len(visible) >= 4
        for item in visible:
            shown_at_the_right(item)
        assert "▶" not in "".join(rows(app)) and "▌" not in "".join(rows(app))


SPEAKING = "[speech]\nspeak_focus = false\n"
"""Speech on (the legend offers Read), not saying each item."""


@pytest.mark.parametrize("size", [KIOSK_SIZE, MIN_SIZE], ids=["45x12", "40x12"])
@pytest.mark.parametrize("bidi", BIDI)
async def test_wcag_1_3_2_wcag_2_1_1_the_arabic_key_legend_is_one_line(
    make_app: AppFactory, bidi: str, size: tuple[int, int]
) -> None:
    """On a page the legend names three keys ('Space قراءة/إيقاف مؤقت', '↓ التالي', 'Esc
    رجوع'). It stays one line, set against the right edge, in reading order: at 45
    columns all of it with narrower gaps; at 40 shortened at the end of its reading order
    (drawn: "…" at its left; sent to a bidi terminal: at its logical end)."""
    app = make_app(f'[display]\nbidi = "{bidi}"\n' + SPEAKING, locales_dir=LOCALES)
    async with app.run_test(size=size) as pilot:
        await arabic_page(pilot)
        legend = app.screen.query_one(KeyLegend)
        assert legend.region.height == 1, "\n".join(rows(app))
        assert legend.region.bottom == size[1]
        logical = legend_text(app.keymap, ("read", "next", "back"))
        narrow = logical.replace(GAP, NARROW_GAP)
        sent = rows(app)[legend.region.y]
        shown = sent.strip()
        width = legend.content_region.width
        # Set against the right edge (the padding cell after it).
        assert cell_len(sent.rstrip()) == legend.content_region.right, sent
        if cell_len(narrow) <= width:
            assert size == KIOSK_SIZE
            assert shown == (visual_line(narrow)[0] if bidi == "app" else narrow)
        elif bidi == "app":
            assert shown.startswith(ELLIPSIS) and shown.endswith("Space")
            assert visual_line(narrow)[0].endswith(shown.removeprefix(ELLIPSIS))
        else:
            assert shown.endswith(ELLIPSIS) and shown.startswith("Space")
            assert narrow.startswith(shown.removesuffix(ELLIPSIS))
        if size == KIOSK_SIZE:
            assert "Esc" in shown and "Space" in shown


# ---------------------------------------------------------------------------- snapshots


@pytest.mark.parametrize("bidi", BIDI)
def test_wcag_2_4_7_wcag_2_1_1_arabic_home_snapshot(
    snap_compare: Snap, make_app: AppFactory, bidi: str
) -> None:
    """Arabic Home at 45×12, the second topic ('الأعراض') focused by the Down key: marker ◀
    and the thick bar at its right, every topic set against the right edge. Top bar: the
    status 'الصوت غير متاح.' and the title 'معلومات عن التصلب الجانبي…' (app: drawn,
    status at the left, title at the right cut at its left end; terminal: in logical order,
    title first, which a bidi terminal shows with the title at the right). The key legend
    at the bottom is set against the right edge too."""

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
    right of its first line, the lines after it indented from the right (hanging indent);
    the key legend set against the right edge."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await arabic_list_item(pilot)
        say_no_sound(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    app = make_app(config(bidi), locales_dir=LOCALES)
    assert snap_compare(app, terminal_size=KIOSK_SIZE, run_before=run_before)
