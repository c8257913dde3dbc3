"""Deployment: the systemd unit, the full-screen command and the letter size it gives."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from kiosk.config.clinic import DisplaySettings
from kiosk.ops.deployment import (
    CONSTRAINTS,
    MIN_CAPITAL_MM,
    SYSTEM_PACKAGES,
    capital_mm_for_points,
    estimate_capital_mm,
    install_command,
    launch_command,
    points_for,
    required_capital_mm,
)
from tests.conftest import REPO

UNIT = REPO / "deploy" / "als-kiosk.service"


def unit_section(name: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser[name]


def verify(unit: Path) -> subprocess.CompletedProcess[str]:
    """systemd-analyze verify, with the unit's ExecStart path leading to this install of the
    kiosk: /opt is replaced by a private, empty folder in a mount namespace of its own.
    The man pages the unit names come with cage and foot on the kiosk computer, not
    here, so they are not looked up (--man=no)."""
    installed = shutil.which("als-kiosk") or str(Path(sys.executable).parent / "als-kiosk")
    script = (
        "mount -t tmpfs tmpfs /opt && mkdir -p /opt/als-kiosk/venv/bin && "
        f"ln -s {shlex.quote(installed)} /opt/als-kiosk/venv/bin/als-kiosk && "
        f"systemd-analyze verify --man=no {shlex.quote(str(unit))}"
    )
    return subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", script],
        capture_output=True,
        text=True,
        check=False,
    )


def test_systemd_analyze_verify_passes_on_the_unit() -> None:
    result = verify(UNIT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_systemd_analyze_verify_would_catch_a_broken_unit(tmp_path: Path) -> None:
    broken = tmp_path / "als-kiosk.service"
    broken.write_text(
        UNIT.read_text(encoding="utf-8").replace("/opt/als-kiosk/venv/bin", "/opt/nowhere"),
        encoding="utf-8",
    )
    result = verify(broken)
    assert result.returncode != 0 and "nowhere" in result.stdout + result.stderr


def test_the_unit_starts_at_boot_restarts_always_and_keeps_nothing() -> None:
    service = unit_section("Service")
    assert service["Restart"] == "always" and float(service["RestartSec"]) <= 1
    assert service["ExecStart"].split()[1] == "launch"
    assert service["PrivateTmp"] == "yes" and service["ProtectHome"] == "read-only"
    assert unit_section("Install")["WantedBy"] == "graphical.target"


def test_launch_prints_cage_running_foot_at_the_right_size(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[display]\nviewing_distance_cm = 90\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "launch", "--print", "--config", str(config)],
        capture_output=True,
        text=True,
        check=True,
    )
    command = shlex.split(result.stdout)
    assert command[:4] == ["cage", "-d", "-s", "--"] and command[4] == "foot"
    size = points_for(90)
    # The shipped languages include simplified Chinese: its font is named after DejaVu,
    # not left to fontconfig's fallback (Japanese shapes on most systems).
    assert f"--font=DejaVu Sans Mono:size={size},Noto Sans Mono CJK SC:size={size}" in command
    kiosk = command[command.index("-m") - 1 :]
    assert kiosk[1:4] == ["-m", "kiosk", "supervise"]
    assert kiosk[-2:] == ["--config", str(config.resolve())]


def test_launch_names_a_font_only_for_the_languages_offered(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[language]\noffered = ["en", "es", "ar"]\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "launch", "--print", "--config", str(config)],
        capture_output=True,
        text=True,
        check=True,
    )
    [font] = [part for part in shlex.split(result.stdout) if part.startswith("--font=")]
    assert (
        font == f"--font=DejaVu Sans Mono:size={points_for(DisplaySettings().viewing_distance_cm)}"
    )


def readme_packages() -> list[str]:
    """The packages of the `sudo apt install` line in README's "Running a kiosk"."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Running a kiosk", 1)[1].split("\n## ", 1)[0]
    [line] = re.findall(r"^sudo apt install (.+)$", section, flags=re.MULTILINE)
    return str(line).split()


def test_the_readme_installs_the_packages_launch_names() -> None:
    """One list (SYSTEM_PACKAGES) for the README's recipe and launch's message; the
    README adds python3-venv, which the kiosk's own install needs."""
    assert readme_packages() == [*SYSTEM_PACKAGES, "python3-venv"]


@pytest.mark.skipif(shutil.which("foot") is None, reason="the test command installs foot")
def test_foot_accepts_every_option_the_kiosk_gives_it() -> None:
    """foot --check-config rejects an unknown option or key-binding name."""
    command = launch_command(DisplaySettings(), ["als-kiosk", "supervise"], ["zh_Hans", "ja"])
    options = command[command.index("foot") + 1 : command.index("als-kiosk")]
    assert options[0].count(",") == 2  # DejaVu, then the Chinese and Japanese fonts
    result = subprocess.run(
        ["foot", "--check-config", *options], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    bogus = subprocess.run(
        ["foot", "--check-config", *options, "--override=key-bindings.no-such-action=none"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bogus.returncode != 0


@pytest.mark.parametrize("distance_cm", [30, 45, 60, 90, 150])
def test_508_402_4_capitals_are_at_least_4_8_mm_and_0_7_degrees(distance_cm: int) -> None:
    points = points_for(distance_cm)
    capital = capital_mm_for_points(points)
    assert capital >= required_capital_mm(distance_cm) >= MIN_CAPITAL_MM
    assert capital_mm_for_points(points - 1) < required_capital_mm(distance_cm)  # the smallest


def test_en_5_1_4_at_60_cm_capitals_must_be_about_7_3_mm() -> None:
    assert 7.2 < required_capital_mm(60) < 7.4


def test_capital_height_is_estimated_from_pixels_and_the_screen_width() -> None:
    # A 1280 px wide, 300 mm wide screen; 40 px cells: 40 / 1.164 * 0.729 * 300/1280 mm.
    estimate = estimate_capital_mm(40, 1280, 300, 60)
    assert 5.8 < estimate.capital_mm < 5.9 and not estimate.big_enough
    assert estimate_capital_mm(56, 1280, 300, 60).big_enough


# ------------------------------------------------------------------ reproducible installs


def pinned() -> dict[str, str]:
    """Package name (normalised) -> exact version, from constraints.txt."""
    versions: dict[str, str] = {}
    for line in (REPO / CONSTRAINTS).read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if requirement:
            name, _, version = requirement.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact version"
            versions[canonicalize_name(name)] = version
    return versions


def test_every_dependency_is_pinned_within_its_bound_in_the_constraints() -> None:
    """constraints.txt is what CI and every kiosk install: regenerate it (its first lines
    say how) whenever pyproject.toml's dependencies change."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    versions = pinned()
    for line in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in versions, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(versions[name], prereleases=True), (
            f"constraints.txt has {name}=={versions[name]}, outside {requirement.specifier}"
        )


def test_the_install_command_uses_the_constraints() -> None:
    command = install_command("/srv/als-kiosk")
    assert command[0].endswith("/bin/pip") and command[1] == "install"
    assert command[-3:] == ["-c", "/srv/als-kiosk/constraints.txt", "/srv/als-kiosk"]
