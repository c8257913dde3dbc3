"""A real terminal for end-to-end tests: the kiosk in a tmux pane, driven by send-keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType


class TmuxPane:
    def __init__(self, command: Sequence[str], width: int, height: int) -> None:
        self.socket = f"kiosk-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height
        self.command = list(command)

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def __enter__(self) -> TmuxPane:
        # COLUMNS/LINES left in the environment (some test tools set them) would make the
        # kiosk believe in another terminal size than the pane's.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "kiosk",
                "-x",
                str(self.width),
                "-y",
                str(self.height),
                *self.command,
            ],
            check=True,
            env=env,
        )
        self.tmux("set-option", "-t", "kiosk", "remain-on-exit", "on")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "kiosk")

    def cursor(self) -> tuple[int, int]:
        x, y = self.tmux("display", "-p", "-t", "kiosk", "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def is_running(self) -> bool:
        return self.tmux("display", "-p", "-t", "kiosk", "#{pane_dead}").strip() == "0"

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "kiosk", key)

    def wait_for(self, condition: Callable[[str], bool], timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out; the screen shows:\n{screen}")


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


def installed_kiosk() -> list[str]:
    """The installed console script, as a technician starts it (python -m kiosk without one)."""
    script = Path(sys.executable).parent / "als-kiosk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kiosk"]
