"""pyttsx3's espeak driver: the private ctypes binding of eSpeak NG the kiosk uses.

pyttsx3 is pinned exactly (pyttsx3==2.99) and eSpeak NG comes from espeakng-loader,
bounded to its tested minor release (pyproject.toml). kiosk.speech.engine drives the
engine through pyttsx3's public API and, for what that API cannot do, through the driver's
own binding. Each use below says why, names the upstream issue (or says there is none),
and has a check; tests/unit/test_upstream_core.py fails once one is no longer needed.

1. The binding itself, `pyttsx3.drivers._espeak` (`load_espeak`). The engine sets the
   voice, the rate and the pause between words from the `started-utterance` callback,
   and reads back the voice eSpeak really used. pyttsx3's `setProperty` cannot: a
   property change is queued and is lost about half the time when `runAndWait` cancels
   eSpeak's queue, an unknown voice was ignored without a word (the previous voice read
   on), and there is no property for eSpeak's word gap (espeakWORDGAP), the only way to
   speak slower than rate 80 (docs/dependencies.md). No upstream issue (searched
   nateshmbhat/pyttsx3). Check: `has_no_word_gap_property`.
2. Every language of a voice (`voice_languages`). eSpeak NG packs a voice's languages as
   <priority byte><name>\\0 repeated, then \\0 (speak_lib.h); pyttsx3 declares the field a
   C string and keeps only the first name, so the English voice is only `en-gb` and a
   page in `en` would find no voice. The names are read from the memory behind the
   field: https://github.com/RapidWareTech/pyttsx/issues/23 (open since 2014 in pyttsx,
   which pyttsx3 continues; the fix, https://github.com/RapidWareTech/pyttsx/pull/24,
   never reached pyttsx3). Check: `lists_one_language_per_voice`.

Both checks start eSpeak NG in the calling process (its library prints from C when it
fails): the tests ask them in a child process, as the kiosk does in its speech worker.
"""

from __future__ import annotations

import ctypes
import os
from typing import Any

ESPEAK_WORDGAP = 7
"""espeakWORDGAP in speak_lib.h (pyttsx3's binding names only rate to punctuation)."""


def load_espeak() -> tuple[Any, ctypes.CDLL]:
    """pyttsx3's binding of eSpeak NG, bound to the library espeakng-loader ships, and
    that library.

    pyttsx3 finds libespeak-ng only by name (docs/dependencies.md): the bundled library
    is loaded with RTLD_GLOBAL, and its data path set, before the driver is imported.
    """
    import espeakng_loader

    os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()
    library = ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
    from pyttsx3.drivers import _espeak

    return _espeak, library


def voice_languages(voice: Any) -> tuple[str, ...]:
    """All languages of an espeak_VOICE, lower case, in eSpeak's order of priority."""
    offset = type(voice).languages.offset
    address = ctypes.c_void_p.from_buffer(voice, offset).value
    names: list[str] = []
    while address:
        if ctypes.string_at(address, 1) == b"\x00":
            break
        name = ctypes.string_at(address + 1)
        names.append(name.decode("utf-8", "ignore").lower())
        address += 1 + len(name) + 1
    return tuple(names)


def has_no_word_gap_property() -> bool:
    """Is the problem still there: does pyttsx3's espeak driver refuse a word-gap property?"""
    load_espeak()
    from pyttsx3.drivers.espeak import EspeakDriver

    for name in ("word_gap", "wordgap", "wordGap"):
        try:
            EspeakDriver.setProperty(name, 0)
        except KeyError:
            continue
        return False
    return True


def lists_one_language_per_voice() -> bool:
    """Is the problem still there: does pyttsx3's `voices` property give a voice fewer
    languages than eSpeak NG packs into it?"""
    espeak, _ = load_espeak()
    import pyttsx3

    engine = pyttsx3.init("espeak")
    public = {voice.id: list(voice.languages) for voice in engine.getProperty("voices")}
    for voice in espeak.ListVoices(None):
        identifier = voice.identifier.decode("utf-8").lower()
        if len(public.get(identifier, [])) < len(voice_languages(voice)):
            return True
    return False
