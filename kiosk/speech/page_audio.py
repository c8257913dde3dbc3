"""A whole page as one recording (`als-kiosk say`): the same sentences the kiosk reads."""

from __future__ import annotations

from kiosk.content.pages import BlockKind, Page
from kiosk.speech.audio import Clip, concatenate, silence
from kiosk.speech.controls import match_voice, speed_for
from kiosk.speech.sentences import split_sentences
from kiosk.speech.worker import SpeechUnavailable, Synthesiser

SENTENCE_GAP = 0.25
BLOCK_GAP = 0.5


def page_audio(page: Page, synth: Synthesiser, wpm: int) -> tuple[Clip, int]:
    """The page read aloud block by block, and how many sentences it has."""
    info = synth.info or synth.start()
    speed = speed_for(wpm)
    parts: list[Clip] = []
    sentences = 0
    for block in page.blocks:
        if block.kind is BlockKind.SOURCE:
            continue  # citations are on screen; reading URLs aloud helps nobody
        voice = match_voice(block.lang, info.languages)
        if voice is None:
            raise SpeechUnavailable(f"no voice for language {block.lang!r}")
        text = block.text
        for start, end in split_sentences(text, block.lang):
            clip, _ = synth.synthesise(text[start:end], voice, speed)
            parts += [clip, silence(SENTENCE_GAP, clip.sample_rate)]
            sentences += 1
        if parts:
            parts.append(silence(BLOCK_GAP, parts[-1].sample_rate))
    return concatenate(parts), sentences
