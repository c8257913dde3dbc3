"""The real engine (pyttsx3 + eSpeak NG from espeakng-loader) in its worker process."""

from __future__ import annotations

import os
import signal
import statistics
from collections.abc import Iterator

import pytest

from kiosk.speech.audio import Clip
from kiosk.speech.controls import RATE_STEPS_WPM, speed_for
from kiosk.speech.worker import EngineInfo, SpeechUnavailable, Synthesiser
from tests.doubles import rms, samples

pytestmark = pytest.mark.speech  # the real engine in its worker process

ONE = "ALS is a disease of the nerve cells that control the muscles."
THREE = (
    "ALS is a disease of the nerve cells that control the muscles. "
    "Symptoms start slowly, over weeks and months. "
    "Talk to your own care team about what you read here."
)
# A plain paragraph for measuring words per minute, as a listener hears it (pauses included).
PARAGRAPH = (
    "Motor neurone disease affects the nerves that control your muscles. It usually starts "
    "slowly. Some people first notice a weak grip, or they trip more often. Others notice "
    "that their speech is slurred. A team of health workers can help with each change. "
    "Ask your own care team what might help you."
)
SILENCE_FLOOR = 300.0
"""RMS of 16-bit samples below which a clip counts as silent (speech here is ~2000-4000)."""


@pytest.fixture(scope="module")
def synth() -> Iterator[Synthesiser]:
    synthesiser = Synthesiser()
    synthesiser.start()
    yield synthesiser
    synthesiser.close()


def test_speech_is_not_silent_and_is_in_the_engine_s_sample_format(synth: Synthesiser) -> None:
    clip, _ = synth.synthesise(ONE, "en", speed_for(140))
    assert clip.sample_rate == 22050
    assert clip.seconds > 1.0
    assert rms(clip) > SILENCE_FLOOR


def test_audio_grows_with_the_text(synth: Synthesiser) -> None:
    one, _ = synth.synthesise(ONE, "en", speed_for(140))
    three, _ = synth.synthesise(THREE, "en", speed_for(140))
    assert three.seconds > 2.2 * one.seconds


def test_audio_shrinks_as_the_rate_rises_at_every_step(synth: Synthesiser) -> None:
    lengths = [synth.synthesise(ONE, "en", speed_for(w))[0].seconds for w in RATE_STEPS_WPM]
    assert lengths == sorted(lengths, reverse=True)
    assert lengths[0] > 3 * lengths[-1]  # 70 wpm against 250 wpm


def test_each_rate_step_gives_its_words_per_minute_in_the_audio(synth: Synthesiser) -> None:
    """The calibration holds: measured wpm within 10% of each step's target."""
    words = len(PARAGRAPH.split())
    for target in RATE_STEPS_WPM:
        clip, _ = synth.synthesise(PARAGRAPH, "en", speed_for(target))
        measured = words / clip.seconds * 60
        assert abs(measured - target) / target < 0.10, (target, measured, speed_for(target))


@pytest.mark.parametrize(
    ("voice", "text"),
    [
        ("es", "La ELA es una enfermedad de las neuronas motoras."),
        ("fr", "La SLA est une maladie des neurones moteurs."),
        ("pt-br", "A ELA é uma doença dos neurônios motores."),
        ("ar", "التصلب الجانبي الضموري مرض يصيب الخلايا العصبية."),
        ("cmn", "肌萎缩侧索硬化症是一种运动神经元疾病。"),
    ],
)
def test_en_5_1_3_14_the_requested_language_s_voice_speaks(
    synth: Synthesiser, voice: str, text: str
) -> None:
    clip, used = synth.synthesise(text, voice, speed_for(140))
    assert used == voice or used.startswith(voice)  # the engine's own current voice
    assert rms(clip) > SILENCE_FLOOR
    # The phonemes eSpeak NG produces differ from what the English voice makes of it:
    # the audio really is that language's reading, not English letter-by-letter.
    assert synth.phonemes(text, voice) != synth.phonemes(text, "en")
    english_reading, _ = synth.synthesise(text, "en", speed_for(140))
    assert english_reading.pcm != clip.pcm


def test_spanish_phonemes_are_spanish(synth: Synthesiser) -> None:
    assert synth.phonemes("enfermedad", "es").replace("'", "").replace(",", "") == "enfermeDad"


def test_an_unknown_voice_is_an_error_not_the_previous_voice(synth: Synthesiser) -> None:
    with pytest.raises(SpeechUnavailable, match="no voice 'xx-nope'"):
        synth.synthesise(ONE, "xx-nope", speed_for(140))
    clip, used = synth.synthesise(ONE, "en", speed_for(140))  # still usable afterwards
    assert used.startswith("en") and rms(clip) > SILENCE_FLOOR


def test_a_killed_worker_is_restarted_and_speech_recovers() -> None:
    synth = Synthesiser()
    try:
        synth.start()
        assert synth.pid is not None
        os.kill(synth.pid, signal.SIGKILL)
        clip, _ = synth.synthesise(ONE, "en", speed_for(140))
        assert rms(clip) > SILENCE_FLOOR and synth.restarts == 1
    finally:
        synth.close()


def test_a_hung_worker_times_out_and_the_request_is_answered_by_a_new_one() -> None:
    """The worker is frozen from outside (SIGSTOP), as a stuck engine would be."""
    synth = Synthesiser(timeout=0.5)
    try:
        synth.start()
        first = synth.pid
        assert first is not None
        os.kill(first, signal.SIGSTOP)
        clip, _ = synth.synthesise(ONE, "en", speed_for(140))
        assert rms(clip) > SILENCE_FLOOR and synth.pid != first and synth.restarts == 1
    finally:
        synth.close()


class FreezingSynthesiser(Synthesiser):
    """Every worker it starts hangs at once (SIGSTOP), as an engine stuck for good."""

    def _ensure_started(self) -> EngineInfo:
        info = super()._ensure_started()
        assert self.pid is not None
        os.kill(self.pid, signal.SIGSTOP)
        return info


def test_a_worker_that_hangs_again_after_its_restart_gives_up_with_a_reason() -> None:
    synth = FreezingSynthesiser(timeout=0.3)
    try:
        with pytest.raises(SpeechUnavailable, match="did not answer in time"):
            synth.synthesise(ONE, "en", speed_for(140))
        assert synth.restarts == 2
    finally:
        synth.close()


def test_the_worker_leaves_no_audio_files_behind(tmp_path: object) -> None:
    import tempfile
    from pathlib import Path

    before = set(Path(tempfile.gettempdir()).glob("als-kiosk-speech-*"))
    synth = Synthesiser()
    synth.start()
    synth.synthesise(ONE, "en", speed_for(140))
    synth.close()
    assert set(Path(tempfile.gettempdir()).glob("als-kiosk-speech-*")) <= before


def median_pitch(clip: Clip) -> float:
    """Median fundamental frequency (Hz) of the loud frames, by autocorrelation."""
    values = samples(clip)[::4]  # 5.5 kHz is plenty for a speaking voice's pitch
    rate = clip.sample_rate / 4
    frame, low, high = 256, int(rate / 300), int(rate / 60)
    loudest = max(abs(v) for v in values)
    pitches = []
    for start in range(0, len(values) - frame - high, frame):
        window = values[start : start + frame + high]
        if max(abs(v) for v in window[:frame]) < loudest / 3:
            continue
        scores = [
            sum(window[i] * window[i + lag] for i in range(frame)) for lag in range(low, high)
        ]
        pitches.append(rate / (low + scores.index(max(scores))))
    return statistics.median(pitches)


def test_changing_the_rate_keeps_the_pitch(synth: Synthesiser) -> None:
    slow, _ = synth.synthesise(ONE, "en", speed_for(RATE_STEPS_WPM[0]))
    fast, _ = synth.synthesise(ONE, "en", speed_for(RATE_STEPS_WPM[-1]))
    assert median_pitch(slow) == pytest.approx(median_pitch(fast), rel=0.1)
