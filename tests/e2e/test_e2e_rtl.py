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
from tests.tmux import TmuxPane, installed_kiosk, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]

TITLE = "معلومات عن التصلب الجانبي الضموري"
BAR_AND_SCROLLBAR = " ▐▁▂▃▄▅▆▇█"


def kiosk(tmp_path: Path, bidi: str) -> list[str]:
    config = tmp_path / "kiosk.toml"
    # No speech: the top bar holds the title alone, the same on every machine.
    config.write_text(f'[display]\nbidi = "{bidi}"\n[speech]\nenabled = false\n')
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
