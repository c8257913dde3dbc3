"""The README's recipe works as written: its packages bring what `als-kiosk launch` needs,
and the command the service runs (cage running foot running the kiosk) stays up.

cage runs on wlroots' headless backend with the pixman renderer (no screen, no GPU). On
these machines wlroots' "basic output test" fails for the headless output, so cage never
shows a frame after foot's first one and no picture of the kiosk can be taken; what is
checked is that the whole chain starts and keeps running, and the size of the terminal
foot gives the kiosk (full screen, at the font size `launch` asked for).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from kiosk.config.clinic import DisplaySettings
from kiosk.content.layout import MIN_SIZE
from kiosk.ops.deployment import SYSTEM_PACKAGES, points_for
from kiosk.ops.fonts import fallback_fonts, font_for, fontconfig_language, terminal_fonts
from tests.conftest import LOCALES

TOOLS = ("cage", "foot", "Xwayland", "fc-match")
"""Programs the kiosk computer needs. Without Xwayland or fontconfig the tests fail rather
than skip: a missing one is the fault they are here to catch."""
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("cage") is None or shutil.which("foot") is None,
        reason="the test command installs cage and foot",
    ),
]
SHIPPED = ["en", *sorted(path.name for path in LOCALES.iterdir() if path.is_dir())]
HEADLESS_DPI = 96
"""The headless output has no physical size, so foot (dpi-aware) renders at 96 dpi."""


def debian_package(path: str) -> str:
    """The Debian package that installed this file (dpkg knows it by its real path)."""
    for candidate in (path, os.path.realpath(path)):
        result = subprocess.run(
            ["dpkg-query", "--search", candidate], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0]
    raise AssertionError(f"no Debian package installed {path}")


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="Debian's dpkg names packages")
def test_the_readme_installs_every_program_and_font_the_kiosk_uses() -> None:
    """The programs launch runs (cage needs Xwayland: cage 0.1.4 exits at once without
    it, cage-kiosk/cage#293), fontconfig for doctor, and the font that draws each shipped
    language all come from packages the README's apt line names (SYSTEM_PACKAGES:
    tests/unit/test_deploy.py keeps the two equal)."""
    packages = SYSTEM_PACKAGES
    for tool in TOOLS:
        path = shutil.which(tool)
        assert path is not None, f"{tool} is not installed"
        assert debian_package(path) in packages, f"{tool} ({path})"
    fonts = fallback_fonts(terminal_fonts(DisplaySettings().font, SHIPPED))
    for tag in SHIPPED:
        font = font_for(fontconfig_language(tag), fonts)
        assert font is not None, f"no font draws {tag}"
        assert debian_package(font.file) in packages, f"{tag}: {font.family} ({font.file})"


def terminal_size(pid: int) -> tuple[int, int, int, int]:
    """(rows, columns, width px, height px) of the terminal this process reads from."""
    fd = os.open(f"/proc/{pid}/fd/0", os.O_RDONLY | os.O_NOCTTY)
    try:
        packed = fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8)
    finally:
        os.close(fd)
    rows, columns, width, height = struct.unpack("HHHH", packed)
    return rows, columns, width, height


def children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of each child process."""
    found: list[tuple[int, str]] = []
    try:
        listed = " ".join(
            (task / "children").read_text() for task in Path(f"/proc/{pid}/task").iterdir()
        )
    except FileNotFoundError:  # it has just exited
        return found
    for child in listed.split():
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        except FileNotFoundError:
            continue
        found.append((int(child), command.decode(errors="replace").strip()))
    return found


def chain(root: int, *names: str) -> list[int]:
    """The pids below `root` whose command lines contain each name in turn (child of the
    previous one); as far as it goes."""
    pids: list[int] = []
    parent = root
    for name in names:
        match = next((pid for pid, command in children(parent) if name in command), None)
        if match is None:
            break
        pids.append(match)
        parent = match
    return pids


CAGE_STOP_ABORT = "wl_display_terminate: Assertion"
"""Debian 12's cage 0.1.4 aborts on SIGTERM (libwayland's wl_display_terminate assertion,
cage-kiosk/cage#339): docs/dependencies.md, cage and foot."""


def stopped_by_sigterm(cage: subprocess.Popen[bytes], pids: list[int], log: Path) -> None:
    """`systemctl stop` sends cage SIGTERM: cage ends within 10 s and foot, the supervisor
    and the kiosk end with it (none left on the screen or restarting). cage 0.1.4 ends by
    aborting on an assertion (CAGE_STOP_ABORT), harmless; any other way of ending fails."""
    cage.send_signal(signal.SIGTERM)
    cage.wait(timeout=10)
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists()]
        time.sleep(0.1)
    text = log.read_text(errors="replace")
    assert not alive, f"still running after cage stopped: {alive}\n{text}"
    if cage.returncode != 0:
        assert cage.returncode == -signal.SIGABRT and CAGE_STOP_ABORT in text, (
            f"cage ended with {cage.returncode}:\n{text}"
        )


@pytest.mark.slow  # the kiosk is watched running under cage for 10 s
def test_the_service_command_runs_the_kiosk_under_cage_for_10_seconds(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    outer = ("WAYLAND_DISPLAY", "DISPLAY", "ALS_KIOSK_CONFIG")  # the built-in defaults
    env = {k: v for k, v in os.environ.items() if k not in outer}
    env |= {
        "XDG_RUNTIME_DIR": str(runtime),
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
    }
    launch = [sys.executable, "-m", "kiosk", "launch"]  # what the unit's ExecStart runs
    if os.geteuid() == 0:
        # cage refuses to run as root ("Unable to drop root"); the unit runs it as the
        # kiosk user. Here: a user namespace in which this user is uid 1000.
        launch = ["unshare", "--map-user=1000", "--map-group=1000", *launch]
    log = tmp_path / "cage.log"
    with log.open("wb") as output:
        cage = subprocess.Popen(
            launch, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    pids: list[int] = []
    try:
        # unshare execs launch, which execs cage: the process started is cage.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and cage.poll() is None:
            pids = chain(cage.pid, "foot", "kiosk supervise", "kiosk run")
            if len(pids) == 3:
                break
            time.sleep(0.2)
        text = log.read_text(errors="replace")
        assert cage.poll() is None, f"cage exited with {cage.returncode}:\n{text}"
        assert len(pids) == 3, f"only {pids} of foot, supervise, run started:\n{text}"
        assert Path(f"/proc/{cage.pid}/cmdline").read_bytes().split(b"\0")[0] == b"cage"
        foot, supervisor, kiosk = pids
        time.sleep(10)
        text = log.read_text(errors="replace")
        assert "Cannot create XWayland server" not in text
        assert cage.poll() is None, f"cage exited with {cage.returncode}:\n{text}"
        # The same kiosk process 10 s later: it was not restarted by its supervisor.
        assert chain(cage.pid, "foot", "kiosk supervise", "kiosk run") == pids, text
        display = DisplaySettings()
        points = points_for(display.viewing_distance_cm)
        # foot cuts up its arguments in place as it parses them (',' and '=' become NULs).
        foot_command = re.sub("[\0,=]", " ", Path(f"/proc/{foot}/cmdline").read_text())
        # Simplified Chinese is shipped: its font is named after DejaVu (fontconfig's own
        # fallback would draw it with Japanese shapes).
        font = f"--font={display.font}:size={points},Noto Sans Mono CJK SC:size={points}"
        assert f"foot {re.sub('[,=]', ' ', font)} --override" in foot_command, foot_command
        # foot filled the 1280×720 headless output and draws at the size launch asked
        # for (an em of 29 pt is 38.7 px at 96 dpi; foot's default 8 pt would be 10.7 px).
        rows, columns, width, height = terminal_size(kiosk)
        assert terminal_size(supervisor) == (rows, columns, width, height)
        assert columns >= MIN_SIZE[0] and rows >= MIN_SIZE[1], (rows, columns)
        assert width > 1200 and height > 660, (width, height)
        em_px = points * HEADLESS_DPI / 72
        assert em_px <= height / rows <= 1.4 * em_px, (height, rows, em_px)
        stopped_by_sigterm(cage, pids, log)
    finally:
        with contextlib.suppress(ProcessLookupError):  # cage has gone, and all with it
            os.killpg(cage.pid, signal.SIGTERM)
        try:
            cage.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(cage.pid, signal.SIGKILL)
            cage.wait()
        # foot gives the kiosk a session of its own; it ends with foot's terminal (SIGHUP),
        # and is stopped here should it not.
        for pid in reversed(pids):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
