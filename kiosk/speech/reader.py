"""The speech queue: what is being read, sentence by sentence, and the controls on it.

One thread owns the sequence (synthesise, play, prefetch the next sentence while this one
plays); controls that must be instant (stop, pause, resume, volume) act on the player
directly from the caller. New speech always replaces old speech: it never queues behind
itself (EN 301 549 5.1.3.5). Events go back to the UI through one callback.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from kiosk.content.pages import Run
from kiosk.logs import describe_error
from kiosk.speech.audio import Clip
from kiosk.speech.controls import (
    DEFAULT_RATE_STEP,
    DEFAULT_VOLUME_STEP,
    RATE_STEPS_WPM,
    VOLUME_STEPS_DB,
    clamp_step,
    gain,
    match_voice,
    speed_for,
)
from kiosk.speech.sentences import split_sentences, tel_spans
from kiosk.speech.worker import SpeechUnavailable, Synthesiser
from kiosk.translate import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from kiosk.speech.player import Player

log = logging.getLogger("als-kiosk.speech")

DEVICE_RECHECK_SECONDS = 30.0
STALL_SECONDS = 2.0
"""Playing, not paused, and no sample taken for this long: the device has failed."""
WATCH_SECONDS = 0.25


@dataclass(frozen=True)
class Utterance:
    """One sentence to speak, and where it is on screen."""

    text: str
    """The sentence as shown; what the engine is given is made from it (kiosk.speech.spoken)."""
    lang: str = SOURCE_LANGUAGE
    item: int = 0
    """Which on-screen item (block) the sentence belongs to."""
    start: int = 0
    end: int = 0
    """Character offsets of the sentence in the item's text."""
    phones: tuple[tuple[int, int], ...] = ()
    """Offsets in `text` of the phone numbers (`tel:` links), read digit by digit."""
    rate_step: int | None = None
    volume_step: int | None = None
    """Said at this speed or volume rather than the person's: a speed or volume offered
    in Settings is heard as it would be before it is chosen."""


def utterances_for(runs: Sequence[Run], lang: str, item: int) -> list[Utterance]:
    """The sentences of an item's text, each with its offsets in the text shown and the
    phone numbers in it: what the screens give the reader."""
    text = "".join(run.text for run in runs)
    phones = tel_spans(runs)
    utterances = []
    for start, end in split_sentences(text, lang):
        inside = tuple(
            (max(a, start) - start, min(b, end) - start) for a, b in phones if a < end and b > start
        )
        utterances.append(Utterance(text[start:end], lang, item, start, end, inside))
    return utterances


class EventKind(Enum):
    SENTENCE = "sentence"
    """An utterance started playing: highlight it."""
    DONE = "done"
    """The last utterance finished, or speech was stopped."""
    NOTICE = "notice"
    """Something the person must be told (no sound, no voice, engine down)."""


class Notice(Enum):
    NO_SOUND = "no_sound"
    NO_VOICE = "no_voice"
    NO_ENGINE = "no_engine"


@dataclass(frozen=True)
class SpeechEvent:
    kind: EventKind
    utterance: Utterance | None = None
    index: int = -1
    notice: Notice | None = None
    lang: str = ""
    request: int = 0
    """Which `speak` call this event belongs to: events of replaced speech are stale."""
    spoken: str = ""
    """For SENTENCE: the text the engine was given (the shown one made speakable)."""


class State(Enum):
    IDLE = "idle"
    SPEAKING = "speaking"
    PAUSED = "paused"


class SpeechReader:
    def __init__(
        self,
        on_event: Callable[[SpeechEvent], None],
        *,
        synthesiser: Synthesiser | None = None,
        real_device: bool | None = None,
        rate_step: int = DEFAULT_RATE_STEP,
        volume_step: int = DEFAULT_VOLUME_STEP,
        device_recheck_seconds: float = DEVICE_RECHECK_SECONDS,
    ) -> None:
        self._on_event = on_event
        self.synthesiser = synthesiser or Synthesiser()
        self._commands: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._utterances: list[Utterance] = []
        self._index = -1
        self._generation = 0
        self._requests = 0
        self._request = 0  # the request being spoken, as the speech thread sees it
        self._cache: dict[tuple[int, int, int], tuple[Clip, str]] = {}
        self.state = State.IDLE
        self.default_rate_step = self.rate_step = rate_step
        self.default_volume_step = self.volume_step = volume_step
        self._want_real_device = real_device
        self._device_recheck_seconds = device_recheck_seconds
        self._device_checked_at = 0.0
        self.player: Player | None = None
        self._last_position = -1.0
        self._stalled_since: float | None = None
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ controls

    def speak(self, utterances: Sequence[Utterance], start: int = 0) -> int:
        """Read these utterances from `start`, replacing anything being read.

        Returns the request number that this speech's events will carry.
        """
        self._halt()
        self._requests += 1
        self._commands.put(("speak", (list(utterances), start, self._requests)))
        return self._requests

    def stop(self) -> None:
        self._halt()
        self._commands.put(("stop", None))

    def pause(self) -> None:
        if self.state is State.SPEAKING and self.player is not None:
            self.player.pause()
            self.state = State.PAUSED

    def resume(self) -> None:
        if self.state is State.PAUSED and self.player is not None:
            self.player.resume()
            self.state = State.SPEAKING

    def repeat(self) -> None:
        self._commands.put(("jump", 0))

    def next_sentence(self) -> None:
        self._commands.put(("jump", +1))

    def previous_sentence(self) -> None:
        self._commands.put(("jump", -1))

    def set_rate_step(self, step: int) -> int:
        self.rate_step = clamp_step(step, RATE_STEPS_WPM)
        return self.rate_step

    def set_volume_step(self, step: int) -> int:
        self.volume_step = clamp_step(step, VOLUME_STEPS_DB)
        if self.player is not None:
            self.player.set_gain(gain(self.volume_step))
        return self.volume_step

    def reset(self) -> None:
        """Back to the clinic defaults for the next person (EN 301 549 5.1.3.13)."""
        self.stop()
        self.set_rate_step(self.default_rate_step)
        self.set_volume_step(self.default_volume_step)

    def close(self) -> None:
        self._halt()
        self._commands.put(("quit", None))
        self._thread.join(timeout=5)
        if self.player is not None:
            self.player.close()
        self.synthesiser.close()

    @property
    def current(self) -> tuple[int, Utterance] | None:
        if 0 <= self._index < len(self._utterances):
            return self._index, self._utterances[self._index]
        return None

    # ------------------------------------------------------------------ the speech thread

    def _halt(self) -> None:
        # Silence at once, from the caller's thread; the speech thread catches up.
        self._generation += 1
        if self.player is not None:
            self.player.stop()
        self.state = State.IDLE

    def _run(self) -> None:
        # The engine starts while the device is probed: the first sentence waits for
        # the slower of the two, not for both.
        starting = threading.Thread(target=self._start_engine, name="speech-start", daemon=True)
        starting.start()
        self._open_player()
        starting.join()
        while True:
            try:
                command, argument = self._commands.get(timeout=WATCH_SECONDS)
            except queue.Empty:
                self._watch_playback()
                continue
            if command == "quit":
                return
            try:
                self._handle(command, argument)
            except SpeechUnavailable:
                self.state = State.IDLE
                self._emit(SpeechEvent(EventKind.NOTICE, notice=Notice.NO_ENGINE))
                self._emit(SpeechEvent(EventKind.DONE))
            except Exception as error:  # the speech thread must outlive any one request
                log.error("speech request failed: %s", describe_error(error))
                self.state = State.IDLE
                self._index = -1
                self._emit(SpeechEvent(EventKind.DONE))

    def _start_engine(self) -> None:
        with contextlib.suppress(SpeechUnavailable):
            self.synthesiser.start()  # a failure is reported when someone asks for speech

    def _handle(self, command: str, argument: Any) -> None:
        if command == "speak":
            if argument[2] != self._requests:
                # A newer request is already queued (keys pressed faster than speech can
                # start): this one would be cut off at once, so it is never synthesised.
                return
            utterances, start, self._request = argument
            self._utterances = utterances
            self._cache.clear()
            if not 0 <= start < len(utterances):
                # Nothing to say (an empty page, a block with no words): done at once.
                self._index = -1
                self.state = State.IDLE
                self._emit(SpeechEvent(EventKind.DONE))
                return
            self._check_device()
            self._play(start)
        elif command == "stop":
            self._index = -1
            self._emit(SpeechEvent(EventKind.DONE))
        elif command == "jump":
            if self._utterances and self._index >= 0:
                target = self._index + int(argument)
                self._halt()
                self._play(max(0, min(len(self._utterances) - 1, target)))
        elif command == "finished":
            generation, index = argument
            if generation == self._generation and index == self._index:
                if index + 1 < len(self._utterances):
                    self._play(index + 1)
                else:
                    self.state = State.IDLE
                    self._emit(SpeechEvent(EventKind.DONE))

    def _watch_playback(self) -> None:
        """A device that stops taking samples (unplugged, its server gone) must not leave
        speech stuck: switch to the NULL device, say so, and go on with the sentence."""
        player = self.player
        if player is None or self.state is not State.SPEAKING or not player.is_playing:
            self._stalled_since = None
            return
        position = player.position_seconds
        now = time.monotonic()
        if position != self._last_position or self._stalled_since is None:
            self._last_position, self._stalled_since = position, now
            return
        if now - self._stalled_since < STALL_SECONDS:
            return
        self._stalled_since = None
        player.close()
        self._open_player(real=False)
        self._device_checked_at = time.monotonic()
        self._emit(SpeechEvent(EventKind.NOTICE, notice=Notice.NO_SOUND))
        if self._index >= 0:
            self._play(self._index)

    def _open_player(self, real: bool | None = None) -> None:
        # Imported here, on the speech thread: miniaudio takes longer to load than the
        # rest of the kiosk's own code, and the first frame does not wait for it.
        from kiosk.speech.player import Player, real_device_works

        if real is None:
            real = self._want_real_device
        if real is None:
            real = real_device_works()
            self._device_checked_at = time.monotonic()
        self.player = Player(use_real_device=real)
        self.player.set_gain(gain(self.volume_step))

    def _check_device(self) -> None:
        """Tell the person when there is no sound; switch to the device if it came back."""
        player = self.player
        if player is None or player.is_real_device:
            return
        if self._want_real_device is None and (
            time.monotonic() - self._device_checked_at > self._device_recheck_seconds
        ):
            self._device_checked_at = time.monotonic()
            from kiosk.speech.player import real_device_works

            if real_device_works():
                player.close()
                self._open_player()
                return
        self._emit(SpeechEvent(EventKind.NOTICE, notice=Notice.NO_SOUND))

    def _clip(self, index: int) -> tuple[Clip, str] | None:
        """The sentence's audio and the text spoken (made speakable in the worker)."""
        utterance = self._utterances[index]
        info = self.synthesiser.info or self.synthesiser.start()
        voice = match_voice(utterance.lang, info.languages)
        if voice is None:
            return None
        step = self.rate_step if utterance.rate_step is None else utterance.rate_step
        speed = speed_for(RATE_STEPS_WPM[clamp_step(step, RATE_STEPS_WPM)])
        key = (index, speed.rate * 1000 + speed.word_gap, hash(voice))
        if key not in self._cache:
            clip, _, spoken = self.synthesiser.synthesise_spoken(
                utterance.text, voice, speed, utterance.lang, utterance.phones
            )
            self._cache[key] = (clip, spoken)
        return self._cache[key]

    def _play(self, index: int) -> None:
        generation = self._generation
        self._index = index
        synthesised = self._clip(index)
        if generation != self._generation:
            return  # stopped or replaced while synthesising
        utterance = self._utterances[index]
        if synthesised is None:
            self.state = State.IDLE
            self._emit(SpeechEvent(EventKind.NOTICE, notice=Notice.NO_VOICE, lang=utterance.lang))
            self._emit(SpeechEvent(EventKind.DONE))
            return
        assert self.player is not None
        clip, spoken = synthesised
        self.state = State.SPEAKING
        volume = self.volume_step if utterance.volume_step is None else utterance.volume_step
        self.player.set_gain(gain(clamp_step(volume, VOLUME_STEPS_DB)))
        self.player.play(clip, index, lambda token: self._finished(generation, token))
        self._emit(SpeechEvent(EventKind.SENTENCE, utterance=utterance, index=index, spoken=spoken))
        if index + 1 < len(self._utterances):
            self._clip(index + 1)  # prefetch while this one plays

    def _finished(self, generation: int, index: int) -> None:
        self._commands.put(("finished", (generation, index)))

    def _emit(self, event: SpeechEvent) -> None:
        event = replace(event, request=self._request)
        # The UI may be shutting down; speech must not die with it.
        with contextlib.suppress(Exception):
            self._on_event(event)
