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


def test_the_whole_journey_with_only_one_key(tmp_path: Path) -> None:
    with TmuxPane(kiosk(tmp_path, "one-switch"), 60, 24) as pane:
        switch = Switches(pane)
        pane.wait_for(lambda s: marked(s, "English"))
        switch.press("1")
        pane.wait_for(
            lambda s: in_group(s, "Stem cell therapy") and "What is ALS?" in s, timeout=40
        )
        switch.press("1")
        pane.wait_for(lambda s: marked(s, "Stem cell therapy"), timeout=40)
        switch.press("1")
        pane.wait_for(lambda s: in_group(s, "Read/Pause"), timeout=40)
        switch.press("1")
        pane.wait_for(lambda s: marked(s, "Read/Pause"), timeout=40)
        switch.press("1")
        pane.wait_for(lambda s: "Reading" in s, timeout=60)
        switch.press("1")  # the scan waited on Read/Pause: one press pauses
        pane.wait_for(lambda s: "Paused" in s, timeout=20)
        pane.wait_for(lambda s: marked(s, "Back"), timeout=60)
        switch.press("1")
        pane.wait_for(lambda s: "What is ALS?" in s and "Does stem cell" not in s, timeout=20)
        assert pane.is_running()


def test_the_whole_journey_with_two_keys(tmp_path: Path) -> None:
    with TmuxPane(kiosk(tmp_path, "two-switch"), 60, 24) as pane:
        switch = Switches(pane)
        pane.wait_for(lambda s: marked(s, "English"))
        switch.press("2")
        pane.wait_for(lambda s: in_group(s, "What is ALS?"))
        switch.press("1")  # next group: Who gets ALS? … Medicines
        pane.wait_for(lambda s: in_group(s, "Medicines"))
        switch.press("1")  # the group of four that starts with the stem-cell topic
        pane.wait_for(lambda s: in_group(s, "Stem cell therapy"))
        switch.press("2")
        pane.wait_for(marked_now("Stem cell therapy"))
        switch.press("2")
        pane.wait_for(lambda s: in_group(s, "Read/Pause") and in_group(s, "Back"))
        switch.press("2")  # into the first group of controls: Back … Previous sentence
        pane.wait_for(lambda s: marked(s, "Back") and not in_group(s, "Read/Pause"))
        switch.press("1")
        pane.wait_for(lambda s: marked(s, "Read/Pause"))
        switch.press("2")
        pane.wait_for(lambda s: "Reading" in s, timeout=60)
        switch.press("2")
        pane.wait_for(lambda s: "Paused" in s)
        # Step on through Stop, Repeat, Previous sentence and round to Back.
        for label in ("Stop", "Repeat", "Previous sentence", "Back"):
            switch.press("1")
            pane.wait_for(marked_now(label))
        switch.press("2")
        pane.wait_for(lambda s: "What is ALS?" in s and "Does stem cell" not in s)
        assert pane.is_running()
