"""Speech rate and volume steps, and how a language tag picks an eSpeak NG voice.

Rate: VVSG 2.0 §7.1-K asks for about 60-70 to 240-250 words per minute in 6-8 steps with
a default of about 120-125; listening studies favour 150-200. The kiosk offers 7 steps,
default 140 wpm, measured in the audio (eSpeak's nominal rate is not words per minute:
`WPM_PER_NOMINAL` is calibrated by tests/test_speech_engine.py on a real paragraph).
Volume: steps of 6 dB (VVSG: at most 10 dB), reset after every person (EN 301 549 5.1.3.13).
"""

from __future__ import annotations

from collections.abc import Iterable

RATE_STEPS_WPM: tuple[int, ...] = (70, 100, 120, 140, 170, 205, 250)
DEFAULT_RATE_STEP = 3
WPM_PER_NOMINAL = 1.2
"""Measured words per minute per unit of eSpeak's nominal rate (English, with pauses)."""

VOLUME_STEPS_DB: tuple[int, ...] = (-36, -30, -24, -18, -12, -6, 0)
DEFAULT_VOLUME_STEP = 5


def nominal_rate(wpm: int) -> int:
    """The eSpeak rate that gives `wpm` words per minute in the audio."""
    return max(50, round(wpm / WPM_PER_NOMINAL))


def gain(step: int) -> float:
    return float(10 ** (VOLUME_STEPS_DB[step] / 20))


def clamp_step(step: int, steps: tuple[int, ...]) -> int:
    return max(0, min(len(steps) - 1, step))


def nearest_step(value: int, steps: tuple[int, ...]) -> int:
    return min(range(len(steps)), key=lambda i: abs(steps[i] - value))


# Tags whose eSpeak NG voice has another name (notes.md: Mandarin is `cmn`, `zh` is unknown).
_VOICE_ALIASES = {"zh": "cmn", "zh-hans": "cmn", "zh-cn": "cmn", "zh-hant": "yue"}


def voice_candidates(tag: str) -> list[str]:
    """eSpeak voice names to try for a language tag, most specific first: pt_BR → pt-br, pt."""
    norm = tag.replace("_", "-").lower()
    parts = norm.split("-")
    candidates = [norm, *["-".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]]
    aliased = [_VOICE_ALIASES.get(c, c) for c in candidates]
    return list(dict.fromkeys(aliased))


def match_voice(tag: str, available: Iterable[str]) -> str | None:
    """The eSpeak voice for `tag` among the engine's languages, or None if it has none."""
    known = {name.lower() for name in available}
    for candidate in voice_candidates(tag):
        if candidate in known:
            return candidate
    return None
