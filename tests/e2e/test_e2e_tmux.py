"""End to end in a real terminal: the installed `als-kiosk` in a 100×30 tmux pane."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.tmux import TmuxPane, installed_kiosk, tmux_available, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]


def kiosk_command(tmp_path: Path) -> list[str]:
    config = tmp_path / "kiosk.toml"
    config.write_text('[display]\ntheme = "dark"\n')
    command = installed_kiosk()
    return [*command, "--config", str(config), "--content", str(CONTENT)]


def choose_english(pane: TmuxPane) -> None:
    """The kiosk opens on the language picker; English is the first language."""
    pane.wait_for(lambda s: "▶ English" in s and "Español" in s)
    pane.press("Enter")


def cursor_on_marker(pane: TmuxPane) -> bool:
    """The terminal cursor sits on the focus marker (screen readers follow the cursor)."""
    return wait_until(lambda: pane.cursor() == marker_position(pane.screen()))


def marker_position(screen: str) -> tuple[int, int]:
    for row, line in enumerate(screen.splitlines()):
        if "▶" in line:
            return line.index("▶"), row
    raise AssertionError(f"no focus marker on screen:\n{screen}")


def test_reach_the_stem_cell_page_with_kiosk_keys_and_cursor_follows_focus(
    tmp_path: Path,
) -> None:
    with TmuxPane(kiosk_command(tmp_path), 100, 30) as pane:
        choose_english(pane)
        home = pane.wait_for(lambda s: "Stem cell therapy" in s and "▶" in s)
        assert "▶ What is ALS?" in home
        assert cursor_on_marker(pane)
        pane.press(*["Down"] * 8)
        pane.wait_for(lambda s: "▶ Stem cell therapy" in s)
        assert cursor_on_marker(pane), (pane.cursor(), pane.screen())
        pane.press("Enter")
        page = pane.wait_for(lambda s: "▶ Does stem cell therapy help ALS?" in s)
        assert "Esc Back" in page
        pane.press("Down", "Down", "Down")
        pane.wait_for(lambda s: "▶ What is approved" in s)
        assert cursor_on_marker(pane), (pane.cursor(), pane.screen())


def test_escape_keys_leave_the_kiosk_running(tmp_path: Path) -> None:
    with TmuxPane(kiosk_command(tmp_path), 100, 30) as pane:
        choose_english(pane)
        pane.wait_for(lambda s: "▶ What is ALS?" in s)
        pane.press("Enter")
        pane.wait_for(lambda s: "▶ What is ALS?" in s and "Esc Back" in s)
        for key in ("C-q", "C-c", "C-z", "C-\\", "C-p", "C-d", "Escape", "F1", "C-s", "q"):
            pane.press(key)
        screen = pane.wait_for(lambda s: "Enter Open" in s)  # Escape went back to Home
        assert pane.is_running()
        assert "Traceback" not in screen
        pane.press("Down")
        pane.wait_for(lambda s: "▶ Symptoms" in s)
        assert pane.is_running()


def test_nothing_the_speech_engine_or_audio_prints_reaches_the_terminal(tmp_path: Path) -> None:
    """pyttsx3 prints 'Audio saved to …', eSpeak NG and ALSA write to stderr: none of it may
    show. Speech runs for real here (NULL audio device, as on every machine without sound)."""
    with TmuxPane(kiosk_command(tmp_path), 100, 30) as pane:
        choose_english(pane)
        pane.wait_for(lambda s: "▶ What is ALS?" in s)
        pane.press("Enter")
        pane.wait_for(lambda s: "Read/Pause" in s)
        pane.press("Down", "Space")
        # Generous: the first sentence waits for the engine and the device probe, and CI
        # machines are shared.
        pane.wait_for(lambda s: "Reading" in s, timeout=60)
        pane.press("=", "F8", "n", "r")
        screen = pane.wait_for(lambda s: "Volume" in s or "Speed" in s or "Reading" in s)
        history = pane.tmux("capture-pane", "-p", "-S", "-1000", "-t", "kiosk")
        for leak in ("Audio saved", "ALSA", "aplay", "espeak", "Traceback", "Error"):
            assert leak not in history, f"{leak!r} reached the terminal:\n{history}"
        assert "ALS information" in screen and pane.is_running()
