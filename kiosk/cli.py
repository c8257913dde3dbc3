"""`als-kiosk`: run the kiosk, and the tools a writer, translator or technician uses."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import version
from kiosk.config.clinic import CONFIG_ENV
from kiosk.paths import default_content_dir, default_locales_dir

if TYPE_CHECKING:
    from kiosk.content.pages import Page
    from kiosk.speech.audio import Clip
    from kiosk.speech.reader import Utterance
    from kiosk.speech.spoken import Lexicons
    from kiosk.speech.worker import Synthesiser


def _config_path(value: str | None) -> Path | None:
    chosen = value or os.environ.get(CONFIG_ENV)
    return Path(chosen) if chosen else None


def _add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset what was given before the command name (argparse
    # would overwrite it with None), so only the top level has real defaults.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--config",
        default=default,
        metavar="PATH",
        help=f"clinic config file (TOML); default: ${CONFIG_ENV}, else built-in defaults",
    )
    parser.add_argument(
        "--content",
        default=default,
        metavar="DIR",
        type=Path,
        help="folder holding en/*.md pages (default: the pages shipped with the kiosk)",
    )
    parser.add_argument(
        "--locales",
        default=default,
        metavar="DIR",
        type=Path,
        help="folder holding <lang>/LC_MESSAGES/*.po (default: the catalogs shipped)",
    )


class _Version(argparse.Action):
    """--version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        parser.exit(message=f"{parser.prog} {version()}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="als-kiosk",
        description="Accessible ALS patient-information kiosk. With no command, starts the "
        "kiosk full-screen in this terminal.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="start the kiosk in this terminal (the default)",
        description="Start the kiosk. It cannot be quit from its keyboard; stop it from "
        "outside (its service or supervisor).",
    )
    _add_common(run)
    check = commands.add_parser(
        "check",
        help="check pages, translations and config; prints path:line: message for each problem",
        description="Validate the content pages against the fact sheet (every fact listed, "
        "every number from a listed fact, every source traceable), their reading level and "
        "review dates, the translations and the clinic config. Exit 0 when clean, 1 when "
        "anything needs fixing; warnings (a page due for review) alone exit 0.",
    )
    _add_common(check)
    check.add_argument(
        "--facts",
        metavar="FILE",
        type=Path,
        help="the fact sheet every page's facts, numbers and sources must come from "
        "(default: facts.md beside the pages' language folders)",
    )
    say = commands.add_parser(
        "say",
        help="a page or a text read aloud: to a WAV file, or as phonemes (for technicians)",
        description="Read a page (or --text) with the kiosk's speech engine, sentence by "
        "sentence, as the kiosk does: its phone numbers, pronunciation lexicon and numbers "
        "made speakable. --output writes a 16-bit mono WAV file; --phonemes prints, for each "
        "sentence, the text as prepared for speech and the phonemes eSpeak NG made of it, "
        "so a pronunciation can be checked without a sound device. Sources lists are not read.",
    )
    _add_common(say)
    say.add_argument("page_id", nargs="?", metavar="PAGE_ID", help="page id, e.g. stem-cells")
    say.add_argument(
        "--text",
        metavar="TEXT",
        help="read this text instead of a page (Markdown: a phone "
        "number is a link, [0808 802 6262](tel:+448088026262))",
    )
    say.add_argument("--lang", default="en", metavar="TAG", help="language (default: en)")
    say.add_argument(
        "--rate", type=int, default=140, metavar="WPM", help="words per minute, 70 to 250"
    )
    said = say.add_mutually_exclusive_group(required=True)
    said.add_argument("--output", type=Path, metavar="FILE.wav", help="write the audio here")
    said.add_argument(
        "--phonemes", action="store_true", help="print each sentence as spoken, and its phonemes"
    )
    doctor = commands.add_parser(
        "doctor",
        help="check this machine: speech engine, voices, audio output, terminal, files",
        description="Tell a technician, in plain words with a fix for each, whether the "
        "kiosk can run well here. Exit 0 only when all is well.",
    )
    _add_common(doctor)
    extract = commands.add_parser(
        "extract",
        help="write locales/content.pot and locales/kiosk.pot, and update each language",
        description="Write the translation templates from the English pages (one message per "
        "block, msgctxt = page id) and from the code, then bring every language's PO files "
        "up to date (changed English text marks the old translation fuzzy).",
    )
    _add_common(extract)
    extract.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a template or PO file is out of date",
    )
    stats = commands.add_parser(
        "stats",
        help="per language: translated, fuzzy, untranslated, obsolete, and reading ease",
        description="Show how complete each language's catalogs are, and the reading ease "
        "of its translated pages where the language has a reading-ease formula of its own "
        "(n/a otherwise).",
    )
    _add_common(stats)
    supervise = commands.add_parser(
        "supervise",
        help="run the kiosk and start it again within a second if it ever stops",
        description="Run the kiosk in this terminal and restart it at once if it exits or "
        "crashes. Stop it with SIGTERM (systemctl stop). Used by `launch` and deploy/.",
    )
    _add_common(supervise)
    launch = commands.add_parser(
        "launch",
        help="start the kiosk full-screen: cage + foot at the font size the config asks for",
        description="Start the Wayland kiosk compositor cage with the foot terminal, at the "
        "font size worked out from [display] viewing_distance_cm (capitals at least 4.8 mm "
        "and 0.7 degrees high), running `als-kiosk supervise`. Used by deploy/als-kiosk.service.",
    )
    _add_common(launch)
    launch.add_argument(
        "--print",
        action="store_true",
        help="print the command instead of running it",
    )
    _add_common(parser, top=True)
    return parser


def _common_arguments(args: argparse.Namespace) -> list[str]:
    """The --config/--content/--locales given, to pass on to a child kiosk."""
    passed: list[str] = []
    config = _config_path(args.config)
    for flag, value in (("--config", config), ("--content", args.content)):
        if value is not None:
            passed += [flag, str(Path(value).resolve())]
    if args.locales is not None:
        passed += ["--locales", str(Path(args.locales).resolve())]
    return passed


def _run(args: argparse.Namespace) -> int:
    from kiosk.factory import create_app
    from kiosk.ops.memory import MemoryPolicy

    app = create_app(
        content_dir=args.content,
        locales_dir=args.locales,
        config_path=_config_path(args.config),
        memory=MemoryPolicy(),  # this process is the kiosk's: its memory habits apply
    )
    app.run()
    return app.return_code or 0


def _supervise(args: argparse.Namespace) -> int:
    from kiosk.ops.supervisor import Supervisor

    command = [sys.executable, "-m", "kiosk", "run", *_common_arguments(args)]
    return Supervisor(command).run()


def _launch(args: argparse.Namespace) -> int:
    import shlex
    import shutil

    from kiosk.config.clinic import load_settings
    from kiosk.ops.deployment import SYSTEM_PACKAGES, drawn_languages, launch_command

    settings, problems = load_settings(_config_path(args.config))
    for problem in problems:
        print(problem, file=sys.stderr)
    kiosk = [sys.executable, "-m", "kiosk", "supervise", *_common_arguments(args)]
    languages = drawn_languages(args.locales or default_locales_dir(), settings.language)
    command = launch_command(settings.display, kiosk, languages)
    if args.print:
        print(shlex.join(command))
        return 0
    missing = [tool for tool in ("cage", "foot") if shutil.which(tool) is None]
    if missing:
        print(
            f"als-kiosk launch: {' and '.join(missing)} not installed; on Debian or Ubuntu: "
            f"sudo apt install {' '.join(SYSTEM_PACKAGES)} (see README, Running a kiosk)",
            file=sys.stderr,
        )
        return 1
    os.execvp(command[0], command)


def _check(args: argparse.Namespace) -> int:
    from kiosk.ops.checks import check_all

    problems, summary = check_all(
        content_dir=args.content or default_content_dir(),
        locales_dir=args.locales or default_locales_dir(),
        config_path=_config_path(args.config),
        facts_path=args.facts,
    )
    for problem in problems:
        print(problem)
    for line in summary:
        print(line, file=sys.stderr)
    return 1 if any(not problem.warning for problem in problems) else 0


def _say(args: argparse.Namespace) -> int:
    from kiosk.speech.audio import write_wav
    from kiosk.speech.worker import SpeechUnavailable, Synthesiser

    if not 70 <= args.rate <= 250:
        print("als-kiosk say: --rate must be from 70 to 250 words per minute", file=sys.stderr)
        return 2
    if (args.page_id is None) == (args.text is None):
        print("als-kiosk say: give a PAGE_ID or --text, not both", file=sys.stderr)
        return 2
    from kiosk.speech.spoken import Lexicons

    lexicons = Lexicons(
        args.content or default_content_dir(), args.locales or default_locales_dir()
    )
    page = None if args.text is not None else _say_page(args)
    if args.text is None and page is None:
        return 2
    _tell_lexicon_problems(lexicons, args.lang)
    synth = Synthesiser(lexicons=lexicons, preload=False)
    try:
        if args.phonemes:
            return _print_phonemes(args, page, synth)
        clip, sentences = _say_audio(args, page, synth)
    except SpeechUnavailable as error:
        print(f"als-kiosk say: speech is not available: {error}", file=sys.stderr)
        return 1
    finally:
        synth.close()
    try:
        write_wav(clip, args.output)
    except OSError as error:
        print(f"als-kiosk say: cannot write {args.output}: {error}", file=sys.stderr)
        return 1
    print(
        f"{args.output}: {sentences} sentences, {clip.seconds:.1f} s, {args.lang}, {args.rate} wpm",
        file=sys.stderr,
    )
    return 0


def _say_page(args: argparse.Namespace) -> Page | None:
    """The page to read, in the language asked for; None (and why, said) if there is none."""
    from kiosk.content.pages import load_pages

    pages, _ = load_pages(args.content or default_content_dir(), "en")
    page = next((p for p in pages if p.id == args.page_id), None)
    if page is None:
        known = ", ".join(p.id for p in pages)
        print(f"als-kiosk say: no page {args.page_id!r} (pages: {known})", file=sys.stderr)
        return None
    if args.lang != page.lang:
        from kiosk.i18n.languages import discover, template_keys

        locales = args.locales or default_locales_dir()
        languages, _ = discover(locales, template_keys(pages, locales), min_complete=0)
        loaded = next((lang for lang in languages if lang.language.tag == args.lang), None)
        if loaded is None:
            available = ", ".join(["en", *(lang.language.tag for lang in languages)])
            print(
                f"als-kiosk say: no {args.lang!r} translation (available: {available})",
                file=sys.stderr,
            )
            return None
        page = loaded.localise(page)
    return page


def _say_utterances(args: argparse.Namespace, page: Page | None) -> list[Utterance]:
    from kiosk.speech.page_audio import page_utterances
    from kiosk.speech.reader import utterances_for

    if page is not None:
        return page_utterances(page)
    from kiosk.content.pages import parse_inline
    from kiosk.content.text import sanitise

    return utterances_for(parse_inline(sanitise(args.text)), args.lang, 0)


def _say_audio(args: argparse.Namespace, page: Page | None, synth: Synthesiser) -> tuple[Clip, int]:
    from kiosk.speech.page_audio import page_audio, utterances_audio

    if page is not None:
        return page_audio(page, synth, args.rate)
    utterances = _say_utterances(args, page)
    return utterances_audio(utterances, synth, args.rate), len(utterances)


def _print_phonemes(args: argparse.Namespace, page: Page | None, synth: Synthesiser) -> int:
    """Each sentence as shown, as spoken, and its phonemes: what a translator checks."""
    from kiosk.content.text import sanitise
    from kiosk.speech.controls import match_voice

    info = synth.info or synth.start()
    for number, utterance in enumerate(_say_utterances(args, page), 1):
        voice = match_voice(utterance.lang, info.languages)
        if voice is None:
            print(f"als-kiosk say: no voice for {utterance.lang!r}", file=sys.stderr)
            return 1
        spoken = synth.prepare(utterance.text, utterance.lang, utterance.phones)
        phonemes = synth.phonemes(spoken, voice, ipa=True)
        print(f"{number}. {utterance.text}")
        print(f"   spoken ({voice}): {spoken}")
        print(f"   phonemes: {sanitise(phonemes)}")
    return 0


def _tell_lexicon_problems(lexicons: Lexicons, lang: str) -> None:
    """A language whose lexicon is refused is spoken without it: say why, once."""
    from kiosk.speech.lexicon import read_lexicon

    _, problems = read_lexicon(lexicons.path(lang), lang)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"als-kiosk say: {lang} is read without its lexicon", file=sys.stderr)


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.ops.doctor import diagnose

    findings = diagnose(
        content_dir=args.content or default_content_dir(),
        locales_dir=args.locales or default_locales_dir(),
        config_path=_config_path(args.config),
    )
    for finding in findings:
        print(finding)
    return 0 if all(f.ok for f in findings) else 1


def _extract(args: argparse.Namespace) -> int:
    from kiosk.content.pages import load_pages
    from kiosk.i18n.catalogs import (
        content_template,
        render,
        same_content,
        ui_template,
        update_po,
    )

    content_dir = args.content or default_content_dir()
    locales = args.locales or default_locales_dir()
    pages, problems = load_pages(content_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    package = Path(__file__).resolve().parent
    templates = {
        "content": (content_template(pages, content_dir), True),
        "kiosk": (ui_template(package), True),
    }
    wanted: dict[Path, bytes] = {}
    for domain, (template, with_lines) in templates.items():
        wanted[locales / f"{domain}.pot"] = render(template, with_line_numbers=with_lines)
        for po in sorted(locales.glob(f"*/LC_MESSAGES/{domain}.po")):
            wanted[po] = update_po(po, template, with_line_numbers=with_lines)
    stale = [
        path
        for path, data in wanted.items()
        if not path.exists() or not same_content(path.read_bytes(), data)
    ]
    if args.check:
        for path in stale:
            print(f"{path}: out of date; run: als-kiosk extract")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(wanted[path])
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _stats(args: argparse.Namespace) -> int:
    from kiosk.i18n.stats import language_rows

    for row in language_rows(
        args.content or default_content_dir(), args.locales or default_locales_dir()
    ):
        print(row)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {
        "check": _check,
        "say": _say,
        "doctor": _doctor,
        "extract": _extract,
        "stats": _stats,
        "supervise": _supervise,
        "launch": _launch,
    }
    if args.command in (None, "run", "supervise"):
        from kiosk.logs import configure_logging

        configure_logging()
    return commands.get(args.command, _run)(args)
