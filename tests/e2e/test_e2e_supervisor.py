"""A crashed kiosk is back within 2 s: the supervisor loop in a real terminal (tmux)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.tmux import TmuxPane, tmux_available, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]


def kiosk_child(supervisor_pid: int) -> int | None:
    result = subprocess.run(
        ["pgrep", "-P", str(supervisor_pid), "-f", "kiosk run"],
        capture_output=True,
        text=True,
        check=False,
    )
    pids = result.stdout.split()
    return int(pids[0]) if pids else None


def test_a_killed_kiosk_is_restarted_by_its_supervisor_within_2_seconds(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[speech]\nenabled = false\n", encoding="utf-8")
    command = [sys.executable, "-m", "kiosk", "supervise", "--config", str(config)]
    with TmuxPane([*command, "--content", str(CONTENT)], 100, 30) as pane:
        pane.wait_for(lambda s: "▶ English" in s)
        pane.press("Enter")
        pane.wait_for(lambda s: "▶ What is ALS?" in s)
        supervisor = int(pane.tmux("display", "-p", "-t", "kiosk", "#{pane_pid}"))
        for crash in (signal.SIGKILL, signal.SIGSEGV):
            first = kiosk_child(supervisor)
            assert first is not None
            os.kill(first, crash)
            killed_at = time.monotonic()
            assert wait_until(
                lambda gone=first: kiosk_child(supervisor) not in (None, gone),  # type: ignore[misc]
                timeout=2.0,
            )
            restarted = time.monotonic() - killed_at
            assert restarted <= 2.0
            # The new kiosk starts on the language picker, like for a new person.
            screen = pane.wait_for(lambda s: "▶ English" in s, timeout=20)
            assert "Traceback" not in screen and "Segmentation" not in screen
            pane.press("Enter")
            pane.wait_for(lambda s: "▶ What is ALS?" in s)
        # Ctrl+C and Ctrl+Z reach the kiosk as keys, and never stop the supervisor.
        pane.press("C-c", "C-z")
        time.sleep(0.5)
        assert pane.is_running() and kiosk_child(supervisor) is not None
