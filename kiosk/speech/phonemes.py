"""The phonemes eSpeak NG makes of a text, through its own C API (espeak_TextToPhonemes).

What the engine will say, without making audio (docs/dependencies.md, "What eSpeak NG
says"): the speech worker uses it for `als-kiosk say --phonemes` and the tests, and
`als-kiosk check` loads the library into its own process through `Phonemizer`, which
needs no pyttsx3, no audio and no worker: 12 ms of CPU where starting the worker takes
150 ms, and the check has one second in all.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
from collections.abc import Iterator, Sequence

from kiosk.speech.controls import voice_candidates

AUDIO_OUTPUT_SYNCHRONOUS = 2
"""espeak_AUDIO_OUTPUT in speak_lib.h: synthesis in the calling thread, no sound device."""
PHONEMES_IPA = 0x02
CHARS_UTF8 = 1


def text_to_phonemes(library: ctypes.CDLL, text: str, *, ipa: bool) -> str:
    """The phonemes of `text` in the voice set last: eSpeak's phoneme names, or IPA. Each
    call of the C function gives one clause; with IPA they are joined by " | " (pauses).
    A switch to another voice inside a clause shows as `(en)…(cmn)`."""
    to_phonemes = library.espeak_TextToPhonemes
    to_phonemes.restype = ctypes.c_char_p
    to_phonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
    encoded = ctypes.create_string_buffer(text.encode("utf-8"))
    pointer = ctypes.c_void_p(ctypes.addressof(encoded))
    parts = []
    mode = PHONEMES_IPA if ipa else 0
    while pointer.value:
        result = to_phonemes(ctypes.byref(pointer), CHARS_UTF8, mode)
        if result is None:
            break
        parts.append(result.decode("utf-8", "ignore"))
    return (" | " if ipa else " ").join(parts)


class PhonemesUnavailable(RuntimeError):
    """eSpeak NG could not be loaded in this process."""


class Phonemizer:
    """eSpeak NG in this process, for phonemes only. One thread at a time."""

    def __init__(self) -> None:
        self._library = _initialised_library()

    def voice(self, tag: str) -> str | None:
        """Set the eSpeak NG voice for a language tag (as the kiosk picks it) and name it;
        None if there is none."""
        for candidate in voice_candidates(tag):
            if int(self._library.espeak_SetVoiceByName(candidate.encode("utf-8"))) == 0:
                return candidate
        return None

    def phonemes(self, texts: Sequence[str], *, ipa: bool = True) -> list[str]:
        """The phonemes of each text in the voice set last. Setting a voice takes about
        0.7 ms, ten times the phonemes of an acronym: set it once, ask many."""
        return [text_to_phonemes(self._library, text, ipa=ipa) for text in texts]


@functools.cache
def _initialised_library() -> ctypes.CDLL:
    """eSpeak NG loaded and initialised once per process: initialising it again while it
    is loaded corrupted its state (phonemes of the wrong voice, then a crash) when one
    process ran `check` many times (the test suite). A failure is not remembered."""
    try:
        import espeakng_loader

        data = espeakng_loader.get_data_path()
        os.environ["ESPEAK_DATA_PATH"] = data
        library = ctypes.CDLL(espeakng_loader.get_library_path())
    except (ImportError, OSError) as error:
        raise PhonemesUnavailable(f"eSpeak NG cannot be loaded: {error}") from error
    initialise = library.espeak_Initialize
    initialise.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    # eSpeak NG prints its own errors from C: not to the technician's terminal.
    with _quiet_stderr():
        rate = initialise(AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode("utf-8"), 0)
    if rate <= 0:
        raise PhonemesUnavailable("eSpeak NG did not start (its data may be missing)")
    library.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    return library


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """File descriptor 2 to /dev/null for a moment, and back."""
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
