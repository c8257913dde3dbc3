"""Privacy: a whole session leaves no file behind anywhere a program could write.

The kiosk runs in a real terminal with its own empty home, temp and working folders; a
scripted session picks a language, opens pages, reads aloud and changes settings; then
every writable place is compared with how it was before: nothing new, nothing changed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CONTENT, LOCALES, REPO
from tests.e2e.namespace import KEEP, keep_environment, made_for_kept
from tests.tmux import TmuxPane, tmux_available, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]

# The kiosk runs in a mount namespace whose /tmp, /var/tmp and /dev/shm are new and
# empty, so nothing any other program writes there meanwhile can be mistaken for the
# kiosk's. Its home, temp and working folders are made inside that /tmp. A checkout or
# virtual environment living under one of those places is put back where it was
# (tests/e2e/namespace.py); `find -xdev` lists the folder but not what is in it, which is
# compared before and after below. When the kiosk ends, everything left in those places is
# listed into REPORT (a file outside).
SESSION = (
    KEEP
    + r"""
exec 3>"$REPORT"  # opened before /tmp is covered: the test reads it from outside
for place in /tmp /var/tmp /dev/shm; do
  mount -t tmpfs tmpfs "$place" || exit 4
  put_back "$place"
done
close_kept
mkdir -p /tmp/home /tmp/tmp /tmp/work && cd /tmp/work
"$@"
find /tmp /var/tmp /dev/shm -xdev -mindepth 1 >&3
echo done >&3
"""
)
MADE_HERE = {"/tmp/home", "/tmp/tmp", "/tmp/work"}


def files_under(root: Path) -> Iterator[tuple[str, int, int]]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]  # other tests' Python, not data
        for name in [*names, *dirs]:
            path = Path(folder) / name
            info = path.lstat()
            yield str(path), info.st_size, info.st_mtime_ns


def tree(places: list[Path]) -> set[tuple[str, int, int]]:
    return {entry for place in places for entry in files_under(place)}


def test_a_whole_session_writes_nothing_anywhere(tmp_path: Path) -> None:
    report = tmp_path / "left-behind.txt"
    private = [CONTENT, LOCALES, REPO / "kiosk"]
    before = tree(private)
    environment = {
        "REPORT": str(report),
        "HOME": "/tmp/home",
        "TMPDIR": "/tmp/tmp",
        "XDG_CACHE_HOME": "/tmp/home/.cache",
        "XDG_CONFIG_HOME": "/tmp/home/.config",
        "XDG_DATA_HOME": "/tmp/home/.local/share",
        "XDG_STATE_HOME": "/tmp/home/.local/state",
        # pip compiles the kiosk when it installs it; an editable test install would
        # otherwise write bytecode next to the source on first run.
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [
        "env",
        *(f"{key}={value}" for key, value in environment.items()),
        keep_environment(),
        *["unshare", "--mount", "--map-root-user", "sh", "-c", SESSION, "sh"],
        *[sys.executable, "-m", "kiosk", "--content", str(CONTENT), "--locales", str(LOCALES)],
    ]
    with TmuxPane(command, 100, 30) as pane:
        pane.wait_for(lambda s: "▶ English" in s and "Español" in s)
        pane.press("Down", "Down", "Enter")  # Español (after العربية)
        pane.wait_for(lambda s: "▶ ¿Qué es la ELA?" in s)
        pane.press(*["Down"] * 8, "Enter")  # the stem-cell page
        pane.wait_for(lambda s: "células madre" in s)
        pane.press("Down", "Space")
        pane.wait_for(lambda s: "Leyendo" in s, timeout=60)
        pane.press("F8", "=", "n", "s", "Escape")
        pane.wait_for(lambda s: "▶ Terapia con células madre" in s)
        pane.press(*["Down"] * 7, "Enter")  # Ajustes
        pane.wait_for(lambda s: "▶ Controles" in s)
        pane.press("Down", "Down", "Enter", "Down", "Enter")  # another colour scheme
        pane.wait_for(lambda s: "▶ Colores" in s)
        shell = int(pane.tmux("display", "-p", "-t", "kiosk", "#{pane_pid}"))
        kiosk = subprocess.run(
            ["pgrep", "-P", str(shell)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
        os.kill(int(kiosk), signal.SIGTERM)  # as systemctl stop does
        assert wait_until(lambda: "done" in report.read_text(), timeout=20)
    after = tree(private)
    assert sorted(after - before) == []  # pages, translations and code untouched
    left = set(report.read_text().splitlines()) - MADE_HERE - made_for_kept() - {"done"}
    # The one exception: when the sound library looks for a PulseAudio server, libpulse
    # makes its client folders: a link to its runtime folder, and that folder, empty.
    # They hold nothing about anyone; under systemd they are on the tmpfs of
    # XDG_RUNTIME_DIR and the home is read-only (deploy/als-kiosk.service).
    pulse = {
        "/tmp/home/.config",
        "/tmp/home/.config/pulse",
        *(p for p in left if p.startswith("/tmp/home/.config/pulse/") and p.endswith("-runtime")),
        *(p for p in left if p.startswith("/tmp/tmp/pulse-") and p.count("/") == 3),
    }
    assert sorted(left - pulse) == []
