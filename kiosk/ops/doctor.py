"""`als-kiosk doctor`: can the kiosk run well on this machine? Plain words, a fix for each."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import struct
import subprocess
import sys
import termios
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.config.clinic import DisplaySettings, Settings, load_settings
from kiosk.config.keymap import SWITCH_PRESETS, display_key
from kiosk.content.layout import MIN_SIZE
from kiosk.content.pages import Page, load_pages
from kiosk.content.regions import region_problem
from kiosk.i18n.languages import discover, template_keys
from kiosk.input.scanning import Mode
from kiosk.ops.checks import check_reviews
from kiosk.ops.deployment import (
    capital_mm_for_points,
    drawn_languages,
    estimate_capital_mm,
    font_points,
    install_command,
    points_for,
    required_capital_mm,
)
from kiosk.ops.fonts import (
    FontconfigMissing,
    fallback_fonts,
    font_for,
    font_package,
    fontconfig_language,
    language_package,
    terminal_fonts,
)
from kiosk.speech.controls import match_voice, speed_for
from kiosk.speech.player import real_device_works
from kiosk.speech.worker import SpeechUnavailable, Synthesiser
from kiosk.translate import SOURCE_LANGUAGE

MIN_COLUMNS, MIN_ROWS = MIN_SIZE
# Voices known to be weak (docs/dependencies.md): said plainly, so the clinic can decide.
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
        synth.close()
        return [
            Finding(
                False,
                "speech engine",
                f"eSpeak NG did not start ({error}).",
                f"Reinstall the kiosk ({' '.join(install_command())}); "
                "the text is still shown without speech.",
            )
        ]
    try:
        english = match_voice("en", info.languages) or "en"
        clip, _voice = synth.synthesise("Speech works.", english, speed_for(140))
    except SpeechUnavailable as error:
        synth.close()
        return [
            Finding(
                False,
                "speech engine",
                f"eSpeak NG started but did not speak a test sentence ({error}).",
                "Reinstall the kiosk; if it persists, run with [speech] enabled = false.",
            )
        ]
    findings = [
        Finding(
            True,
            "speech engine",
            f"eSpeak NG with {len(info.voices)} voices; a test sentence took "
            f"{clip.seconds:.1f} s of audio.",
        )
    ]
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
    synth.close()
    return findings


def _pronunciation(content_dir: Path, locales_dir: Path, tags: list[str]) -> list[Finding]:
    """Each language's pronunciation lexicon: one that cannot be used leaves its language
    read without it (acronyms and symbols may be misread), and the technician is told."""
    from kiosk.speech.lexicon import read_lexicon
    from kiosk.speech.spoken import Lexicons

    lexicons = Lexicons(content_dir, locales_dir)
    findings: list[Finding] = []
    used: list[str] = []
    for tag in tags:
        lexicon, problems = read_lexicon(lexicons.path(tag), tag)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            findings.append(
                Finding(
                    False,
                    f"pronunciation for {tag}",
                    f"{problems[0]}{more}. {tag} is read without its lexicon, so some "
                    "acronyms and symbols may be misread.",
                    "Fix the file (als-kiosk check lists every problem), or remove it.",
                )
            )
        elif lexicon is not None:
            used.append(f"{tag} {len(lexicon.entries)}")
    if not findings:
        entries = ", ".join(used) if used else "none"
        findings.append(Finding(True, "pronunciation", f"lexicon entries: {entries}."))
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


LOW_SPACE_BYTES = 100 * 2**20


def _storage() -> Finding:
    """The kiosk writes nothing, so a read-only disk is fine; a full one hurts the system
    (its log, updates). Every place programs write to is looked at."""
    places = [Path("/"), Path("/var"), Path("/tmp"), Path("/var/tmp"), Path.home()]
    seen: dict[int, tuple[Path, os.statvfs_result]] = {}
    for place in places:
        try:
            seen.setdefault(place.stat().st_dev, (place, os.statvfs(place)))
        except OSError:
            continue
    full = [
        (place, usage.f_bavail * usage.f_frsize)
        for place, usage in seen.values()
        if not usage.f_flag & os.ST_RDONLY and usage.f_bavail * usage.f_frsize < LOW_SPACE_BYTES
    ]
    if full:
        described = ", ".join(f"{place} ({free // 2**20} MB free)" for place, free in full)
        return Finding(
            False,
            "disk",
            f"nearly full: {described}. The kiosk needs no space, but the system log and "
            "updates do.",
            "Free some space (for example: journalctl --vacuum-size=100M).",
        )
    read_only = [str(place) for place, usage in seen.values() if usage.f_flag & os.ST_RDONLY]
    if read_only:
        return Finding(
            True,
            "disk",
            f"read-only: {', '.join(read_only)}; the kiosk writes nothing, so it runs.",
        )
    return Finding(True, "disk", "space to spare.")


def _terminal_pixels() -> tuple[int, int, int, int]:
    """(rows, columns, width px, height px) as the terminal reports them; 0 when unknown."""
    for stream in (sys.stdout, sys.stdin, sys.stderr):
        try:
            packed = fcntl.ioctl(stream.fileno(), termios.TIOCGWINSZ, b"\0" * 8)
        except (OSError, ValueError, AttributeError):
            continue
        rows, columns, width, height = struct.unpack("HHHH", packed)
        return rows, columns, width, height
    return 0, 0, 0, 0


def _letter_size(display: DisplaySettings) -> Finding:
    """Are capitals big enough (508 402.4, EN 301 549 5.1.4)? Measured where the terminal
    tells its pixel size and the clinic gave the screen's width; else from the config."""
    distance = display.viewing_distance_cm
    needed = required_capital_mm(distance)
    points = font_points(display)
    if capital_mm_for_points(points) < needed:
        return Finding(
            False,
            "letter size",
            f"[display] font_size_pt = {points:g} gives capitals of about "
            f"{capital_mm_for_points(points):.1f} mm; at {distance:g} cm they must be at least "
            f"{needed:.1f} mm.",
            f"Set font_size_pt = {points_for(distance)} or 0 (worked out from the distance).",
        )
    rows, _columns, width, height = _terminal_pixels()
    if not (rows and width and height) or not display.screen_width_mm:
        return Finding(
            True,
            "letter size",
            f"the kiosk terminal is started at {points:g} pt (capitals about "
            f"{capital_mm_for_points(points):.1f} mm, at least {needed:.1f} mm needed at "
            f"{distance:g} cm). Not measured here: "
            + (
                "set [display] screen_width_mm to the screen's width to have it measured."
                if rows and width and height
                else "this terminal does not report its size in pixels."
            ),
        )
    estimate = estimate_capital_mm(height / rows, width, display.screen_width_mm, distance)
    message = (
        f"capitals about {estimate.capital_mm:.1f} mm high on this screen "
        f"({height // rows} px cells); at least {needed:.1f} mm needed at {distance:g} cm."
    )
    if estimate.big_enough:
        return Finding(True, "letter size", message)
    return Finding(
        False,
        "letter size",
        message,
        "Start the kiosk with `als-kiosk launch` (it sets the font size), or raise the "
        "terminal's font size.",
    )


def fonts(
    display: DisplaySettings, tags: list[str], drawn: Sequence[str] | None = None
) -> list[Finding]:
    """Can the kiosk terminal draw every offered language, each with its own shapes? foot
    draws with the fonts `als-kiosk launch` names (terminal_fonts: [display] font, then
    one for each of `drawn`, by default `tags`) and, for letters none has, fontconfig's
    fallbacks; a language no installed font covers shows as empty boxes, which nobody at
    the kiosk can report."""
    restart = "then restart the kiosk (sudo systemctl restart als-kiosk)."
    families = terminal_fonts(display.font, tags if drawn is None else drawn)
    try:
        found = fallback_fonts(families)
    except FontconfigMissing:
        return [
            Finding(
                False,
                "fonts",
                "fontconfig's tools (fc-match) are not installed, so whether the terminal's "
                "fonts have the letters of every language was not checked.",
                "sudo apt install fontconfig, then run doctor again.",
            )
        ]
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
        return [
            Finding(
                False,
                "fonts",
                f"fontconfig could not list the fonts ({error}).",
                "sudo apt install --reinstall fontconfig, then run doctor again.",
            )
        ]
    if not found:
        return [
            Finding(
                False,
                "fonts",
                "fontconfig finds no font at all: the terminal cannot draw text.",
                f"sudo apt install fonts-dejavu-core, {restart}",
            )
        ]
    first, primary = found[0], families[0]
    named = found[1 : len(families)]
    findings: list[Finding] = []
    if first.is_family(primary):
        findings.append(Finding(True, "terminal font", f"{primary} ({first.file})."))
    else:
        package = font_package(primary)
        findings.append(
            Finding(
                False,
                "terminal font",
                f"[display] font = {primary!r} is not installed: the terminal would "
                f"draw with {first.family} ({first.file}) instead.",
                f"sudo apt install {package}, {restart}"
                if package
                else "Install that font, or set [display] font to an installed monospace "
                "font (fc-list :spacing=mono family lists them).",
            )
        )
    for tag in tags:
        language = fontconfig_language(tag)
        font = font_for(language, found)
        if font is None:
            findings.append(
                Finding(
                    False,
                    f"font for {tag}",
                    f"no installed font has the letters of {tag} (fontconfig: "
                    f"fc-list :lang={language} lists none), so its pages would show empty "
                    "boxes.",
                    f"sudo apt install {language_package(language)}, {restart}",
                )
            )
            continue
        if font is first:
            how = "the terminal font"
        elif any(font is one for one in named):
            how = f"named after {first.family} in foot's --font"
        else:
            how = f"fontconfig's fallback for {first.family}"
        findings.append(Finding(True, f"font for {tag}", f"{font.family} ({how})."))
    return findings


def _reviews(pages: list[Page], months: int) -> Finding:
    """Pages whose next review is due: the information may have gone out of date."""
    overdue = check_reviews(pages, months, dt.date.today())
    if not overdue:
        return Finding(True, "review dates", f"every page was reviewed within {months} months.")
    names = ", ".join(problem.path.stem for problem in overdue)
    return Finding(
        False,
        "review dates",
        f"{len(overdue)} page(s) past their review date: {names}. Patients see the dates, "
        "never a warning.",
        "Install an updated version of the kiosk's pages, or ask whoever writes them "
        "(als-kiosk check names each page and its due date).",
    )


def switches(settings: Settings) -> Finding:
    """Which keys are switches: the technician matches them to what the clinic's switch
    interface sends (a switch that sends another key would do nothing, or read aloud)."""
    keys = settings.keys
    move = " or ".join(display_key(key) for key in keys["switch_move"])
    select = " or ".join(display_key(key) for key in keys["switch_select"])
    mode = settings.input.mode
    when = (
        f"in {mode} mode (now) they do only that"
        if mode != Mode.KEYS
        else "they act once someone chooses one or two switches in Settings"
    )
    return Finding(
        True,
        "switch keys",
        f"switch 1 = {move} (moves with two switches), switch 2 = {select} (selects; with one "
        f"switch either selects); {when}. Preset [input] switch_keys = "
        f"{settings.input.switch_keys!r}. If the switch interface sends other keys, set "
        f"it to one of {', '.join(SWITCH_PRESETS)}, or give [keys] switch_move and "
        "switch_select.",
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
    findings.append(_reviews(pages, int(settings.clinic.review_months)))
    if settings.clinic.region:
        problem = region_problem(settings.clinic.region)
        findings.append(
            Finding(
                problem is None,
                "region",
                problem or f"{settings.clinic.region}: what applies there is shown first.",
                "Fix [clinic] region in the config (an ISO 3166 code such as GB, GB-SCT, US)."
                if problem
                else "",
            )
        )
    languages, language_problems = discover(
        locales_dir,
        template_keys(pages, locales_dir),
        min_complete=settings.language.min_complete,
        offered=settings.language.offered,
    )
    findings.extend(
        Finding(
            False,
            "languages",
            str(problem),
            f"To preview it, edit {config_path or 'the clinic config'} as it says, restart "
            "the kiosk, and set it back afterwards (locales/README.md)"
            if problem.warning
            else "Run: als-kiosk check, and see locales/README.md",
        )
        for problem in language_problems
    )
    tags = [SOURCE_LANGUAGE, *(loaded.language.tag for loaded in languages)]
    findings.append(Finding(True, "languages", ", ".join(tags)))
    findings.extend(_pronunciation(content_dir, locales_dir, tags))
    if settings.speech.enabled:
        findings.extend(_speech(tags))
        findings.append(_audio())
    findings.append(switches(settings))
    findings.append(_terminal())
    findings.append(_letter_size(settings.display))
    findings.extend(fonts(settings.display, tags, drawn_languages(locales_dir, settings.language)))
    findings.append(_storage())
    return findings
