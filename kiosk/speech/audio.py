"""Mono 16-bit PCM clips: what the worker returns and the player plays."""

from __future__ import annotations

import array
import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Clip:
    pcm: bytes
    """Signed 16-bit little-endian mono samples."""
    sample_rate: int

    @property
    def frames(self) -> int:
        return len(self.pcm) // 2

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


def silence(seconds: float, sample_rate: int) -> Clip:
    return Clip(b"\x00\x00" * int(seconds * sample_rate), sample_rate)


def concatenate(clips: list[Clip]) -> Clip:
    if not clips:
        return Clip(b"", 22050)
    rate = clips[0].sample_rate
    return Clip(b"".join(c.pcm for c in clips if c.sample_rate == rate), rate)


def scale(pcm: bytes, gain: float) -> bytes:
    """Apply a volume gain (1.0 = unchanged) to 16-bit samples, clipping at full scale."""
    if gain == 1.0 or not pcm:
        return pcm
    values = array.array("h")
    values.frombytes(pcm)
    scaled = array.array("h", (max(-32768, min(32767, int(v * gain))) for v in values))
    return scaled.tobytes()


def write_wav(clip: Clip, path: Path) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(clip.sample_rate)
        out.writeframes(clip.pcm)


def read_wav(path: Path) -> Clip:
    with wave.open(str(path), "rb") as source:
        if source.getnchannels() != 1 or source.getsampwidth() != 2:
            raise ValueError(f"{path}: expected 16-bit mono audio")
        return Clip(source.readframes(source.getnframes()), source.getframerate())
