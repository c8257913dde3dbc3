"""A language's pronunciation lexicon: `content/en/lexicon.pls`, `locales/<tag>/lexicon.pls`.

W3C Pronunciation Lexicon Specification 1.0, alias entries only
(`<lexeme><grapheme>ALS</grapheme><alias>A.L.S</alias></lexeme>`): it is the format
speech tools and translators' tools already exchange, and an alias is plain text, which is
all pyttsx3's espeak driver passes to eSpeak NG (no SSML, no `[[phonemes]]`: measured,
docs/dependencies.md). The kiosk replaces each grapheme in what it sends to the engine,
never in what it shows. A language without the file simply has no entries.

The file is input like any other: read with defusedxml (no DTD, no entities, nothing
external), limited in size, and every problem is reported at its line. Anything wrong
and the language speaks without its lexicon: a half-applied lexicon would be harder to
diagnose than none. An alias may hold only letters, digits, spaces and sentence
punctuation: markup would be read aloud as words, and a control character can carry
eSpeak NG's embedded commands (CTRL-A sequences change speed or volume even in plain
text, measured on 1.52).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.text import sanitise, unsafe_characters
from kiosk.problems import Problem

if TYPE_CHECKING:
    from defusedxml.ElementTree import DefusedXMLParser

LEXICON_NAME = "lexicon.pls"
PLS_NAMESPACE = "http://www.w3.org/2005/01/pronunciation-lexicon"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MAX_BYTES = 256 * 1024
"""A lexicon of a few hundred entries is tens of kilobytes; a larger file is not one."""
MAX_ENTRIES = 2000
MAX_GRAPHEME = 40
"""Characters in a grapheme: a word, an acronym or a symbol, never a sentence."""
MAX_ALIAS = 120
MAX_PROBLEMS = 20
"""Problems reported per file: a hostile file must not flood the technician's terminal."""

_ALIAS_PUNCTUATION = set(".,;:!?'’-‐–—()،؛؟、。，：；！？（）")
"""Sentence punctuation an alias may use to make the engine spell or pause (A.L.S)."""


@dataclass(frozen=True)
class Entry:
    grapheme: str
    alias: str
    line: int


@dataclass(frozen=True)
class Lexicon:
    """The entries of one language; `apply` gives the text the engine should read."""

    path: Path
    entries: tuple[Entry, ...] = ()

    @cached_property
    def _aliases(self) -> dict[str, str]:
        return {entry.grapheme: entry.alias for entry in self.entries}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        # Plain alternatives, longest first ("ALSFRS-R" before "ALS"); word boundaries are
        # checked per match (`_whole`): look-arounds with script classes took 12 ms a
        # lexicon to compile, and `als-kiosk check` reads six.
        if not self.entries:
            return None
        graphemes = sorted(self._aliases, key=len, reverse=True)
        return re.compile("|".join(re.escape(grapheme) for grapheme in graphemes))

    def covers(self, text: str) -> bool:
        """Does an entry apply anywhere in `text`?"""
        if self._pattern is None:
            return False
        return any(_whole(text, match) for match in self._pattern.finditer(text))

    def apply(self, text: str) -> str:
        """`text` with every grapheme replaced by its alias (whole words and symbols only).

        An alias is kept apart from the letters or digits it touches: "80×24" with × read
        "por" is "80 por 24", and the Arabic article before "ALS" (الـALS) must not turn
        the spelled "A" into the English article."""
        if self._pattern is None:
            return text
        aliases = self._aliases

        def alias(match: re.Match[str]) -> str:
            if not _whole(text, match):
                return match.group()
            said = aliases[match.group()]
            start, end = match.span()
            if start > 0 and text[start - 1].isalnum() and said[0].isalnum():
                said = " " + said
            if end < len(text) and text[end].isalnum():
                said += " "
            return said

        return self._pattern.sub(alias, text)


def _whole(text: str, match: re.Match[str]) -> bool:
    """Is the match a whole word (or a symbol): no letter of its own script touches it?"""
    start, end = match.span()
    found = match.group()
    if start > 0 and _joins(found[0], text[start - 1]):
        return False
    return not (end < len(text) and _joins(found[-1], text[end]))


def _joins(edge: str, neighbour: str) -> bool:
    joining = _neighbours(edge)
    return joining is not None and re.match(f"[{joining}]", neighbour) is not None


_LATIN = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_ARABIC = "\u0600-\u06ff\u0750-\u077f"


def _neighbours(ch: str) -> str | None:
    """Characters that may not touch a grapheme ending in `ch`, for it to be a whole word.

    A Latin acronym is a word between Chinese characters ("在ALS方面") or after the Arabic
    article ("الـALS"), so only letters of its own script join it; Chinese has no word
    boundaries at all, and a symbol stands on its own."""
    if re.match(f"[{_LATIN}]", ch):
        return _LATIN
    if re.match(f"[{_ARABIC}]", ch) and ch.isalnum():
        return _ARABIC
    if unicodedata.east_asian_width(ch) in ("W", "F") or not ch.isalnum():
        return None
    return r"\w"


def lexicon_path(tag: str, content_dir: Path, locales_dir: Path) -> Path:
    """English sits beside the pages it is written in; every other language beside its
    catalogs, so a translator keeps a language's files in one folder."""
    from kiosk.translate import SOURCE_LANGUAGE

    if tag == SOURCE_LANGUAGE:
        return content_dir / SOURCE_LANGUAGE / LEXICON_NAME
    return locales_dir / tag / LEXICON_NAME


# ---------------------------------------------------------------------------- reading


@dataclass
class _Lexeme:
    line: int
    graphemes: list[str]
    pronunciations: list[tuple[str, str]]
    """("alias" | "phoneme", text) in the file's order: the first is the preferred one."""
    markup: bool = False


class _Reader:
    """An ElementTree parser target that keeps the line of each lexeme (ElementTree itself
    keeps none), and the nesting that PLS allows."""

    def __init__(self) -> None:
        self.parser: DefusedXMLParser | None = None
        self.root: tuple[str, dict[str, str], int] | None = None
        self.lexemes: list[_Lexeme] = []
        self.stray: list[tuple[str, int]] = []
        self._path: list[str] = []
        self._text: list[str] = []

    def line(self) -> int:
        expat = getattr(self.parser, "parser", None)
        return int(getattr(expat, "CurrentLineNumber", 0))

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        line = self.line()
        depth = len(self._path)
        self._path.append(tag)
        if depth == 0:
            self.root = (tag, dict(attrib), line)
        elif depth == 1 and tag == f"{{{PLS_NAMESPACE}}}lexeme":
            self.lexemes.append(_Lexeme(line, [], []))
        elif depth == 2 and self._path[1] == f"{{{PLS_NAMESPACE}}}lexeme":
            self._text = []
        elif depth > 2 and self.lexemes and self._path[1] == f"{{{PLS_NAMESPACE}}}lexeme":
            self.lexemes[-1].markup = True  # an element inside <grapheme> or <alias>
        elif depth == 1 and tag not in (f"{{{PLS_NAMESPACE}}}{n}" for n in ("meta", "metadata")):
            self.stray.append((tag, line))

    def data(self, text: str) -> None:
        self._text.append(text)

    def end(self, tag: str) -> None:
        depth = len(self._path) - 1
        self._path.pop()
        if depth != 2 or not self.lexemes or self._path[1] != f"{{{PLS_NAMESPACE}}}lexeme":
            return
        text = "".join(self._text)
        name = tag.removeprefix(f"{{{PLS_NAMESPACE}}}")
        if name == "grapheme":
            self.lexemes[-1].graphemes.append(text)
        elif name in ("alias", "phoneme"):
            self.lexemes[-1].pronunciations.append((name, text))

    def close(self) -> _Reader:
        return self


def read_lexicon(path: Path, tag: str) -> tuple[Lexicon | None, list[Problem]]:
    """The lexicon at `path` for language `tag`: None (and no problem) when there is none,
    None and every problem found when it cannot be used."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, []
    except OSError as error:
        return None, [Problem(path, 0, f"cannot read the lexicon: {error.strerror or error}")]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(path, 0, f"the lexicon is over {MAX_BYTES // 1024} KiB: not a lexicon")
        ]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, "the lexicon is not UTF-8: save it as UTF-8")]
    reader, problem = _parse(raw, path)
    if problem is not None:
        return None, [problem]
    problems = _check_root(reader, path, tag)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for tag_name, line in reader.stray:
        problems.append(Problem(path, line, f"unknown element <{_local(tag_name)}> in <lexicon>"))
    if len(reader.lexemes) > MAX_ENTRIES:
        problems.append(
            Problem(
                path,
                reader.lexemes[MAX_ENTRIES].line,
                f"more than {MAX_ENTRIES} entries: not a lexicon",
            )
        )
        return None, problems
    for lexeme in reader.lexemes:
        found = _check_lexeme(lexeme, path)
        if found:
            problems += found
            continue
        alias = _clean(lexeme.pronunciations[0][1])
        for grapheme in (_clean(g) for g in lexeme.graphemes):
            if grapheme in seen:
                problems.append(
                    Problem(
                        path,
                        lexeme.line,
                        f'"{grapheme}" is already in the lexicon at line {seen[grapheme]}',
                    )
                )
                continue
            seen[grapheme] = lexeme.line
            entries.append(Entry(grapheme, alias, lexeme.line))
    if problems:
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(Problem(path, 0, f"… and {len(problems) - MAX_PROBLEMS} more problems"))
        return None, shown
    return Lexicon(path, tuple(entries)), []


def _parse(raw: bytes, path: Path) -> tuple[_Reader, Problem | None]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    reader = _Reader()
    parser = DefusedXMLParser(target=reader, forbid_dtd=True)
    reader.parser = parser
    try:
        parser.feed(raw)
        parser.close()
    except DefusedXmlException:
        return reader, Problem(
            path,
            reader.line(),
            "the lexicon declares a DTD or entities: remove them (PLS needs neither)",
        )
    except ParseError as error:
        line = error.position[0] if error.position else 0
        return reader, Problem(path, line, f"the lexicon is not well-formed XML: {error}")
    return reader, None


def _local(tag: str) -> str:
    return sanitise(tag.rpartition("}")[2])[:40]


def _check_root(reader: _Reader, path: Path, tag: str) -> list[Problem]:
    if reader.root is None:
        return [Problem(path, 0, "the lexicon is empty")]
    name, attributes, line = reader.root
    if name != f"{{{PLS_NAMESPACE}}}lexicon":
        return [
            Problem(
                path,
                line,
                f'the root element must be <lexicon xmlns="{PLS_NAMESPACE}"> (PLS 1.0)',
            )
        ]
    problems = []
    if attributes.get("version") != "1.0":
        problems.append(Problem(path, line, '<lexicon> needs version="1.0"'))
    if not attributes.get("alphabet"):
        problems.append(Problem(path, line, '<lexicon> needs alphabet="ipa" (PLS 1.0 requires it)'))
    lang = attributes.get(_XML_LANG, "")
    if lang.replace("-", "_").casefold() != tag.casefold():
        wanted = tag.replace("_", "-")
        problems.append(
            Problem(path, line, f'<lexicon> needs xml:lang="{wanted}" (the folder\'s language)')
        )
    return problems


def _check_lexeme(lexeme: _Lexeme, path: Path) -> list[Problem]:
    problems: list[Problem] = []

    def say(message: str) -> None:
        problems.append(Problem(path, lexeme.line, message))

    if lexeme.markup:
        say("a <grapheme> or <alias> holds markup: write plain text")
    if not lexeme.graphemes:
        say("an entry needs a <grapheme>")
    if not lexeme.pronunciations or lexeme.pronunciations[0][0] != "alias":
        say(
            "an entry needs an <alias> first: eSpeak NG gets plain text through pyttsx3, "
            "so <phoneme> cannot be spoken"
        )
    for grapheme in lexeme.graphemes:
        problems += _text_problems(grapheme, "grapheme", MAX_GRAPHEME, path, lexeme.line)
    if lexeme.pronunciations:
        alias = lexeme.pronunciations[0][1]
        found = _text_problems(alias, "alias", MAX_ALIAS, path, lexeme.line)
        if not found:
            odd = sorted({ch for ch in _clean(alias) if not _allowed_in_alias(ch)})
            if odd:
                names = ", ".join(_describe(ch) for ch in odd)
                found.append(
                    Problem(
                        path,
                        lexeme.line,
                        f"an alias may hold letters, digits, spaces and punctuation only; "
                        f"remove {names}",
                    )
                )
        problems += found
    return problems


def _text_problems(text: str, what: str, limit: int, path: Path, line: int) -> list[Problem]:
    unsafe = unsafe_characters(text.replace("\n", " "))
    if unsafe:
        return [Problem(path, line, f"the {what} holds {', '.join(unsafe[:5])}: remove it")]
    cleaned = _clean(text)
    if not cleaned:
        return [Problem(path, line, f"the {what} is empty")]
    if len(cleaned) > limit:
        return [Problem(path, line, f"the {what} is longer than {limit} characters")]
    return []


def _clean(text: str) -> str:
    return sanitise(" ".join(text.split()))


def _allowed_in_alias(ch: str) -> bool:
    return ch == " " or ch in _ALIAS_PUNCTUATION or unicodedata.category(ch)[0] in "LMN"


def _describe(ch: str) -> str:
    """A character named so that printing it is safe: shown only if it is visible."""
    name = unicodedata.name(ch, "")
    shown = f'"{ch}" ' if unicodedata.category(ch)[0] in "PS" else ""
    return f"{shown}(U+{ord(ch):04X} {name})".replace(" )", ")")
