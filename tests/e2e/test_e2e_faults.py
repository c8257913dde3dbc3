"""Faults of the machine itself, in a real terminal: a read-only disk, a full disk, a
terminal shrunk to 20×8 and back. The kiosk keeps working and still reads aloud.

The disk faults are real: the kiosk runs in a mount namespace of its own (unshare, no
privileges needed) where every filesystem is remounted read-only, or where every place a
program may write (HOME, TMPDIR, /tmp, /var/tmp, /dev/shm, its working folder) is a
filesystem that is full.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.e2e.namespace import KEEP, keep_environment
from tests.tmux import TmuxPane, tmux_available

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not tmux_available(), reason="the test command installs tmux"),
    pytest.mark.skipif(shutil.which("unshare") is None, reason="util-linux is on every Linux"),
]

READ_ONLY = r"""
awk '{print $2}' /proc/self/mounts | sort -u | while read -r m; do
  case "$m" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/pts|/dev/pts/*) ;;
    *) mount -o remount,bind,ro "$m" 2>/dev/null ;; esac
done
for place in "$HOME" /tmp /dev/shm "$PWD"; do
  if touch "$place/.probe" 2>/dev/null; then echo "$place is writable"; exit 3; fi
done
exec "$@"
"""

# A checkout or virtual environment living under /tmp, /var/tmp or /dev/shm is put back
# over the full filesystem where it was (tests/e2e/namespace.py), as it is when it lives
# anywhere else: every place a program may write is still full.
DISK_FULL = (
    KEEP
    + r"""
config=$(cat "$KIOSK_CONFIG")  # the test's folder is under /tmp, about to be covered
for place in /tmp /var/tmp /dev/shm; do
  mount -t tmpfs -o size=64k tmpfs "$place" || exit 4
  put_back "$place"
  [ "$place" = /var/tmp ] && printf '%s\n' "$config" > /var/tmp/kiosk.toml
  dd if=/dev/zero of="$place/fill" bs=4k 2>/dev/null
  if echo x > "$place/.probe" 2>/dev/null; then echo "$place is not full"; exit 3; fi
done
close_kept
export HOME=/var/tmp TMPDIR=/tmp XDG_CACHE_HOME=/var/tmp XDG_STATE_HOME=/var/tmp
cd /tmp && exec "$@"
"""
)


def kiosk_in(script: str, tmp_path: Path) -> list[str]:
    """The kiosk, with focus speech on (the default), started by `script` in a namespace."""
    config = tmp_path / "kiosk.toml"
    config.write_text('[display]\ntheme = "yellow"\n', encoding="utf-8")
    in_namespace = "/var/tmp/kiosk.toml" if script is DISK_FULL else str(config)
    kiosk = [sys.executable, "-m", "kiosk", "--config", in_namespace, "--content", str(CONTENT)]
    return [
        "env",
        f"KIOSK_CONFIG={config}",
        keep_environment(),
        *["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh", *kiosk],
    ]


def read_a_page_aloud(pane: TmuxPane) -> None:
    pane.wait_for(lambda s: "▶ English" in s)
    pane.press("Enter")
    pane.wait_for(lambda s: "▶ What is ALS?" in s)
    pane.press("Enter")
    pane.wait_for(lambda s: "Read/Pause" in s)
    pane.press("Down", "Space")
    pane.wait_for(lambda s: "Reading" in s, timeout=60)
    pane.press("Escape")
    screen = pane.wait_for(lambda s: "Enter Open" in s)
    assert "Traceback" not in screen and pane.is_running()
    assert "needs fixing" not in screen  # the clinic config was read: nothing is wrong


def test_a_read_only_filesystem_changes_nothing_for_the_reader(tmp_path: Path) -> None:
    with TmuxPane(kiosk_in(READ_ONLY, tmp_path), 100, 30) as pane:
        read_a_page_aloud(pane)


def test_a_full_disk_changes_nothing_for_the_reader(tmp_path: Path) -> None:
    with TmuxPane(kiosk_in(DISK_FULL, tmp_path), 100, 30) as pane:
        read_a_page_aloud(pane)


def test_the_namespaces_really_are_read_only_and_full(tmp_path: Path) -> None:
    """The two scripts refuse to start the kiosk unless the fault is in place."""
    for script, probe in ((READ_ONLY, "touch /tmp/x"), (DISK_FULL, "echo x > /tmp/x")):
        check = f"{probe} 2>/dev/null && exit 5; exit 0"
        command = ["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh"]
        result = subprocess.run(
            [*command, "sh", "-c", check], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_terminal_shrunk_to_20_by_8_asks_to_be_enlarged_and_comes_back(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[speech]\nspeak_focus = false\n", encoding="utf-8")
    command = [sys.executable, "-m", "kiosk", "--config", str(config), "--content", str(CONTENT)]
    with TmuxPane(command, 100, 30) as pane:
        pane.wait_for(lambda s: "▶ English" in s)
        pane.press("Enter")
        pane.wait_for(lambda s: "▶ What is ALS?" in s)
        pane.press("Down")
        pane.wait_for(lambda s: "▶ Symptoms" in s)
        pane.tmux("resize-window", "-t", "kiosk", "-x", "20", "-y", "8")
        small = pane.wait_for(lambda s: "larger" in s)
        assert "Traceback" not in small
        pane.press("Down")  # keys while it is small do no harm
        pane.tmux("resize-window", "-t", "kiosk", "-x", "100", "-y", "30")
        pane.wait_for(lambda s: "▶ " in s and "Enter Open" in s)
        assert pane.is_running()


@pytest.mark.parametrize(
    ("script", "expected"),
    [(READ_ONLY, "ok   disk"), (DISK_FULL, "FIX  disk")],
    ids=["read-only", "full"],
)
def test_doctor_names_the_disk_state(tmp_path: Path, script: str, expected: str) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    doctor = [sys.executable, "-m", "kiosk", "doctor", "--content", str(CONTENT)]
    namespace = ["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh"]
    result = subprocess.run(
        ["env", f"KIOSK_CONFIG={config}", keep_environment(), *namespace, *doctor],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert expected in result.stdout, result.stdout + result.stderr
    if script is DISK_FULL:
        assert "/var/tmp (0 MB free)" in result.stdout and "--vacuum-size" in result.stdout
