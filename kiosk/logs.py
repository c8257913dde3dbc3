"""Where the kiosk's own problems go: the system journal, never the kiosk's screen.

The kiosk's terminal is what a visitor sees, so nothing is logged there. Under systemd,
messages go to the journal through /dev/log (`journalctl -t als-kiosk`); where there is
no system log they are dropped. Only problems are logged, never what anyone read or
pressed (privacy), and never the text of a page or translation.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

SYSLOG_SOCKET = Path("/dev/log")


def configure_logging() -> None:
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    for old in list(root.handlers):
        root.removeHandler(old)
    handler: logging.Handler = logging.NullHandler()
    if SYSLOG_SOCKET.exists():
        try:
            handler = logging.handlers.SysLogHandler(address=str(SYSLOG_SOCKET))
            handler.ident = "als-kiosk: "
        except OSError:
            handler = logging.NullHandler()
    root.addHandler(handler)
    # Python's own "--- Logging error ---" reports go to stderr, the kiosk's screen.
    logging.raiseExceptions = False


def describe_error(error: BaseException) -> str:
    """An error as a technician needs it: its type and where it happened. Not its message,
    which may quote a page or a translation."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{where}"
