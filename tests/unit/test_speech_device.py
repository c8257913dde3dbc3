"""A sound device that appears while the kiosk runs is used: playback recovers by itself.

A real sound server (PulseAudio with a null sink, installed by the test command) is started
in a private runtime folder part-way through; nothing is mocked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.speech.reader import Notice, Utterance
from tests.doubles import SettlingReader
from tests.unit.test_speech_playback import Recorder, wait_for

pytestmark = [
    pytest.mark.speech,  # a PulseAudio server started part-way
    pytest.mark.skipif(
        shutil.which("pulseaudio") is None, reason="the test command installs pulseaudio"
    ),
]


@pytest.fixture
def private_sound_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    yield runtime
    subprocess.run(["pulseaudio", "--kill"], capture_output=True, check=False)


def start_sound_server() -> None:
    subprocess.run(
        [
            "pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
            "--load=module-null-sink sink_name=kiosk", "--load=module-native-protocol-unix",
        ],
        capture_output=True, check=True, env=os.environ,
    )  # fmt: skip


def test_playback_moves_to_a_sound_device_that_appears(private_sound_session: Path) -> None:
    recorder = Recorder()
    speech = SettlingReader(recorder, device_recheck_seconds=0.0)
    try:
        assert speech.wait_idle()
        assert speech.player is not None and not speech.player.is_real_device
        speech.speak([Utterance("Is anyone there?")])
        assert wait_for(lambda: Notice.NO_SOUND in [e.notice for e in recorder.events])
        start_sound_server()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not speech.player.is_real_device:
            speech.speak([Utterance("Now with sound.")])
            speech.wait_idle()
        assert speech.player.is_real_device
    finally:
        speech.close()
