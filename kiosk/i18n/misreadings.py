"""`als-kiosk check`: what eSpeak NG would misread in each language, and phone numbers the
pages do not mark.

For each language, every acronym (two or more capitals: ALS, ISSCR, SOD1) and every
symbol in the text the kiosk reads aloud (the pages with their source lists, which every
language shows and reads in English, and the interface), that no lexicon entry covers,
is given to the engine once, as the kiosk would give it (kiosk.speech.spoken), and its
phonemes are read:
- an acronym is misread when the engine says it as a word: eSpeak NG marks a stress on
  every letter it spells ("MND" /ˌɛmˌɛndˈiː/) and one on a word ("ALS" /ˈalz/);
- or when another voice says it, in a language written in Latin letters (French "EMN"
  switched to English). Mandarin and Arabic have no names for Latin letters of their own:
  there the English voice spelling them is how people say them;
- a symbol is misread when another voice says it (Mandarin "%"), when a quantity symbol
  (%, ×, +, currency) is not said at all (Arabic "67%" lost its "%"), or when another
  symbol is said by its name ("slash").

Each is a warning at its first place, naming the lexicon to add it to: the kiosk still
shows the text and speaks it, a language needs no lexicon to be offered, and a new
translation should not fail its build over a pronunciation nobody has heard yet. A phone
number that is not a `tel:` link is an error: it would be read as one large number.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.pages import Page
from kiosk.content.text import sanitise
from kiosk.i18n.languages import LoadedLanguage
from kiosk.problems import Problem
from kiosk.speech.lexicon import Lexicon
from kiosk.speech.phonemes import PhonemesUnavailable, Phonemizer
from kiosk.speech.spoken import Lexicons, Pronunciation
from kiosk.translate import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Fragment:
    """Text as written (Markdown) in a file. `line` is where it starts (each newline in it is
    the next line), or 0 for a catalog message, whose line is looked up only if needed."""

    text: str
    path: Path
    line: int = 0


# ---------------------------------------------------------------------------- what is read


def page_fragments(pages: Iterable[Page]) -> list[Fragment]:
    """The English pages: each title and block, as written."""
    fragments = []
    for page in pages:
        fragments.append(Fragment(page.title, page.path, page.title_line or 1))
        fragments += [Fragment(block.markdown, page.path, block.line) for block in page.blocks]
    return fragments


def language_fragments(
    pages: list[Page], locales_dir: Path | None, languages: Iterable[LoadedLanguage]
) -> dict[str, list[Fragment]]:
    """Per language: everything written in it that the kiosk shows, from the catalogs
    `discover` has already read and checked (the English interface from kiosk.pot)."""
    found = {SOURCE_LANGUAGE: page_fragments(pages)}
    if locales_dir is not None:
        template = locales_dir / "kiosk.pot"
        found[SOURCE_LANGUAGE] += [Fragment(text, template) for text in pot_messages(template)]
    for loaded in languages:
        folder = locales_dir / loaded.language.tag / "LC_MESSAGES" if locales_dir else Path()
        content, ui = folder / "content.po", folder / "kiosk.po"
        found[loaded.language.tag] = [
            Fragment(text, content) for text in loaded.content.values()
        ] + [Fragment(text, ui) for forms in loaded.ui.values() for text in forms]
    return found


def pot_messages(path: Path) -> list[str]:
    """The English messages of a template (each msgid and msgid_plural)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    messages = []
    for block in text.split("\n\n"):
        for match in re.finditer(r'^msgid(?:_plural)?\s+("(?:.*)")\s*((?:\n".*")*)', block, re.M):
            joined = _unquote(match.group(1)) + "".join(
                _unquote(line) for line in match.group(2).split("\n") if line.strip()
            )
            if joined:
                messages.append(joined)
    return messages


_ESCAPES = {"n": " ", "t": " ", '"': '"', "\\": "\\"}


def _unquote(quoted: str) -> str:
    body = quoted.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def line_in_catalog(path: Path, needle: str) -> int:
    """The first line of a translation (msgstr) in `path` that holds `needle`, or of an
    English message (msgid) in a template; 0 if none."""
    keyword = "msgid" if path.suffix == ".pot" else "msgstr"
    in_translation = False
    for number, line in enumerate(_lines(path), 1):
        if line.startswith(keyword):
            in_translation = True
        elif not line.startswith('"'):
            in_translation = False
        if in_translation and needle in line:
            return number
    return 0


@functools.lru_cache(maxsize=16)
def _lines(path: Path) -> tuple[str, ...]:
    """A catalog's lines, read once per check however many problems it has."""
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


# ---------------------------------------------------------------------------- what to ask

_LINK_TARGET = re.compile(r"\]\([^)\x00]*\)")
_URL = re.compile(r"(?:https?://|doi:[ \t]*|www\.)[^\s\x00]+")
"""An address, up to the end of its fragment (a NUL parts fragments: see Joined)."""
_PLACEHOLDER = re.compile(r"\{[^{}\n\x00]*\}")
_LATIN = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_CAPITALS = "0-9A-Z\u00c0-\u00d6\u00d8-\u00de"
_ACRONYM = re.compile(
    # A capital first (the engine checks that before any look-around), not inside a word.
    rf"[A-Z\u00c0-\u00d6\u00d8-\u00de](?<![{_LATIN}-].)(?:[{_CAPITALS}-]*[{_CAPITALS}])?"
    rf"(?![{_LATIN}])"
)
_LETTER_RUN = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de]{2,}")
_OTHER = (
    r"\w\s\x00.,;:!?'\"()«»“”‘’…\-‐–—、。，：；！？（）《》「」『』¿¡،؛؟*_`\\\[\]^"
    "\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670"
)
"""Letters, digits, spaces, sentence punctuation and Markdown's own characters."""
_MAYBE_SYMBOL = re.compile(f"[^{_OTHER}]")
_SYMBOL_PUNCTUATION = set("%‰‱&@#/§¶†‡")
"""Punctuation (Unicode Po) that is read as a word, like the Unicode symbols."""
_QUANTITY = set("%‰‱°")


def prose(text: str) -> str:
    """The text a reader hears: link targets and URLs blanked (lines kept), placeholders
    ({count}) as a digit."""
    text = _URL.sub(_blank, _LINK_TARGET.sub(_blank, text))
    return _PLACEHOLDER.sub("2", text)


def _blank(match: re.Match[str]) -> str:
    """Spaces for a match, its line breaks kept (lines are counted in what is left)."""
    return re.sub(r"[^\n\x00]", " ", match.group())


def acronyms(text: str) -> Iterator[tuple[str, int]]:
    """Each acronym in `text` (two or more capitals, no small letters) and its offset."""
    for match in _ACRONYM.finditer(text):
        word = match.group()
        if sum(ch.isupper() for ch in word) >= 2:
            yield word, match.start()


def is_symbol(ch: str) -> bool:
    return ch in _SYMBOL_PUNCTUATION or unicodedata.category(ch) in ("Sm", "Sc", "Sk", "So")


def symbols(text: str) -> Iterator[tuple[str, str, int]]:
    """Each symbol, the text it is read in (with the digits it touches: "67%"), its offset."""
    for match in _MAYBE_SYMBOL.finditer(text):
        ch, index = match.group(), match.start()
        if not is_symbol(ch):
            continue
        start, end = index, index + 1
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
            start -= 1
        while end < len(text) and (text[end].isdigit() or text[end] in ".,"):
            end += 1
        yield ch, text[start:end].strip(".,"), index


@dataclass
class Candidate:
    """One acronym or symbol of a language: where it is first written, and how often."""

    token: str
    probe: str
    """What the engine is asked to say: the acronym, or the symbol with its digits."""
    path: Path
    line: int
    """0 for a catalog message: looked up when it is reported."""
    symbol: bool
    count: int = 1


def candidates(fragments: Iterable[Fragment]) -> dict[str, Candidate]:
    """Every acronym and symbol read aloud in `fragments`, at its first place. The texts
    are searched joined, each pattern once: the check has one second for everything."""
    joined = Joined(list(fragments))
    found: dict[str, Candidate] = {}
    for word, offset in acronyms(joined.text):
        path, line = joined.place(offset)
        _note(found, Candidate(word, word, path, line, symbol=False))
    for ch, probe, offset in symbols(joined.text):
        path, line = joined.place(offset)
        _note(found, Candidate(ch, probe, path, line, symbol=True))
    return found


class Joined:
    """Fragments as one text (apart by NUL, which no sanitised text holds), as read aloud
    (`prose`), with the place of any offset in it."""

    def __init__(self, fragments: list[Fragment]) -> None:
        self.fragments = fragments
        self.text = prose("\x00".join(fragment.text for fragment in fragments))
        self.starts = [0, *(match.end() for match in re.finditer("\x00", self.text))]

    def place(self, offset: int) -> tuple[Path, int]:
        """The file and line of `offset`; line 0 for a catalog message (looked up later)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        fragment = self.fragments[index]
        if not fragment.line:
            return fragment.path, 0
        return fragment.path, fragment.line + self.text.count("\n", self.starts[index], offset)


def _note(found: dict[str, Candidate], candidate: Candidate) -> None:
    if candidate.token in found:
        found[candidate.token].count += 1
    else:
        found[candidate.token] = candidate


# ---------------------------------------------------------------------------- the verdict

_VOICE_SWITCH = re.compile(r"\(([a-z]{2,3}(?:-[a-z0-9]+)?)\)")


def said_by(phonemes: str) -> str | None:
    """The other voice that says part of `phonemes` (eSpeak writes "(en)…(cmn)"), if any."""
    match = _VOICE_SWITCH.search(phonemes)
    return match.group(1) if match else None


def spelled(phonemes: str, letters: int) -> bool:
    """Did the engine spell `letters` letters? It stresses each letter it spells."""
    stresses = phonemes.count("ˈ") + phonemes.count("ˌ")
    return stresses >= max(2, math.ceil(0.6 * letters))


def shown_phonemes(phonemes: str) -> str:
    return sanitise(_VOICE_SWITCH.sub("", phonemes)).strip()


def writes_in_latin(fragments: Iterable[Fragment]) -> bool:
    """Is the language written in Latin letters? Told by its own text: most of its letters."""
    text = "".join(fragment.text for fragment in itertools.islice(fragments, 40))
    letters = len(_ANY_LETTER.findall(text))
    return 2 * len(_LATIN_LETTER.findall(text)) > letters


_ANY_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


@dataclass
class Verdict:
    candidate: Candidate
    phonemes: str
    why: str


def judge(
    candidate: Candidate, answers: dict[str, str], prepared: str, *, latin: bool
) -> Verdict | None:
    """Is `candidate` misread, given the phonemes of every probe? None when it is right."""
    said = answers.get(prepared, "")
    voice = said_by(said)
    if not candidate.symbol:
        runs = _LETTER_RUN.findall(candidate.token)
        words = [run for run in runs if not spelled(answers.get(run, ""), len(run))]
        if words:
            return Verdict(candidate, said, "")
        if voice and latin:
            return Verdict(candidate, said, f" by the {voice} voice")
        return None
    if candidate.token not in prepared:
        return None  # the kiosk's number rules say it
    if voice:
        return Verdict(candidate, said, f" by the {voice} voice")
    silent = answers.get(_without(prepared, candidate.token), "") == said
    quantity = candidate.token in _QUANTITY or unicodedata.category(candidate.token) in ("Sm", "Sc")
    if silent and quantity:
        return Verdict(candidate, said, " (the symbol is not said)")
    if not silent and not quantity:
        return Verdict(candidate, said, " (its name)")
    return None


def _without(text: str, symbol: str) -> str:
    return " ".join(text.replace(symbol, " ").split())


def probes(candidate: Candidate, prepared: str) -> list[str]:
    if candidate.symbol:
        return [prepared, _without(prepared, candidate.token)]
    return [prepared, *_LETTER_RUN.findall(candidate.token)]


# ---------------------------------------------------------------------------- the check


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class SpeechCheck:
    """The pronunciation part of `als-kiosk check`: lexicons, misreadings, phone numbers.

    eSpeak NG is loaded into the check's own process (kiosk.speech.phonemes) and asked
    once about every acronym and symbol of every language: the check has one second."""

    def __init__(self, content_dir: Path, locales_dir: Path | None) -> None:
        self.lexicons = Lexicons(content_dir, locales_dir or content_dir.parent / "locales")

    def run(
        self, pages: list[Page], languages: Iterable[LoadedLanguage]
    ) -> tuple[list[Problem], list[str]]:
        """Problems (lexicons that cannot be used, misreadings, unmarked phone numbers) and
        a summary line, for the English pages and the languages `discover` read."""
        languages = list(languages)
        locales_dir = self.lexicons.locales_dir if languages else None
        by_language = language_fragments(pages, locales_dir, languages)
        problems: list[Problem] = []
        for fragments in by_language.values():
            problems += phone_problems(fragments)
        pronunciation = Pronunciation(self.lexicons)
        asked: dict[str, list[Candidate]] = {}
        for tag, fragments in by_language.items():
            lexicon = pronunciation.lexicon(tag) or Lexicon(self.lexicons.path(tag))
            problems += pronunciation.problems.get(tag, [])
            found = candidates(fragments).values()
            asked[tag] = [c for c in found if not lexicon.covers(c.probe)]
        try:
            engine = Phonemizer()
            misread = self._misread(engine, pronunciation, asked, by_language)
        except PhonemesUnavailable as error:
            return problems, [f"pronunciation not checked: {error}"]
        problems += [problem for found in misread.values() for problem in found]
        counts = ", ".join(f"{tag} {len(found)}" for tag, found in misread.items())
        return problems, [f"acronyms and symbols the speech would misread: {counts}"]

    def _misread(
        self,
        engine: Phonemizer,
        pronunciation: Pronunciation,
        asked: dict[str, list[Candidate]],
        fragments: dict[str, list[Fragment]],
    ) -> dict[str, list[Problem]]:
        misread: dict[str, list[Problem]] = {}
        for tag, found in asked.items():
            if engine.voice(tag) is None:  # finding it sets it: ask now
                continue
            prepared = {c.probe: pronunciation.prepare(c.probe, tag) for c in found}
            texts = sorted({text for c in found for text in probes(c, prepared[c.probe])})
            said = dict(zip(texts, engine.phonemes(texts), strict=True))
            latin = writes_in_latin(fragments[tag])
            misread[tag] = [
                self._problem(tag, verdict)
                for c in found
                if (verdict := judge(c, said, prepared[c.probe], latin=latin))
            ]
        return misread

    def _problem(self, tag: str, verdict: Verdict) -> Problem:
        found = verdict.candidate
        line = found.line or line_in_catalog(found.path, found.token)
        more = f" ({found.count - 1} more in {tag})" if found.count > 1 else ""
        return Problem(
            found.path,
            line,
            f'"{found.token}" would be said /{shown_phonemes(verdict.phonemes)}/'
            f"{verdict.why}; add it to {_shown(self.lexicons.path(tag))}{more}",
            warning=True,
        )


# ---------------------------------------------------------------------------- phone numbers

_TEL_LINK = re.compile(r"\[([^\]]*)\]\(tel:([^)\s]*)\)")
_DIGIT_RUN = re.compile(r"\d[\d \u00a0\u202f()-]{6,}\d")
_PHONE_LIKE = re.compile(r"(?<![\w+.,])\+?\d[\d \u00a0\u202f()-]{6,}\d(?![\w])")


def phone_problems(fragments: Iterable[Fragment]) -> list[Problem]:
    """Errors for phone numbers written without a `tel:` link (the kiosk would read them as
    one large number) and for links whose number differs from the one shown."""
    everything = list(fragments)
    raw = "\x00".join(fragment.text for fragment in everything)
    starts = [0, *(match.end() for match in re.finditer("\x00", raw))]
    # Only the fragments with a link or a long run of digits are looked at closely.
    hits = {bisect.bisect_right(starts, m.start()) - 1 for m in _DIGIT_RUN.finditer(raw)}
    hits |= {bisect.bisect_right(starts, m.start()) - 1 for m in re.finditer("tel:", raw)}
    return [problem for index in sorted(hits) for problem in _phone_problems(everything[index])]


def _phone_problems(fragment: Fragment) -> list[Problem]:
    problems = []
    text = fragment.text
    for match in _TEL_LINK.finditer(text):
        shown = re.sub(r"\D", "", match.group(1)).lstrip("0")
        target = match.group(2)
        digits = re.sub(r"\D", "", target)
        if not re.fullmatch(r"\+?[\d-]+", target) or not shown or not digits.endswith(shown):
            problems.append(
                Problem(
                    fragment.path,
                    _line(fragment, text, match.start(), match.group()),
                    f'the phone number shown, "{match.group(1)}", and its link '
                    f'"tel:{target}" differ: the link must dial the number shown',
                )
            )
    blank = _URL.sub(_blank, _LINK_TARGET.sub(_blank, _TEL_LINK.sub(_blank, text)))
    for match in _PHONE_LIKE.finditer(blank):
        number = match.group().strip()
        if is_phone_number(number):
            problems.append(
                Problem(
                    fragment.path,
                    _line(fragment, blank, match.start(), number),
                    f'"{number}" looks like a phone number: write it as a link, '
                    f"[{number}](tel:+…) with the full international number, so that it "
                    "is read digit by digit",
                )
            )
    return problems


def is_phone_number(text: str) -> bool:
    """Digit groups that are a phone number, not a grouped number ("100 000 000")."""
    groups = [g for g in re.split(r"[\s\u00a0\u202f()\-]+", text.lstrip("+")) if g]
    digits = sum(len(g) for g in groups)
    if digits < 8 or len(groups) < 2:
        return False
    if text.startswith(("+", "0", "(")):
        return True
    thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    return len(groups) >= 3 and not thousands


def _line(fragment: Fragment, text: str, offset: int, needle: str) -> int:
    if fragment.line:
        return fragment.line + text.count("\n", 0, offset)
    return line_in_catalog(fragment.path, needle)
