"""Arabic, mirrored, in a real terminal at 45×12 (issue #15, item 5).

The installed `als-kiosk` in a tmux pane, which does no bidi: with the default bidi = "app"
what tmux holds is what the person sees. With bidi = "terminal" the kiosk sends logical
order for a terminal that reorders each row itself (VTE); what that terminal shows is
modelled by reordering each captured row as one left-to-right paragraph, as VTE does by
default (tests/bidi_terminal.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from kiosk.i18n.rtl import visual_line
from tests.bidi_terminal import as_a_bidi_terminal_shows
from tests.conftest import CONTENT, LOCALES
from tests.tmux import TmuxPane, installed_kiosk, tmux_available, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]

TITLE = "معلومات عن التصلب الجانبي الضموري"
BAR_AND_SCROLLBAR = " ▐▁▂▃▄▅▆▇█"


def kiosk(tmp_path: Path, bidi: str, extra: str = "[speech]\nenabled = false\n") -> list[str]:
    config = tmp_path / "kiosk.toml"
    # No speech: the top bar holds the title alone, the same on every machine.
    config.write_text(f'[display]\nbidi = "{bidi}"\n' + extra)
    command = installed_kiosk()
    return [*command, "--config", str(config), "--content", str(CONTENT), "--locales", str(LOCALES)]


def seen(screen: str, bidi: str) -> list[str]:
    rows = screen.splitlines()
    return rows if bidi == "app" else [as_a_bidi_terminal_shows(row) for row in rows]


def is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff"


def marked_rows(screen: str, bidi: str) -> list[str]:
    return [row for row in seen(screen, bidi) if "◀" in row]


def marked_at_the_right(bidi: str) -> Callable[[str], bool]:
    """One row has the marker, as the last thing before the bar, right of Arabic words."""

    def check(screen: str) -> bool:
        rows = marked_rows(screen, bidi)
        if len(rows) != 1 or "▶" in screen:
            return False
        before, _, after = rows[0].rstrip(BAR_AND_SCROLLBAR).rpartition("◀")
        return after == "" and any(is_arabic(char) for char in before[-8:])

    return check


def changed_from(before: str) -> Callable[[str], bool]:
    return lambda screen: screen != before


@pytest.mark.parametrize("bidi", ["app", "terminal"])
def test_wcag_2_4_7_wcag_2_1_1_arabic_home_and_page_mirrored_at_45x12(
    tmp_path: Path, bidi: str
) -> None:
    with TmuxPane(kiosk(tmp_path, bidi), 45, 12) as pane:
        pane.wait_for(lambda s: "▶ English" in s)
        pane.press("Down")
        # On the language list the Arabic name has its marker at its right too.
        pane.wait_for(marked_at_the_right(bidi))
        pane.press("Enter")
        home = pane.wait_for(lambda s: "English" not in s and marked_at_the_right(bidi)(s))
        top = seen(home, bidi)[0].rstrip()
        title = visual_line(TITLE)[0] if bidi == "app" else TITLE[::-1]
        assert top.endswith(title), f"the title at the right:\n{home}"
        first = marked_rows(home, bidi)[0]
        pane.press("Down")
        home = pane.wait_for(lambda s: marked_rows(s, bidi) != [first])
        assert marked_at_the_right(bidi)(home), home
        assert "▌" not in home  # no bar at the left
        pane.press("Enter")
        pane.wait_for(lambda s: "Esc" in s and marked_at_the_right(bidi)(s))
        # Down to the first bullet: "• ◀" at the right, its lines indented from the right.
        for _step in range(12):
            screen = pane.screen()
            rows = seen(screen, bidi)
            at = [i for i, row in enumerate(rows) if "• ◀" in row]
            if at:
                break
            pane.press("Down")
            pane.wait_for(changed_from(screen), timeout=5)
        else:
            raise AssertionError(f"no bullet got focus:\n{pane.screen()}")
        first_line, following = rows[at[0]], rows[at[0] + 1]
        width = cell_len(first_line.rstrip(BAR_AND_SCROLLBAR))
        assert first_line.rstrip(BAR_AND_SCROLLBAR).endswith("• ◀"), screen
        # The next line is the same item's (the bar beside it), indented by the marker's
        # and the bullet's four cells.
        assert following.rstrip(" ▁▂▃▄▅▆▇█").endswith("▐"), screen
        text_end = cell_len(following.rstrip(BAR_AND_SCROLLBAR))
        assert text_end <= width - 4 and pane.is_running()


CONTROLS_LINE = "أدوات التحكم:"
"""The start of 'Controls: Read, Back, Speed, Volume' in Arabic (locales/ar)."""
READ_PAUSE = "قراءة/إيقاف مؤقت"
BACK = "رجوع"


def as_sent(text: str, bidi: str) -> str:
    """An Arabic text as the kiosk sends it: drawn (bidi = "app") or in logical order."""
    return visual_line(text)[0] if bidi == "app" else text


def marker_cell(screen: str) -> tuple[int, int]:
    """Column (in cells) and row of the focus marker ◀ as sent: a bidi terminal leaves it
    where it is (it is a neutral at the end of the row), so it is also where it is seen."""
    for y, row in enumerate(screen.splitlines()):
        if "◀" in row:
            return cell_len(row[: row.index("◀")]), y
    raise AssertionError(f"no marker:\n{screen}")


def cursor_on_marker(pane: TmuxPane) -> bool:
    return wait_until(lambda: pane.cursor() == marker_cell(pane.screen()))


def to_arabic_page(pane: TmuxPane, bidi: str) -> str:
    """From the language list to the first topic's page, by keys (they work in every mode)."""
    pane.wait_for(lambda s: "▶ English" in s)
    pane.press("Down")
    pane.wait_for(marked_at_the_right(bidi))
    assert cursor_on_marker(pane), (pane.cursor(), pane.screen())
    pane.press("Enter")
    pane.wait_for(lambda s: "English" not in s and marked_at_the_right(bidi)(s))
    assert cursor_on_marker(pane), (pane.cursor(), pane.screen())
    before = pane.screen()
    pane.press("Enter")
    return pane.wait_for(lambda s: s != before and marked_at_the_right(bidi)(s))


@pytest.mark.parametrize("bidi", ["app", "terminal"])
def test_en_5_8_wcag_2_4_7_arabic_switch_controls_mirrored_at_45x12(
    tmp_path: Path, bidi: str
) -> None:
    """Two switches, a page in Arabic: the controls line, then the controls it opens, are
    Arabic set against the right edge, the marker ◀ at their right and the terminal cursor
    (which screen readers and braille follow) on it."""
    two_switch = '[speech]\nenabled = false\n[input]\nmode = "two-switch"\n'
    with TmuxPane(kiosk(tmp_path, bidi, two_switch), 45, 12) as pane:
        page = to_arabic_page(pane, bidi)
        assert as_sent(CONTROLS_LINE, bidi) in page, page
        assert cursor_on_marker(pane), (pane.cursor(), pane.screen())
        pane.press("1")  # move: the controls line
        line = pane.wait_for(
            lambda s: any(
                as_sent(CONTROLS_LINE, bidi) in row and "◀" in row for row in s.splitlines()
            )
        )
        assert marked_at_the_right(bidi)(line), line
        assert cursor_on_marker(pane), (pane.cursor(), pane.screen())
        pane.press("2")  # select: the controls open, Read/Pause first
        opened = pane.wait_for(
            lambda s: any(as_sent(READ_PAUSE, bidi) in row and "◀" in row for row in s.splitlines())
        )
        assert marked_at_the_right(bidi)(opened), opened
        assert cursor_on_marker(pane), (pane.cursor(), pane.screen())
        # Back, unfocused, is set against the right edge too (two cells for the marker).
        back = next(
            row for row in opened.splitlines() if row.strip(" ▐▁▂▃▄▅▆▇█") == as_sent(BACK, bidi)
        )
        assert cell_len(back.rstrip(BAR_AND_SCROLLBAR)) >= 45 - 5, opened
        assert "▶" not in opened and "Controls" not in opened and pane.is_running()


@pytest.mark.parametrize("bidi", ["app", "terminal"])
def test_wcag_1_3_2_wcag_2_1_1_the_arabic_key_legend_is_one_line_at_45x12(
    tmp_path: Path, bidi: str
) -> None:
    """With speech on, a page's legend names Space (Read/Pause), ↓ and Esc: in Arabic at 45
    columns all three keys on the last row, none left alone on a row of its own, set
    against the right edge (where reading starts)."""
    with TmuxPane(kiosk(tmp_path, bidi, "[speech]\nspeak_focus = false\n"), 45, 12) as pane:
        page = to_arabic_page(pane, bidi)
        *above, legend = page.rstrip("\n").splitlines()
        assert all(key in legend for key in ("Space", "↓", "Esc")), page
        assert as_sent(READ_PAUSE, bidi) in legend and as_sent(BACK, bidi) in legend, page
        assert not any(row.strip() in ("Space", "Esc") for row in above), page
        assert cell_len(legend.rstrip()) == 45 - 1, page  # the bar's padding cell after it
        if bidi == "app":
            # Drawn, reading starts at the right: the first key, Space, is at the right end.
            # (A bidi terminal places Latin keys among Arabic words by its left-to-right
            # rules, which the kiosk cannot change from inside the row: FocusText.)
            assert legend.rstrip().endswith("Space"), page
