"""The patient journey in a real terminal with only one key, and again with two.

Pick a language, open the stem-cell page, read it aloud, pause, go back: every step by
switch presses sent with tmux, nothing else. Real time: one-switch scanning at 1.5 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tmux import TmuxPane, installed_kiosk, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]


def kiosk(tmp_path: Path, mode: str) -> list[str]:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[input]\nmode = "{mode}"\n')
    command = installed_kiosk()
    return [*command, "--config", str(config)]


class Switches:
    """Presses at a person's pace: the kiosk ignores a second press within 0.3 s (tremor
    filter, EN 301 549 5.8), so no one can press faster than that."""

    def __init__(self, pane: TmuxPane) -> None:
        self.pane = pane

    def press(self, key: str) -> None:
        time.sleep(0.5)
        self.pane.press(key)


def marked(screen: str, label: str) -> bool:
    return any(
        line.strip().lstrip("▌").strip().startswith(f"▶ {label}") for line in screen.splitlines()
    )


def marked_now(label: str) -> Callable[[str], bool]:
    return lambda screen: marked(screen, label)


def in_group(screen: str, label: str) -> bool:
    """A scanned group shows the bar on each of its items."""
    return any(line.lstrip().startswith("▌") and label in line for line in screen.splitlines())


def top_line(screen: str) -> str:
    return screen.splitlines()[0] if screen else ""


CONTROLS_LINE = "Controls: Read, Back, Speed, Volume"


def test_en_5_8_wcag_2_1_1_one_switch_hears_the_stem_cell_answer_at_45x12(
    tmp_path: Path,
) -> None:
    """The kiosk's real size, one key: the page opens on its text, one press reads it (the
    top bar says so while the answer is on screen), one press pauses, and Back is two
    presses away through the controls line."""
    with TmuxPane(kiosk(tmp_path, "one-switch"), 45, 12) as pane:
        switch = Switches(pane)
        pane.wait_for(lambda s: marked(s, "English"), timeout=40)
        switch.press("1")
        # 16 items on Home with every language: four groups of four; the third starts
        # with the stem-cell topic.
        pane.wait_for(lambda s: in_group(s, "Stem cell therapy"), timeout=60)
        switch.press("1")
        pane.wait_for(marked_now("Stem cell therapy"), timeout=40)
        switch.press("1")
        pane.wait_for(
            lambda s: (
                marked(s, "Does stem cell therapy help ALS?")
                and "You may see stem cell treatments" in s
                and CONTROLS_LINE in s
                and "Read/Pause" not in s
            ),
            timeout=20,
        )
        switch.press("1")  # the scan starts on the text: one press reads it
        screen = pane.wait_for(
            lambda s: "Reading" in top_line(s) and "The short answer" in s, timeout=60
        )
        assert "Back" not in screen.replace(CONTROLS_LINE, "")
        switch.press("1")  # while the page is read, a press pauses it
        pane.wait_for(lambda s: "Paused" in top_line(s), timeout=20)
        pane.wait_for(marked_now("Controls"), timeout=60)
        switch.press("1")
        pane.wait_for(marked_now("Back"), timeout=60)
        switch.press("1")
        pane.wait_for(lambda s: "What is ALS?" in s and "Does stem cell" not in s, timeout=20)
        assert pane.is_running()


def test_en_5_8_wcag_2_1_1_two_switches_open_a_topic_on_its_text_at_45x12(
    tmp_path: Path,
) -> None:
    """Two keys at the kiosk's real size: the topic opens with its text on screen and the
    controls as one line; reading, pausing and Back all by the two switches."""
    with TmuxPane(kiosk(tmp_path, "two-switch"), 45, 12) as pane:
        switch = Switches(pane)
        pane.wait_for(lambda s: marked(s, "English"))
        switch.press("2")
        pane.wait_for(lambda s: in_group(s, "What is ALS?"))
        switch.press("1")  # next group: Who gets ALS? … Medicines
        pane.wait_for(lambda s: in_group(s, "Who gets ALS?"))
        switch.press("1")  # the group of four that starts with the stem-cell topic
        pane.wait_for(lambda s: in_group(s, "Stem cell therapy"))
        switch.press("2")
        pane.wait_for(marked_now("Stem cell therapy"))
        switch.press("2")
        screen = pane.wait_for(
            lambda s: (
                marked(s, "Does stem cell therapy help ALS?")
                and "You may see stem cell treatments" in s
                and CONTROLS_LINE in s
            )
        )
        controls = [line for line in screen.splitlines() if "Controls" in line]
        assert len(controls) == 1 and "Read/Pause" not in screen
        switch.press("2")
        pane.wait_for(lambda s: "Reading" in top_line(s), timeout=60)
        switch.press("2")
        pane.wait_for(lambda s: "Paused" in top_line(s))
        switch.press("1")
        pane.wait_for(marked_now("Controls"))
        switch.press("2")
        pane.wait_for(lambda s: marked(s, "Read/Pause") and "Hide controls" in s)
        switch.press("1")
        pane.wait_for(marked_now("Back"))
        switch.press("2")
        pane.wait_for(lambda s: "What is ALS?" in s and "Does stem cell" not in s)
        assert pane.is_running()
