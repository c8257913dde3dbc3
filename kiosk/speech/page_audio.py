"""A whole page as one recording (`als-kiosk say`): the same sentences the kiosk reads,
made speakable the same way, and the page's sentences as the kiosk would give them."""

from __future__ import annotations

from kiosk.content.pages import BlockKind, Page
from kiosk.speech.audio import Clip, concatenate, silence
from kiosk.speech.controls import match_voice, speed_for
from kiosk.speech.reader import Utterance, utterances_for
from kiosk.speech.worker import SpeechUnavailable, Synthesiser

SENTENCE_GAP = 0.25
BLOCK_GAP = 0.5


def page_utterances(page: Page) -> list[Utterance]:
    """Every sentence the page is read as, block by block (sources are not read)."""
    return [
        utterance
        for index, block in enumerate(page.blocks)
        if block.kind is not BlockKind.SOURCE
        for utterance in utterances_for(block.runs, block.lang, index)
    ]


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
        for utterance in utterances_for(block.runs, block.lang, 0):
            clip, _, _ = synth.synthesise_spoken(
                utterance.text, voice, speed, utterance.lang, utterance.phones
            )
            parts += [clip, silence(SENTENCE_GAP, clip.sample_rate)]
            sentences += 1
        if parts:
            parts.append(silence(BLOCK_GAP, parts[-1].sample_rate))
    return concatenate(parts), sentences


def utterances_audio(utterances: list[Utterance], synth: Synthesiser, wpm: int) -> Clip:
    """Sentences read one after the other (`als-kiosk say --text`)."""
    info = synth.info or synth.start()
    speed = speed_for(wpm)
    parts: list[Clip] = []
    for utterance in utterances:
        voice = match_voice(utterance.lang, info.languages)
        if voice is None:
            raise SpeechUnavailable(f"no voice for language {utterance.lang!r}")
        clip, _, _ = synth.synthesise_spoken(
            utterance.text, voice, speed, utterance.lang, utterance.phones
        )
        parts += [clip, silence(SENTENCE_GAP, clip.sample_rate)]
    return concatenate(parts)
