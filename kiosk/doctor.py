"""`als-kiosk doctor`: can the kiosk run well on this machine? Plain words, a fix for each."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.content import load_pages
from kiosk.languages import discover, template_keys
from kiosk.settings import load_settings
from kiosk.speech.controls import match_voice
from kiosk.speech.player import real_device_works
from kiosk.speech.worker import SpeechUnavailable, Synthesiser

MIN_COLUMNS, MIN_ROWS = 40, 12
# Voices known to be weak (../shared/notes.md): said plainly, so the clinic can decide.
WEAK_VOICES = {
    "ar": "eSpeak NG reads Arabic without vowel marks roughly; check it with a native "
    "speaker (als-kiosk say PAGE --lang ar --output page.wav).",
}


@dataclass(frozen=True)
class Finding:
    ok: bool
    topic: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        mark = "ok  " if self.ok else "FIX "
        text = f"{mark} {self.topic}: {self.message}"
        return f"{text}\n     → {self.fix}" if self.fix else text


def _speech(languages: list[str]) -> list[Finding]:
    synth = Synthesiser()
    try:
        info = synth.start()
    except SpeechUnavailable as error:
        return [
            Finding(
                False,
                "speech engine",
                f"eSpeak NG did not start ({error}).",
                "Reinstall the kiosk (pip install --force-reinstall als-kiosk); "
                "the text is still shown without speech.",
            )
        ]
    finally:
        synth.close()
    findings = [Finding(True, "speech engine", f"eSpeak NG with {len(info.voices)} voices.")]
    for lang in languages:
        voice = match_voice(lang, info.languages)
        if voice is None:
            findings.append(
                Finding(
                    False,
                    f"voice for {lang}",
                    "none: pages in this language are shown but not read aloud.",
                    "Choose another language for this kiosk, or accept text only.",
                )
            )
        else:
            names = [v[1] for v in info.voices if voice in v[2]]
            weak = WEAK_VOICES.get(voice)
            message = f"{voice} ({', '.join(names[:3])})" + (f"; note: {weak}" if weak else "")
            findings.append(Finding(True, f"voice for {lang}", message))
    return findings


def _audio() -> Finding:
    if real_device_works():
        return Finding(True, "audio output", "a sound device opens.")
    return Finding(
        False,
        "audio output",
        "no sound device could be opened; the kiosk reads along on screen in silence.",
        "Connect speakers or headphones, check the volume and that the kiosk's user may "
        "use audio (the `audio` group), then run doctor again.",
    )


def _terminal() -> Finding:
    size = shutil.get_terminal_size(fallback=(0, 0))
    if size.columns >= MIN_COLUMNS and size.lines >= MIN_ROWS:
        return Finding(True, "terminal", f"{size.columns}×{size.lines} cells.")
    return Finding(
        False,
        "terminal",
        f"{size.columns}×{size.lines} cells; the kiosk needs at least {MIN_COLUMNS}×{MIN_ROWS}.",
        "Use a smaller font size or a larger window (about 45×12 at a 32 pt font).",
    )


def diagnose(*, content_dir: Path, locales_dir: Path, config_path: Path | None) -> list[Finding]:
    findings: list[Finding] = []
    settings, config_problems = load_settings(config_path)
    if config_problems:
        findings.extend(
            Finding(False, "config", str(problem), "Fix the file, then run: als-kiosk check")
            for problem in config_problems
        )
    elif config_path is not None:
        findings.append(Finding(True, "config", f"{config_path} is valid."))
    pages, page_problems = load_pages(content_dir)
    if page_problems:
        findings.extend(
            Finding(False, "content", str(problem), "Run: als-kiosk check")
            for problem in page_problems
        )
    else:
        findings.append(Finding(True, "content", f"{len(pages)} pages."))
    languages, language_problems = discover(
        locales_dir,
        template_keys(pages, locales_dir),
        min_complete=settings.language.min_complete,
        offered=settings.language.offered,
    )
    findings.extend(
        Finding(False, "languages", str(problem), "Run: als-kiosk check, and see locales/README.md")
        for problem in language_problems
    )
    tags = ["en", *(loaded.language.tag for loaded in languages)]
    findings.append(Finding(True, "languages", ", ".join(tags)))
    if settings.speech.enabled:
        findings.extend(_speech(tags))
        findings.append(_audio())
    findings.append(_terminal())
    return findings
