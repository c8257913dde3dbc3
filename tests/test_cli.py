"""`als-kiosk` explains itself, and finds the clinic config the documented ways."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def als_kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_help_explains_every_subcommand() -> None:
    result = als_kiosk("--help")
    assert result.returncode == 0
    for command in ("run", "check"):
        assert f"    {command} " in result.stdout
    check_help = als_kiosk("check", "--help").stdout
    assert "path:line" in als_kiosk("--help").stdout and "--facts" in check_help


def test_config_comes_from_the_environment_when_not_given(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[display]\ntheme = "neon"\n')
    result = als_kiosk("check", env={"ALS_KIOSK_CONFIG": str(config)})
    assert result.returncode == 1
    assert result.stdout.startswith(f"{config}:2: [display] theme must be one of")


def test_options_before_the_command_are_kept(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("[session]\nwarning_seconds = 1\n")
    result = als_kiosk("--config", str(config), "check")
    assert result.returncode == 1 and f"{config}:2:" in result.stdout
