"""The speech worker process and its supervisor.

eSpeak NG runs in a child process so nothing it prints reaches the kiosk's terminal, a
crash or hang cannot take the kiosk down, and a stuck engine is simply replaced: every
request has a timeout, after which the worker is killed and started again.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.speech.audio import Clip
from kiosk.speech.controls import Speed

if TYPE_CHECKING:
    from collections.abc import Sequence
    from multiprocessing.connection import Connection

    from kiosk.speech.spoken import Lexicons, Pronunciation, Span

REQUEST_TIMEOUT = 3.0
START_TIMEOUT = 10.0


class SpeechUnavailable(RuntimeError):
    """The engine could not be started or did not answer; the text stays on screen."""


@dataclass(frozen=True)
class EngineInfo:
    languages: tuple[str, ...]
    voices: tuple[tuple[str, str, tuple[str, ...]], ...]
    """(id, name, languages) of each voice."""


def _silence_output() -> None:
    # The engine and its driver write to stdout/stderr from C and from their own
    # threads; in the worker those descriptors lead nowhere.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def serve(
    conn: Connection, pronunciation: Pronunciation | None = None, preload: bool = False
) -> None:
    """Worker main loop: one request at a time, answers on the same pipe.

    Sentences are made speakable here (kiosk.speech.spoken), beside the engine: the CLDR
    data that takes (Babel) stays out of the kiosk's own process. With `preload`, every
    language's lexicon and number style is read once the worker has said it is ready and
    before it takes the first request, so no sentence waits for a file."""
    _silence_output()
    from kiosk.speech.engine import EngineError, EspeakEngine
    from kiosk.speech.spoken import Pronunciation

    try:
        engine = EspeakEngine()
    except Exception as error:  # any start-up failure is reported, not raised
        conn.send(("error", f"speech engine did not start: {type(error).__name__}"))
        return
    pronunciation = pronunciation or Pronunciation()
    conn.send(
        (
            "ready",
            EngineInfo(
                languages=tuple(engine.languages()),
                voices=tuple((v.id, v.name, v.languages) for v in engine.voices),
            ),
        )
    )
    if preload:
        # After "ready": the kiosk knows its voices sooner, and the first request still
        # comes after the files are read, since this process answers one at a time.
        with contextlib.suppress(Exception):  # a bad lexicon costs only its own language
            pronunciation.preload()
    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return
            kind = request[0]
            try:
                if kind == "synth":
                    # Optionally with the sentence's language and phone numbers: then it
                    # is made speakable first, and the text spoken is sent back with it.
                    _, text, voice, rate, word_gap, *spoken = request
                    if spoken:
                        text = _speakable(pronunciation, text, spoken[0], spoken[1])
                    clip = engine.synthesise(text, voice, rate, word_gap)
                    answer = ("clip", clip.pcm, clip.sample_rate, engine.current_voice(), text)
                    conn.send(answer)
                elif kind == "prepare":
                    _, text, lang, phones = request
                    conn.send(("prepared", _speakable(pronunciation, text, lang, phones)))
                elif kind == "phonemes":
                    _, text, voice, *options = request
                    ipa = bool(options and options[0])
                    conn.send(("phonemes", engine.phonemes(text, voice, ipa=ipa)))
                elif kind == "quit":
                    return
                else:
                    conn.send(("error", f"unknown request {kind!r}"))
            except EngineError as error:
                conn.send(("error", str(error)))
    finally:
        engine.close()


def _speakable(pronunciation: Pronunciation, text: str, lang: str, phones: Sequence[Span]) -> str:
    """The sentence made speakable; as shown (sanitised) should that ever fail: speech
    must not stop over a pronunciation."""
    try:
        return pronunciation.prepare(text, lang, phones)
    except Exception:
        from kiosk.content.text import sanitise

        return sanitise(text)


def main() -> None:
    """`python -m kiosk.speech.worker FD [CONTENT_DIR LOCALES_DIR PRELOAD]`: serve requests on
    the socket FD, with the lexicons beside those folders (default: the shipped ones)."""
    from multiprocessing.connection import Connection

    from kiosk.speech.spoken import Lexicons, Pronunciation

    pronunciation = None
    preload = False
    if len(sys.argv) >= 5:
        from pathlib import Path

        pronunciation = Pronunciation(Lexicons(Path(sys.argv[2]), Path(sys.argv[3])))
        preload = sys.argv[4] == "1"
    serve(Connection(int(sys.argv[1])), pronunciation, preload)


class Synthesiser:
    """Supervises the worker: start, ask with a timeout, restart after a crash or hang.

    Thread-safe: requests are serialised, because the engine deadlocks if two threads
    use it at once (docs/dependencies.md).
    """

    def __init__(
        self,
        timeout: float = REQUEST_TIMEOUT,
        *,
        lexicons: Lexicons | None = None,
        preload: bool = True,
    ) -> None:
        """`lexicons`: where the pronunciation lexicons are (default: beside the shipped
        pages and catalogs); `preload`: read them all when the worker starts (a tool that
        only asks for phonemes need not)."""
        self.timeout = timeout
        self._lexicons = lexicons
        self._preload = preload
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None
        self.info: EngineInfo | None = None
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> EngineInfo:
        with self._lock:
            return self._ensure_started()

    def _ensure_started(self) -> EngineInfo:
        if self._process is not None and self._process.poll() is None and self.info is not None:
            return self.info
        if self._process is not None:
            self.restarts += 1  # it died since the last request
        self._stop_process()
        # A plain child process over a socket pair, not multiprocessing: it needs no
        # usable sys.stderr in the kiosk (Textual replaces it), and its own output
        # goes nowhere from its first instruction.
        ours, theirs = socket.socketpair()
        if self._lexicons is None:
            from kiosk.speech.spoken import Lexicons

            self._lexicons = Lexicons.shipped()
        places = [str(self._lexicons.content_dir), str(self._lexicons.locales_dir)]
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk.speech.worker",
                str(theirs.fileno()),
                *places,
                "1" if self._preload else "0",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(theirs.fileno(),),
        )
        theirs.close()
        from multiprocessing.connection import Connection  # on the speech thread

        parent = Connection(ours.detach())
        self._process, self._conn = process, parent
        if not parent.poll(START_TIMEOUT):
            self._stop_process()
            raise SpeechUnavailable("the speech engine did not start in time")
        try:
            answer = parent.recv()
        except EOFError as error:
            self._stop_process()
            raise SpeechUnavailable("the speech engine stopped while starting") from error
        if answer[0] != "ready":
            self._stop_process()
            raise SpeechUnavailable(str(answer[1]))
        self.info = answer[1]
        return self.info

    def _stop_process(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=2)
        self._process, self._conn = None, None

    def _ask(self, request: tuple[Any, ...], timeout: float) -> tuple[Any, ...]:
        with self._lock:
            for attempt in (1, 2):
                self._ensure_started()
                conn = self._conn
                assert conn is not None
                try:
                    conn.send(request)
                    if conn.poll(timeout):
                        answer: tuple[Any, ...] = conn.recv()
                        if answer[0] == "error":
                            raise SpeechUnavailable(str(answer[1]))
                        return answer
                    problem = "the speech engine did not answer in time"
                except (EOFError, OSError, BrokenPipeError):
                    problem = "the speech engine stopped"
                # Hung or crashed: replace the worker; try the request once more.
                self._stop_process()
                self.restarts += 1
                if attempt == 2:
                    raise SpeechUnavailable(problem)
        raise AssertionError("unreachable")

    def synthesise(self, text: str, voice: str, speed: Speed) -> tuple[Clip, str]:
        """The audio for `text`, and the language of the voice eSpeak actually used."""
        answer = self._ask(("synth", text, voice, speed.rate, speed.word_gap), self.timeout)
        return Clip(answer[1], answer[2]), str(answer[3])

    def synthesise_spoken(
        self, text: str, voice: str, speed: Speed, lang: str, phones: Sequence[Span] = ()
    ) -> tuple[Clip, str, str]:
        """A sentence as shown, made speakable in `lang` (kiosk.speech.spoken) and
        synthesised: its audio, the language of the voice used, and the text spoken."""
        request = ("synth", text, voice, speed.rate, speed.word_gap, lang, tuple(phones))
        answer = self._ask(request, self.timeout)
        return Clip(answer[1], answer[2]), str(answer[3]), str(answer[4])

    def prepare(self, text: str, lang: str, phones: Sequence[Span] = ()) -> str:
        """The sentence as the engine would get it (`als-kiosk say --phonemes` shows it)."""
        return str(self._ask(("prepare", text, lang, tuple(phones)), self.timeout)[1])

    def phonemes(self, text: str, voice: str, *, ipa: bool = False) -> str:
        """The phonemes eSpeak NG makes of `text` in `voice` (EspeakEngine.phonemes): the
        tests check each voice's language with them, and `als-kiosk say --phonemes` shows
        them to a technician."""
        return str(self._ask(("phonemes", text, voice, ipa), self.timeout)[1])

    def close(self) -> None:
        """Ask the worker to finish (it removes its working folder), then make sure."""
        with self._lock:
            if self._conn is not None and self._process is not None:
                try:
                    self._conn.send(("quit",))
                    self._process.wait(timeout=2)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._stop_process()


if __name__ == "__main__":
    # Run the module's real copy, not this `__main__` one, so pickled answers name
    # `kiosk.speech.worker.EngineInfo`, which the kiosk can load.
    from kiosk.speech import worker

    worker.main()
