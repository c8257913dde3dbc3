"""Keep the kiosk running: restart it within a second if it ever exits or crashes.

systemd restarts the whole terminal if the supervisor itself dies (deploy/); this loop
restarts only the kiosk, inside the same terminal, so a crash costs about a second
instead of the compositor and terminal starting again. What it logs is the exit code and
nothing else: no page, key or text of anyone's session (privacy).
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from collections.abc import Sequence
from types import FrameType

RESTART_DELAY = 0.3
"""Seconds before a restart: long enough not to spin, short enough to be back within 2 s."""

log = logging.getLogger("als-kiosk.ops.supervisor")


class Supervisor:
    def __init__(self, command: Sequence[str], restart_delay: float = RESTART_DELAY) -> None:
        self.command = list(command)
        self.restart_delay = restart_delay
        self.restarts = 0
        self._child: subprocess.Popen[bytes] | None = None
        self._stopping = False

    def stop(self, signum: int = signal.SIGTERM, _frame: FrameType | None = None) -> None:
        """A technician (systemctl stop) ends the kiosk: stop the child, do not restart."""
        self._stopping = True
        if self._child is not None and self._child.poll() is None:
            self._child.terminate()

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGHUP, self.stop)
        # Between two runs of the kiosk the terminal is briefly in cooked mode: Ctrl+C or
        # Ctrl+Z there must not end or stop the supervisor (the kiosk lock).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTSTP, signal.SIG_IGN)
        while not self._stopping:
            started = time.monotonic()
            self._child = subprocess.Popen(self.command)
            code = self._child.wait()
            if self._stopping:
                break
            self.restarts += 1
            log.warning(
                "kiosk exited with code %s after %.0f s; restarting (restart %d)",
                code,
                time.monotonic() - started,
                self.restarts,
            )
            time.sleep(self.restart_delay)
        return 0
