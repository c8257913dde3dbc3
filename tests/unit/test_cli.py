"""`als-kiosk` explains itself, and finds the clinic config the documented ways."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.doubles import rms


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
    for command in ("run", "check", "say", "doctor"):
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


@pytest.mark.speech  # a page synthesised at two rates
def test_say_writes_a_page_as_speech_whose_length_follows_the_rate(tmp_path: Path) -> None:
    from kiosk.speech.audio import read_wav

    slow, fast = tmp_path / "slow.wav", tmp_path / "fast.wav"
    for rate, path in (("100", slow), ("250", fast)):
        result = als_kiosk(
            "say", "what-is-als", "--lang", "en", "--rate", rate, "--output", str(path)
        )
        assert result.returncode == 0, result.stderr
        assert f"{path}:" in result.stderr and "sentences" in result.stderr
    slow_clip, fast_clip = read_wav(slow), read_wav(fast)
    assert rms(slow_clip) > 300 and rms(fast_clip) > 300
    assert 2.0 < slow_clip.seconds / fast_clip.seconds < 3.0  # 250/100 = 2.5


def test_say_explains_what_is_wrong(tmp_path: Path) -> None:
    out = str(tmp_path / "x.wav")
    missing = als_kiosk("say", "no-such-page", "--output", out)
    assert missing.returncode == 2 and "no page 'no-such-page' (pages: what-is-als," in (
        missing.stderr
    )
    too_fast = als_kiosk("say", "what-is-als", "--rate", "900", "--output", out)
    assert too_fast.returncode == 2 and "70 to 250" in too_fast.stderr
    no_translation = als_kiosk("say", "what-is-als", "--lang", "de", "--output", out)
    assert no_translation.returncode == 2 and "no 'de' translation" in no_translation.stderr


@pytest.mark.speech  # starts the engine to name the voice
def test_doctor_names_the_voice_and_whether_sound_works() -> None:
    from kiosk.speech.player import real_device_works

    result = als_kiosk("doctor")
    assert "ok   speech engine: eSpeak NG with" in result.stdout
    assert "ok   voice for en: en" in result.stdout
    if real_device_works():
        assert "ok   audio output" in result.stdout
    else:  # as on these machines: doctor says so, with a fix, and fails
        assert "FIX  audio output: no sound device could be opened" in result.stdout
        assert "→ Connect speakers" in result.stdout
        assert result.returncode == 1


def test_launch_without_cage_or_foot_names_every_package_the_readme_installs(
    tmp_path: Path,
) -> None:
    """A technician copies the apt line from the message: it must be the whole recipe
    (without xwayland cage starts and exits at once, cage-kiosk/cage#293)."""
    from kiosk.ops.deployment import SYSTEM_PACKAGES

    result = als_kiosk("launch", env={"PATH": str(tmp_path)})  # an empty folder: no cage
    assert result.returncode == 1
    assert "cage and foot not installed" in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "sudo apt install" in line]
    named = line.split("sudo apt install ", 1)[1].split(" (see README", 1)[0].split()
    assert named == list(SYSTEM_PACKAGES)
    assert {"cage", "xwayland", "foot", "fontconfig", "fonts-noto-cjk"} <= set(named)
