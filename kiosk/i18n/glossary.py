"""A language's terminology list: `locales/<tag>/glossary.tbx`.

TBX (ISO 30042) is what Weblate imports as a glossary and what terminology tools
exchange, so a translator keeps one list in the tools they already use. Each term entry
pairs one English term with one term of the language; a term the language must not use
is marked `<termNote type="administrativeStatus">forbidden</termNote>`, which Weblate
shows as a forbidden translation. `als-kiosk check` warns where a translation uses a
forbidden term, and reads the glossary's words for the English hedges ("about", "may")
to see whether a translation kept them (kiosk.i18n.meaning).

The file is input like any other: it is parsed with defusedxml (no DTD, no entities, no
external anything), limited in size, and every problem is reported at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from kiosk.content.text import sanitise
from kiosk.problems import Problem

GLOSSARY_NAME = "glossary.tbx"
MAX_BYTES = 1 << 20
"""A terminology list for a few pages is a few kilobytes; anything over a megabyte is not one."""
MAX_TERM = 200
"""Characters in one term: a longer "term" is a sentence or an attack."""
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN = {"forbidden", "obsolete", "deprecatedterm-admn-sts", "supersededterm-admn-sts"}


@dataclass(frozen=True)
class Term:
    """One English term and one term of the language, as an entry of the glossary pairs them."""

    english: str
    translation: str
    forbidden: bool
    line: int
    note: str = ""


@dataclass
class Glossary:
    """The terms of one language."""

    path: Path
    terms: list[Term] = field(default_factory=list)

    def words_for(self, english: str) -> list[str]:
        """The language's allowed terms for an English term (for hedges: its hedging words)."""
        wanted = english.casefold()
        return [
            t.translation for t in self.terms if not t.forbidden and t.english.casefold() == wanted
        ]

    def forbidden(self) -> list[Term]:
        return [term for term in self.terms if term.forbidden]


def _lang_matches(value: str, tag: str) -> bool:
    """xml:lang "pt-BR" names the folder "pt_BR"; "zh-Hans" names "zh_Hans"."""
    return value.replace("-", "_").casefold() == tag.casefold()


def _line_of(text: str, needle: str, start: int) -> tuple[int, int]:
    """1-based line of the next `needle` at or after `start`, and where it was found."""
    at = text.find(needle, start)
    if at < 0:
        return 0, start
    return text.count("\n", 0, at) + 1, at + len(needle)


def _clean(text: str | None) -> str:
    return sanitise(" ".join((text or "").split()))


def _terms_of(lang_set: Element) -> list[tuple[str, bool, str]]:
    found = []
    for holder in [*lang_set.iter("tig"), *lang_set.iter("ntig")]:
        term = holder.find(".//term")
        if term is None:
            continue
        statuses = {
            _clean(note.text).casefold()
            for note in holder.iter("termNote")
            if note.get("type") == "administrativeStatus"
        }
        notes = [_clean(note.text) for note in holder.iter("note")]
        found.append(
            (_clean("".join(term.itertext())), bool(statuses & _FORBIDDEN), " ".join(notes))
        )
    return found


def read_glossary(path: Path, tag: str) -> tuple[Glossary | None, list[Problem]]:
    """The glossary at `path` for language `tag`, or None and why it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, 0, f"cannot read the glossary: {error.strerror or error}")]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                path, 0, f"the glossary is over {MAX_BYTES // 1024} KiB: not a terminology list"
            )
        ]
    try:
        text = raw.decode("utf-8")
        root = fromstring(raw, forbid_dtd=True)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, "the glossary is not UTF-8: save it as UTF-8")]
    except DefusedXmlException:
        line, _ = _line_of(text, "<!", 0)
        return None, [
            Problem(
                path,
                line,
                "the glossary declares a DTD or entities: remove them (TBX needs neither)",
            )
        ]
    except ParseError as error:
        line = error.position[0] if error.position else 0
        return None, [
            Problem(
                path,
                line,
                f"the glossary is not well-formed XML: {error}",
            )
        ]
    glossary = Glossary(path)
    problems: list[Problem] = []
    cursor = 0
    for entry in root.iter("termEntry"):
        line, cursor = _line_of(text, "<termEntry", cursor)
        english: list[str] = []
        translations: list[tuple[str, bool, str]] = []
        for lang_set in entry.iter("langSet"):
            lang = lang_set.get(_XML_LANG, "")
            if _lang_matches(lang, "en"):
                english += [term for term, _, _ in _terms_of(lang_set)]
            elif _lang_matches(lang, tag):
                translations += _terms_of(lang_set)
        if not english or not translations:
            problems.append(
                Problem(
                    path,
                    line,
                    "a term entry needs an English term and a term in "
                    f'xml:lang="{tag.replace("_", "-")}"',
                )
            )
            continue
        for term, forbidden, note in translations:
            if not term or len(term) > MAX_TERM or any(len(e) > MAX_TERM for e in english):
                problems.append(
                    Problem(path, line, f"a term is empty or longer than {MAX_TERM} characters")
                )
                continue
            glossary.terms.extend(Term(e, term, forbidden, line, note) for e in english)
    return glossary, problems


def _occurrences(term: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text))


_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“", "「": "」", "‹": "›"}


def _is_mention(text: str, match: re.Match[str]) -> bool:
    """The term quoted as a name ("on dit « MND »"), not used as the language's word."""
    before = text[: match.start()].rstrip()
    after = text[match.end() :].lstrip()
    return bool(before) and before[-1] in _QUOTES and after[:1] == _QUOTES[before[-1]]


def forbidden_uses(glossary: Glossary, english: str, translation: str) -> list[Term]:
    """Forbidden terms the translation uses where the English has the term's English.

    A quoted mention is not a use, nor a forbidden word inside the allowed term ("key"
    alone is wrong for a switch, "switch key" is right), nor a longer name the English has
    too ("MND Association" stays "MND Association")."""
    used: list[Term] = []
    folded_english, folded = english.casefold(), translation.casefold()
    for term in glossary.forbidden():
        # Cheap tests first: most messages contain neither word.
        if (
            term.translation.casefold() not in folded
            or term.english.casefold() not in folded_english
        ):
            continue
        if not _occurrences(term.english, english):
            continue
        allowed = [
            span
            for word in glossary.words_for(term.english)
            for span in (m.span() for m in _occurrences(word, translation))
        ]
        for match in _occurrences(term.translation, translation):
            if _is_mention(translation, match):
                continue
            if any(start <= match.start() and match.end() <= end for start, end in allowed):
                continue  # part of the allowed term: Arabic مفتاح inside مفتاح تبديل
            following = re.match(r"\s*(\w+)", translation[match.end() :])
            if following and f"{term.translation} {following.group(1)}" in english:
                continue
            used.append(term)
            break
    return used


def glossary_path(locales_dir: Path, tag: str) -> Path:
    return locales_dir / tag / GLOSSARY_NAME
