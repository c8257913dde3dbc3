"""Privacy: a whole session leaves no file behind anywhere a program could write.

The kiosk runs in a real terminal with its own empty home, temp and working folders; a
scripted session picks a language, opens pages, reads aloud and changes settings; then
every writable place is compared with how it was before: nothing new, nothing changed.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CONTENT, LOCALES, REPO
from tests.tmux import TmuxPane, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
]

SHARED_PLACES = (Path("/dev/shm"), Path("/var/tmp"), Path("/tmp"))
OTHERS = ("pytest-of-", "tmux-", "kiosk-test-")
"""What other tests and tmux itself keep in /tmp while this runs."""


def files_under(root: Path, *, shared: bool) -> Iterator[tuple[str, int, int]]:
    for folder, dirs, names in os.walk(root):
        if shared and any(part.startswith(OTHERS) for part in Path(folder).parts):
            continue
        for name in [*names, *dirs]:
            if shared and name.startswith(OTHERS):
                continue
            path = Path(folder) / name
            try:
                info = path.lstat()
            except OSError:
                continue  # gone in between: someone else's
            yield str(path), info.st_size, info.st_mtime_ns


def tree(private: list[Path]) -> set[tuple[str, int, int]]:
    """Every file and folder, with its size and time, in these places and the shared ones."""
    entries = {entry for place in private for entry in files_under(place, shared=False)}
    return entries | {e for place in SHARED_PLACES for e in files_under(place, shared=True)}


def test_a_whole_session_writes_nothing_anywhere(tmp_path: Path) -> None:
    home, temp, work = tmp_path / "home", tmp_path / "tmp", tmp_path / "work"
    for folder in (home, temp, work):
        folder.mkdir()
    private = [home, temp, work, CONTENT, LOCALES, REPO / "kiosk"]
    before = tree(private)
    environment = {
        "HOME": str(home),
        "TMPDIR": str(temp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        # pip compiles the kiosk when it installs it; an editable test install would
        # otherwise write bytecode next to the source on first run.
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [
        "env",
        *(f"{key}={value}" for key, value in environment.items()),
        "sh",
        "-c",
        f'cd "{work}" && exec "$@"',
        "sh",
        sys.executable,
        "-m",
        "kiosk",
    ]
    with TmuxPane(command, 100, 30) as pane:
        pane.wait_for(lambda s: "▶ English" in s and "Español" in s)
        pane.press("Down", "Down", "Enter")  # Español (after العربية)
        pane.wait_for(lambda s: "▶ ¿Qué es la ELA?" in s)
        pane.press(*["Down"] * 7, "Enter")  # the stem-cell page
        pane.wait_for(lambda s: "células madre" in s)
        pane.press("Down", "Space")
        pane.wait_for(lambda s: "Leyendo" in s, timeout=60)
        pane.press("F8", "=", "n", "s", "Escape")
        pane.wait_for(lambda s: "▶ Terapia con células madre" in s)
        pane.press(*["Down"] * 4, "Enter")  # Ajustes
        pane.wait_for(lambda s: "▶ Controles" in s)
        pane.press("Down", "Down", "Enter", "Down", "Enter")  # another colour scheme
        pane.wait_for(lambda s: "▶ Colores" in s)
        pid = int(pane.tmux("display", "-p", "-t", "kiosk", "#{pane_pid}"))
        os.kill(pid, signal.SIGTERM)  # as systemctl stop does
        pane.wait_for(lambda s: not pane.is_running() or "Colores" not in s)
    after = tree(private)
    new_or_changed = sorted(path for path, _size, _time in after - before)
    # The one exception: when the sound library looks for a PulseAudio server, libpulse
    # makes its client folders (a link to its runtime folder, and that folder, empty).
    # They hold nothing about anyone; under systemd they are on the tmpfs of
    # XDG_RUNTIME_DIR and the home is read-only (deploy/als-kiosk.service).
    pulse = [home / ".config", home / ".config" / "pulse", *temp.glob("pulse-*")]
    pulse += (home / ".config" / "pulse").glob("*-runtime")
    for path in pulse:
        files = [f for f in path.rglob("*") if f.is_file() and not f.is_symlink()]
        assert path.is_symlink() or not files, f"{path} holds {files}"
    allowed = {str(path) for path in pulse}
    unexpected = [path for path in new_or_changed if path not in allowed]
    assert not unexpected, unexpected
