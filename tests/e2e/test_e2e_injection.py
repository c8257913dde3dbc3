"""The injection corpus (tests/corpus.py) in a real terminal: no title, clipboard or link
is set, whatever a page carries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.corpus import evil_page
from tests.tmux import TmuxPane, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]


def test_in_a_real_terminal_no_title_clipboard_or_link_is_set(tmp_path: Path) -> None:
    evil_page(tmp_path / "content")
    # No language has translated this page, so the kiosk starts on Home, in English.
    command = [sys.executable, "-m", "kiosk", "--content", str(tmp_path / "content")]
    with TmuxPane(command, 100, 30) as pane:
        pane.tmux("set-option", "-g", "set-clipboard", "on")
        pane.tmux("set-option", "-g", "allow-rename", "on")
        pane.wait_for(lambda s: "▶ Evil page" in s)
        pane.press("Enter")
        pane.wait_for(lambda s: "csi clear screen" in s)
        seen = ""
        for _ in range(25):
            pane.press("Down")
            seen += pane.screen()
        pane.wait_for(lambda s: "xxxxxxxx" in s)
        title = pane.tmux("display", "-p", "-t", "kiosk", "#{pane_title}")
        assert "owned" not in title
        buffers = pane.tmux("list-buffers", "-F", "#{buffer_sample}")
        assert "evil" not in buffers and "ZXZpbA" not in buffers
        with_escapes = pane.tmux("capture-pane", "-e", "-p", "-t", "kiosk")
        assert "\x1b]8;" not in with_escapes and "osc8.example" not in with_escapes
        assert "[@click=app.quit]quit[/]" in seen  # shown as the text it is
        assert pane.is_running()
