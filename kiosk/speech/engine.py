"""pyttsx3 with its espeak driver and the eSpeak NG bundled in espeakng-loader.

Runs only inside the speech worker process (kiosk.speech.worker), because the engine
prints from its own threads, can hang, and keeps state between calls (docs/dependencies.md).
Workarounds, each for a trap measured there (the ones on pyttsx3's private binding,
`self._espeak`, are registered in kiosk.upstream.pyttsx3):
- pyttsx3 finds libespeak-ng only by name: load the bundled library with RTLD_GLOBAL and
  set ESPEAK_DATA_PATH before the driver is imported.
- `setProperty("rate")` is lost when `runAndWait` cancels eSpeak's queue: the rate and
  voice are set through the binding from the `started-utterance` callback, right before
  synthesis starts, after that cancel (200 of 200 calls kept their rate here, against
  about half before).
- `runAndWait` may return before the WAV is written: wait for `finished-utterance`, and
  give every call its own file name so a late callback cannot write into the next one.
- `say()` plays through `aplay` and cannot be stopped: only `save_to_file` is used.
"""

from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.speech.audio import Clip, read_wav
from kiosk.speech.phonemes import text_to_phonemes
from kiosk.upstream.pyttsx3 import ESPEAK_WORDGAP, load_espeak, voice_languages

FINISH_TIMEOUT = 5.0
FOLDER_PREFIX = "als-kiosk-speech-"


def _remove_stale_folders() -> None:
    """Remove working folders of workers that were killed (privacy: nothing left behind)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        pid = folder.name.removeprefix(FOLDER_PREFIX)
        if not pid.isdigit() or Path(f"/proc/{pid}").exists():
            continue
        for leftover in folder.glob("*"):
            leftover.unlink(missing_ok=True)
        folder.rmdir()


def _memory_file() -> int:
    """A file descriptor of an anonymous in-memory file (Linux memfd), or -1."""
    try:
        return os.memfd_create("als-kiosk-sentence", os.MFD_CLOEXEC)
    except (AttributeError, OSError):
        return -1


def _memory_file_works() -> bool:
    memory = _memory_file()
    if memory < 0:
        return False
    try:
        with Path(f"/proc/self/fd/{memory}").open("wb") as probe:
            probe.write(b"ok")
        return True
    except OSError:
        return False
    finally:
        os.close(memory)


class EngineError(RuntimeError):
    """Synthesis failed; the message says why, without the text that was being spoken."""


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


class EspeakEngine:
    """One pyttsx3 engine, used by one thread at a time (two threads deadlock it)."""

    def __init__(self) -> None:
        self._espeak, self._library = load_espeak()
        import pyttsx3

        self._engine = pyttsx3.init("espeak")
        self._done = threading.Event()
        self._pending: tuple[str, int, int] | None = None
        self._voice_set_ok = True
        self._engine.connect("started-utterance", self._on_started)
        self._engine.connect("finished-utterance", self._on_finished)
        # tempfile.gettempdir() raises where no folder is writable: asked only if needed.
        self._folder: Path | None = None
        if not _memory_file_works():
            _remove_stale_folders()
            self._folder = Path(tempfile.gettempdir()) / f"{FOLDER_PREFIX}{os.getpid()}"
            self._folder.mkdir(mode=0o700, exist_ok=True)
        self._calls = 0
        self.voices = self._list_voices()

    def _list_voices(self) -> list[Voice]:
        voices = []
        for voice in self._espeak.ListVoices(None):
            voices.append(
                Voice(
                    id=voice.identifier.decode("utf-8").lower(),
                    name=voice.name.decode("utf-8"),
                    languages=voice_languages(voice),
                )
            )
        return voices

    def languages(self) -> list[str]:
        return sorted({lang for voice in self.voices for lang in voice.languages})

    def _on_started(self, name: str | None = None) -> None:
        if self._pending is None:
            return
        voice, rate, word_gap = self._pending
        status = self._espeak.SetVoiceByName(voice.encode("utf-8"))
        self._voice_set_ok = status == 0
        self._espeak.SetParameter(self._espeak.RATE, rate, 0)
        self._espeak.SetParameter(ESPEAK_WORDGAP, word_gap, 0)

    def _on_finished(self, name: str | None = None, completed: bool = True) -> None:
        self._done.set()

    def current_voice(self) -> str:
        voice = self._espeak.GetCurrentVoice()
        if voice and voice.contents.languages:
            return str(voice.contents.languages[1:].decode("utf-8", "ignore")).lower()
        return ""

    def synthesise(self, text: str, voice: str, rate: int, word_gap: int = 0) -> Clip:
        """PCM for one sentence in `voice` (an eSpeak language name) at nominal `rate`.

        `word_gap` adds pauses between words (10 ms units): eSpeak NG will not speak
        slower than rate 80, so the slowest steps are reached with pauses, pitch unchanged.
        """
        if not text.strip():
            return Clip(b"", 22050)
        self._calls += 1
        # The sentence's audio goes into a file that exists only in memory, when the
        # system allows it: nothing on disk (privacy), and speech works on a read-only or
        # full disk. A fresh one per sentence, so a late callback cannot write into the next.
        memory = _memory_file()
        if memory >= 0:
            path = Path(f"/proc/self/fd/{memory}")
        elif self._folder is not None:
            path = self._folder / f"{self._calls}.wav"
        else:
            raise EngineError("no memory file and no scratch folder for the audio")
        self._done.clear()
        self._pending = (voice, rate, word_gap)
        try:
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()
            if not self._done.wait(FINISH_TIMEOUT):
                raise EngineError("eSpeak NG did not finish the sentence in time")
            if not self._voice_set_ok:
                raise EngineError(f"eSpeak NG has no voice {voice!r}")
            try:
                return read_wav(path)
            except (OSError, EOFError, ValueError) as error:
                raise EngineError(f"eSpeak NG wrote no usable audio: {error}") from error
        finally:
            self._pending = None
            if memory >= 0:
                os.close(memory)
            else:
                path.unlink(missing_ok=True)

    def phonemes(self, text: str, voice: str, *, ipa: bool = False) -> str:
        """The phonemes eSpeak NG produces for `text` in `voice` (kiosk.speech.phonemes):
        eSpeak's phoneme names, or IPA. The tests check each voice's language with them,
        and `als-kiosk say --phonemes` shows a technician what a voice makes of a page."""
        if self._espeak.SetVoiceByName(voice.encode("utf-8")) != 0:
            raise EngineError(f"eSpeak NG has no voice {voice!r}")
        return text_to_phonemes(self._library, text, ipa=ipa)

    def close(self) -> None:
        if self._folder is not None:
            for leftover in self._folder.glob("*"):
                leftover.unlink(missing_ok=True)
            self._folder.rmdir()
