"""Speech rate and volume steps, and how a language tag picks an eSpeak NG voice.

Rate: VVSG 2.0 §7.1-K asks for about 60-70 to 240-250 words per minute in 6-8 steps with
a default of about 120-125; listening studies favour 150-200. The kiosk offers 7 steps,
default 140 wpm, measured in the audio (eSpeak's nominal rate is not words per minute:
`speed_for` maps through measured points, re-checked by tests/unit/test_speech_engine.py).
Volume: steps of 6 dB (VVSG: at most 10 dB), reset after every person (EN 301 549 5.1.3.13).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.translate import subtags

RATE_STEPS_WPM: tuple[int, ...] = (70, 100, 120, 140, 170, 205, 250)
DEFAULT_RATE_STEP = 3

# eSpeak NG's nominal rate is not words per minute as heard. Measured on an English
# paragraph with its pauses (tests/unit/test_speech_engine.py re-measures every step):
# (nominal rate, words per minute heard).
_RATE_TO_WPM: tuple[tuple[float, float], ...] = (
    (80, 89.2), (100, 105.6), (120, 126.5), (140, 148.9), (160, 170.4),
    (180, 192.2), (200, 214.5), (220, 237.7), (250, 269.9), (280, 306.8),
)  # fmt: skip
# eSpeak will not go below rate 80; slower speech adds pauses between words instead
# (espeakWORDGAP, 10 ms units), which keeps the pitch and the sounds themselves unchanged.
_GAP_TO_WPM_AT_80: tuple[tuple[float, float], ...] = ((0, 89.2), (5, 68.8), (10, 58.4))


@dataclass(frozen=True)
class Speed:
    rate: int
    """eSpeak NG's nominal rate."""
    word_gap: int = 0


def _interpolate(points: tuple[tuple[float, float], ...], wpm: float) -> float:
    """The x at which the measured curve reaches `wpm` (linear between measurements)."""
    pairs = sorted(points, key=lambda p: p[1])
    for (x0, y0), (x1, y1) in itertools.pairwise(pairs):
        if y0 <= wpm <= y1:
            return x0 + (x1 - x0) * (wpm - y0) / (y1 - y0)
    return pairs[0][0] if wpm < pairs[0][1] else pairs[-1][0]


def speed_for(wpm: int) -> Speed:
    """The eSpeak settings that give `wpm` words per minute in the audio."""
    if wpm >= _RATE_TO_WPM[0][1]:
        return Speed(round(_interpolate(_RATE_TO_WPM, wpm)))
    return Speed(80, round(_interpolate(_GAP_TO_WPM_AT_80, wpm)))


VOLUME_STEPS_DB: tuple[int, ...] = (-36, -30, -24, -18, -12, -6, 0)
DEFAULT_VOLUME_STEP = 5


def gain(step: int) -> float:
    return float(10 ** (VOLUME_STEPS_DB[step] / 20))


def clamp_step(step: int, steps: tuple[int, ...]) -> int:
    return max(0, min(len(steps) - 1, step))


def nearest_step(value: int, steps: tuple[int, ...]) -> int:
    return min(range(len(steps)), key=lambda i: abs(steps[i] - value))


# Tags whose eSpeak NG voice has another name (docs/dependencies.md: Mandarin is `cmn`,
# `zh` is unknown).
_VOICE_ALIASES = {"zh": "cmn", "zh-hans": "cmn", "zh-cn": "cmn", "zh-hant": "yue"}


def voice_candidates(tag: str) -> list[str]:
    """eSpeak voice names to try for a language tag, most specific first: pt_BR → pt-br, pt."""
    parts = subtags(tag)
    candidates = ["-".join(parts[:i]) for i in range(len(parts), 0, -1)]
    aliased = [_VOICE_ALIASES.get(c, c) for c in candidates]
    return list(dict.fromkeys(aliased))


def match_voice(tag: str, available: Iterable[str]) -> str | None:
    """The eSpeak voice for `tag` among the engine's languages, or None if it has none."""
    known = {name.lower() for name in available}
    for candidate in voice_candidates(tag):
        if candidate in known:
            return candidate
    return None
