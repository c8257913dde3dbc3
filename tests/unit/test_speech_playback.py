"""Playback on miniaudio's NULL backend (real time, no sound card) and the sentence queue."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from kiosk.speech.audio import Clip
from kiosk.speech.controls import DEFAULT_VOLUME_STEP, RATE_STEPS_WPM, gain
from kiosk.speech.player import SAMPLE_RATE, Player
from kiosk.speech.reader import EventKind, Notice, SpeechEvent, State, Utterance
from tests.doubles import SettlingReader

pytestmark = pytest.mark.speech  # real-time playback on the NULL device

TONE = Clip(b"\x00\x10" * SAMPLE_RATE, SAMPLE_RATE)  # one second of a constant level


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


@pytest.fixture
def player() -> Iterator[Player]:
    device = Player(use_real_device=False)
    yield device
    device.close()


def test_playback_paces_in_real_time_and_reports_the_end(player: Player) -> None:
    finished = threading.Event()
    started = time.monotonic()
    player.play(TONE, 1, lambda token: finished.set())
    assert finished.wait(3)
    assert 0.9 < time.monotonic() - started < 1.5


def test_en_5_1_3_4_pause_holds_the_position_and_resume_continues(player: Player) -> None:
    finished = threading.Event()
    player.play(TONE, 1, lambda token: finished.set())
    assert wait_for(lambda: player.position_seconds > 0.3)
    player.pause()
    held = player.position_seconds
    time.sleep(0.4)
    assert player.position_seconds == held and not finished.is_set()
    player.resume()
    assert wait_for(lambda: player.position_seconds > held + 0.1)
    assert finished.wait(3)


def test_en_5_1_3_5_stop_is_immediate_and_the_clip_never_finishes(player: Player) -> None:
    finished = threading.Event()
    player.play(TONE, 1, lambda token: finished.set())
    assert wait_for(lambda: player.position_seconds > 0.2)
    player.stop()
    assert not player.is_playing
    time.sleep(1.2)
    assert not finished.is_set()


def test_first_samples_reach_the_device_within_one_short_buffer(player: Player) -> None:
    started = time.perf_counter()
    player.play(TONE, 1, lambda token: None)
    assert wait_for(lambda: player.first_frame_at is not None)
    assert player.first_frame_at is not None
    assert player.first_frame_at - started < 0.1


# ------------------------------------------------------------------ the queue with the engine


class Recorder:
    def __init__(self) -> None:
        self.events: list[SpeechEvent] = []
        self._lock = threading.Lock()

    def __call__(self, event: SpeechEvent) -> None:
        with self._lock:
            self.events.append(event)

    def sentences(self) -> list[int]:
        with self._lock:
            return [e.index for e in self.events if e.kind is EventKind.SENTENCE]

    def kinds(self) -> list[EventKind]:
        with self._lock:
            return [e.kind for e in self.events]


@pytest.fixture
def reader() -> Iterator[tuple[SettlingReader, Recorder]]:
    recorder = Recorder()
    speech = SettlingReader(recorder, real_device=False)
    assert speech.wait_idle()
    yield speech, recorder
    speech.close()


SENTENCES = [
    Utterance("The first sentence is here.", "en", 0, 0, 27),
    Utterance("Then a second one.", "en", 0, 28, 46),
    Utterance("A third.", "en", 1, 0, 8),
    Utterance("And the last.", "en", 1, 9, 22),
]


def test_sentences_play_in_order_then_done(reader: tuple[SettlingReader, Recorder]) -> None:
    speech, recorder = reader
    speech.speak(SENTENCES[2:])
    assert wait_for(lambda: EventKind.DONE in recorder.kinds(), timeout=8)
    assert recorder.sentences() == [0, 1]
    assert speech.state is State.IDLE


def test_en_5_1_3_4_next_and_previous_move_by_sentence(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    speech, recorder = reader
    speech.speak(SENTENCES)
    assert wait_for(lambda: recorder.sentences() == [0])
    speech.next_sentence()
    speech.next_sentence()
    assert wait_for(lambda: recorder.sentences()[-1:] == [2])
    speech.previous_sentence()
    assert wait_for(lambda: recorder.sentences()[-1:] == [1])
    speech.repeat()
    assert wait_for(lambda: recorder.sentences()[-2:] == [1, 1])
    assert recorder.sentences() == [0, 1, 2, 1, 1]


def test_en_5_1_3_5_new_speech_replaces_old_and_never_queues_behind_it(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    speech, recorder = reader
    first = speech.speak(SENTENCES)
    assert wait_for(lambda: recorder.sentences() == [0])
    second = speech.speak([Utterance("Something else.")])
    assert wait_for(lambda: EventKind.DONE in recorder.kinds(), timeout=5)
    late = [e for e in recorder.events if e.kind is EventKind.SENTENCE and e.request == first]
    assert len(late) == 1  # nothing more of the first speech was played
    assert [e.request for e in recorder.events if e.kind is EventKind.DONE] == [second]


def test_en_5_1_3_5_a_burst_of_presses_says_only_the_last_item(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    """Found by the soak: each press's item was synthesised and started in turn, so speech
    fell hundreds of requests behind a burst of keys. Now a request that a newer one
    replaced before it started is skipped."""
    speech, recorder = reader
    requests = [speech.speak([Utterance(f"Item number {n}.")]) for n in range(30)]
    assert wait_for(lambda: EventKind.DONE in recorder.kinds(), timeout=8)
    started = {e.request for e in recorder.events if e.kind is EventKind.SENTENCE}
    assert requests[-1] in started
    assert len(started) <= 2, started  # the first may start before the rest are queued


def test_pause_and_resume_through_the_queue(reader: tuple[SettlingReader, Recorder]) -> None:
    speech, recorder = reader
    speech.speak(SENTENCES[:1])
    assert wait_for(lambda: recorder.sentences() == [0])
    speech.pause()
    assert speech.state is State.PAUSED
    time.sleep(2.5)  # longer than the sentence: paused speech does not finish
    assert EventKind.DONE not in recorder.kinds()
    speech.resume()
    assert wait_for(lambda: EventKind.DONE in recorder.kinds(), timeout=5)


def test_en_5_1_3_14_a_language_without_a_voice_gives_a_notice(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    speech, recorder = reader
    speech.speak([Utterance("tlhIngan Hol", "xx-nope")])
    assert wait_for(lambda: EventKind.DONE in recorder.kinds())
    notices = [e.notice for e in recorder.events if e.kind is EventKind.NOTICE]
    assert Notice.NO_VOICE in notices


def test_no_audio_device_gives_a_notice_and_reading_goes_on(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    speech, recorder = reader
    speech.speak(SENTENCES[:1])
    assert wait_for(lambda: recorder.sentences() == [0])
    assert Notice.NO_SOUND in [e.notice for e in recorder.events]


def test_en_5_1_3_13_reset_restores_default_rate_and_volume(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    speech, _ = reader
    speech.set_rate_step(len(RATE_STEPS_WPM) - 1)
    speech.set_volume_step(0)
    speech.reset()
    assert speech.rate_step == speech.default_rate_step
    assert speech.volume_step == DEFAULT_VOLUME_STEP


def test_steps_stop_at_their_ends(reader: tuple[SettlingReader, Recorder]) -> None:
    speech, _ = reader
    assert speech.set_rate_step(99) == len(RATE_STEPS_WPM) - 1
    assert speech.set_rate_step(-5) == 0
    assert speech.set_volume_step(-5) == 0


def test_the_first_samples_reach_the_device_soon_after_the_request(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    """Measured from outside, as bench/speech.py does: from the request to the player
    handing the sentence's first samples to the device."""
    speech, recorder = reader
    requested = time.perf_counter()
    speech.speak(SENTENCES[:1])
    assert wait_for(lambda: recorder.sentences() == [0])
    player = speech.player
    assert player is not None
    assert wait_for(lambda: player.first_frame_at is not None)
    assert player.first_frame_at is not None and 0 < player.first_frame_at - requested < 0.5


def test_a_device_that_stops_taking_audio_is_replaced_and_reading_goes_on(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    """The device is closed under the player (as when a sound server dies): after the
    stall time the reader switches device, says there is no sound, and finishes reading."""
    speech, recorder = reader
    speech.speak(SENTENCES[:2])
    assert wait_for(lambda: recorder.sentences() == [0])
    failing = speech.player
    assert failing is not None
    failing._device.close()
    notices_before = [e.notice for e in recorder.events].count(Notice.NO_SOUND)
    assert wait_for(lambda: speech.player is not failing, timeout=6)
    assert wait_for(lambda: EventKind.DONE in recorder.kinds(), timeout=10)
    assert [e.notice for e in recorder.events].count(Notice.NO_SOUND) == notices_before + 1
    assert recorder.sentences() == [0, 0, 1]  # the interrupted sentence was read again


def test_nothing_to_say_is_done_at_once_and_speech_still_works_after(
    reader: tuple[SettlingReader, Recorder],
) -> None:
    """Found by the soak: reading a screen with nothing to read killed the speech thread."""
    speech, recorder = reader
    speech.speak([])
    assert wait_for(lambda: EventKind.DONE in recorder.kinds(), timeout=8)
    speech.speak(SENTENCES[3:], start=5)
    assert wait_for(lambda: recorder.kinds().count(EventKind.DONE) >= 2, timeout=8)
    speech.speak(SENTENCES[3:])
    assert wait_for(lambda: recorder.sentences() == [0], timeout=8)


def test_a_previewed_speed_and_volume_are_used_for_that_utterance_only() -> None:
    """A speed or volume offered in Settings is heard at that speed and volume (#15), and
    the person's own speed and volume come back for what follows."""
    timed: list[tuple[float, SpeechEvent]] = []
    speech = SettlingReader(
        lambda event: timed.append((time.monotonic(), event)), real_device=False
    )
    try:
        assert speech.wait_idle()
        assert speech.player is not None
        gains: list[float] = []
        set_gain = speech.player.set_gain

        def record_gain(value: float) -> None:  # the real player, its gain noted
            gains.append(value)
            set_gain(value)

        speech.player.set_gain = record_gain  # type: ignore[method-assign,assignment]

        def seconds(utterance: Utterance) -> float:
            timed.clear()
            speech.speak([utterance])
            assert wait_for(lambda: any(e.kind is EventKind.DONE for _, e in timed), 15)
            start = next(t for t, e in timed if e.kind is EventKind.SENTENCE)
            end = next(t for t, e in timed if e.kind is EventKind.DONE)
            return end - start

        text = "Seventy words a minute."
        slowest = seconds(Utterance(text, "en", 0, 0, len(text), rate_step=0))
        fastest = seconds(Utterance(text, "en", 0, 0, len(text), rate_step=6))
        own = seconds(Utterance(text, "en", 0, 0, len(text)))
        assert slowest > 2 * fastest  # 70 against 250 words a minute
        assert fastest < own < slowest  # the person's own speed again
        gains.clear()
        seconds(Utterance(text, "en", 0, 0, len(text), volume_step=0))
        seconds(Utterance(text, "en", 0, 0, len(text)))
        assert gains == [gain(0), gain(DEFAULT_VOLUME_STEP)]
    finally:
        speech.close()
