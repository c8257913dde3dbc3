"""Playback through miniaudio: start, pause, resume and stop mid-sentence, with no sound card.

The device runs all the time and pulls samples from a generator, so a new sentence starts
within one short buffer period and pause (silence is fed, the position holds) or stop
(the clip is dropped) take effect on the next period. miniaudio does not fall back to its
NULL backend by itself, and a failed ALSA attempt writes to file descriptor 2, which is
the kiosk's screen: so the real device is first tried in a throwaway process whose
output goes nowhere, and the NULL backend (which keeps real time) is used when it fails.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Generator

import miniaudio

from kiosk.speech.audio import Clip, scale

SAMPLE_RATE = 22050
BUFFER_MSEC = 20

_PROBE = f"""
import miniaudio
device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                  sample_rate={SAMPLE_RATE})
device.close()
"""


def real_device_works(timeout: float = 10.0) -> bool:
    """Can a real audio device be opened? Asked in a separate, silenced process."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", _PROBE],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


class Player:
    """Plays one clip at a time; `on_finished(token)` is called when a clip plays out."""

    def __init__(self, *, use_real_device: bool) -> None:
        self._lock = threading.Lock()
        self._clip: bytes = b""
        self._position = 0  # bytes of the current clip already handed to the device
        self._token = 0
        self._paused = False
        self._gain = 1.0
        self._finished_callback: Callable[[int], None] | None = None
        self.first_frame_at: float | None = None
        """perf_counter() when the current clip's first samples were handed to the device:
        how soon speech starts, observed from outside (bench/speech.py, the tests)."""
        self.is_real_device = False
        self._device = self._open(use_real_device)
        self._stream = self._generate()
        next(self._stream)
        self._device.start(self._stream)

    def _open(self, use_real_device: bool) -> miniaudio.PlaybackDevice:
        if use_real_device:
            try:
                device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16,
                    nchannels=1,
                    sample_rate=SAMPLE_RATE,
                    buffersize_msec=BUFFER_MSEC,
                    app_name="als-kiosk",
                )
                self.is_real_device = True
                return device
            except miniaudio.MiniaudioError:
                pass
        return miniaudio.PlaybackDevice(
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=SAMPLE_RATE,
            buffersize_msec=BUFFER_MSEC,
            backends=[miniaudio.Backend.NULL],
        )

    def _generate(self) -> Generator[bytes, int, None]:
        frames = yield b""
        while True:
            finished: tuple[Callable[[int], None], int] | None = None
            wanted = max(frames, 1) * 2
            with self._lock:
                if self._paused or self._position >= len(self._clip):
                    chunk = b""
                else:
                    chunk = self._clip[self._position : self._position + wanted]
                    if self._position == 0:
                        self.first_frame_at = time.perf_counter()
                    self._position += len(chunk)
                    if self._position >= len(self._clip) and self._finished_callback:
                        finished = (self._finished_callback, self._token)
                    chunk = scale(chunk, self._gain)
            if finished:
                callback, token = finished
                threading.Thread(target=callback, args=(token,), daemon=True).start()
            frames = yield chunk + b"\x00" * (wanted - len(chunk))

    def play(self, clip: Clip, token: int, on_finished: Callable[[int], None]) -> None:
        """Start `clip` now, replacing whatever was playing."""
        if clip.sample_rate != SAMPLE_RATE:
            raise ValueError(f"expected {SAMPLE_RATE} Hz audio, got {clip.sample_rate}")
        with self._lock:
            self._clip = clip.pcm
            self._position = 0
            self._token = token
            self._paused = False
            self._finished_callback = on_finished
            self.first_frame_at = None

    def stop(self) -> None:
        with self._lock:
            self._clip = b""
            self._position = 0
            self._finished_callback = None

    def pause(self) -> None:
        with self._lock:
            self._paused = True

    def resume(self) -> None:
        with self._lock:
            self._paused = False

    def set_gain(self, gain: float) -> None:
        with self._lock:
            self._gain = gain

    @property
    def position_seconds(self) -> float:
        with self._lock:
            return self._position / 2 / SAMPLE_RATE

    @property
    def is_playing(self) -> bool:
        with self._lock:
            return not self._paused and self._position < len(self._clip)

    def close(self) -> None:
        self.stop()
        self._device.close()
