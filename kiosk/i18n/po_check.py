"""Strict checks of a translator's PO file, each problem at its 1-based line.

Babel's `read_po` silently accepts many broken files (an unquoted msgstr, an unclosed
quote, duplicate messages, a wrong plural count) and its error lines are 0-based
(docs/dependencies.md). So the file is first read line by line here, and only a file that
passes is handed to Babel. The kiosk then uses each good message and leaves out the rest.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural
from rich.errors import StyleSyntaxError
from rich.style import Style

from kiosk.content.pages import parse_inline
from kiosk.content.text import unsafe_characters
from kiosk.i18n.meaning import WORDS_NOTE, missing_numbers
from kiosk.i18n.plural_forms import plural_count, plural_function
from kiosk.problems import Problem

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?:\s+(.*))?$")
_STRING = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "r": "\r", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}  # fmt: skip
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


@dataclass
class Entry:
    """One message as written in the file, with the line of each part."""

    line: int
    context: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    strings: dict[int, str] = field(default_factory=dict)
    string_lines: dict[int, int] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    translator_comments: list[str] = field(default_factory=list)
    """`# …` lines: what the translator noted, such as "numbers in words: 50 = …"."""
    obsolete: bool = False
    has_msgid: bool = False
    msgid_line: int = 0
    header_lines: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of each line of msgstr, to place header problems on their field."""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def _unquote(text: str) -> str | None:
    match = _STRING.match(text)
    if match is None:
        return None
    body = match.group(1)
    if "\\" not in body:
        return body  # most strings: nothing to unescape
    out: list[str] = []
    index = 0
    while index < len(body):
        ch = body[index]
        if ch == "\\":
            nxt = body[index + 1] if index + 1 < len(body) else ""
            if nxt not in _ESCAPES:
                return None
            out.append(_ESCAPES[nxt])
            index += 2
        else:
            out.append(ch)
            index += 1
    return "".join(out)


def parse_entries(text: str, path: Path) -> tuple[list[Entry], list[Problem]]:
    """Entries of a PO file, and every syntax problem at its line."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None  # which part a continuation line extends
    pending_flags: set[str] = set()
    pending_comments: list[str] = []

    def finish() -> None:
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    # Split on newlines only: str.splitlines() also breaks at other control characters
    # and would put every later problem on the wrong line.
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip(" \t\r")
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
            if not line:
                continue
        elif not line:
            finish()
            target = None
            continue
        elif line.startswith("#"):
            if line.startswith("#,"):
                pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            elif line == "#" or line.startswith("# "):
                pending_comments.append(line[2:])
            if current is not None and current.strings:
                finish()
                target = None
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            name, index, rest = keyword.group(1), keyword.group(2), keyword.group(3) or ""
            value = _unquote(rest)
            if value is None:
                problems.append(
                    Problem(
                        path,
                        number,
                        f'{name}: the text must be one "quoted string" with valid escapes',
                    )
                )
                target = None
                continue
            # msgctxt starts a message; so does msgid, unless it follows that msgctxt.
            after_context = (
                current is not None
                and current.context is not None
                and not current.has_msgid
                and not current.strings
            )
            if name == "msgctxt" or (name == "msgid" and not after_context):
                finish()
                current = Entry(
                    line=number,
                    flags=pending_flags,
                    obsolete=obsolete,
                    translator_comments=pending_comments,
                )
                pending_flags = set()
                pending_comments = []
            if current is None:
                problems.append(Problem(path, number, f"{name} without a msgid before it"))
                continue
            if name == "msgctxt":
                current.context = value
                target = ("msgctxt", 0)
            elif name == "msgid":
                current.msgid = value
                current.has_msgid = True
                current.msgid_line = number
                target = ("msgid", 0)
            elif name == "msgid_plural":
                current.msgid_plural = value
                target = ("msgid_plural", 0)
            else:
                slot = int(index) if index is not None else 0
                if slot in current.strings:
                    problems.append(Problem(path, number, f"{name} is given twice"))
                current.strings[slot] = value
                current.string_lines[slot] = number
                current.header_lines.append((number, value))
                target = ("msgstr", slot)
            continue
        value = _unquote(line)
        if value is not None and current is not None and target is not None:
            part, slot = target
            if part == "msgctxt":
                current.context = (current.context or "") + value
            elif part == "msgid":
                current.msgid += value
            elif part == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + value
            else:
                current.strings[slot] += value
                current.header_lines.append((number, value))
            continue
        problems.append(
            Problem(
                path,
                number,
                'not PO syntax: expected msgid/msgstr followed by a "quoted '
                'string", a "quoted" continuation line, a # comment or a blank line',
            )
        )
    finish()
    first_seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry.has_msgid and not entry.obsolete:
            if entry.key in first_seen:
                problems.append(
                    Problem(
                        path,
                        entry.msgid_line,
                        f"message is given twice (first at line {first_seen[entry.key]}): keep one",
                    )
                )
            first_seen.setdefault(entry.key, entry.msgid_line)
    for entry in entries:
        if not entry.has_msgid:
            problems.append(Problem(path, entry.line, "msgctxt without a msgid after it"))
        elif not entry.strings:
            problems.append(Problem(path, entry.line, "message has no msgstr"))
    return entries, problems


def header(entries: list[Entry]) -> tuple[Entry | None, dict[str, str]]:
    """The header entry and its fields (lower-case names), if the file has one."""
    for entry in entries:
        if entry.msgid == "" and entry.context is None and not entry.obsolete:
            fields = {}
            for line in entry.strings.get(0, "").splitlines():
                if ":" in line:
                    key, value = line.split(":", 1)
                    fields[key.strip().lower()] = value.strip()
            return entry, fields
    return None, {}


def check_header(entries: list[Entry], path: Path, tag: str) -> list[Problem]:
    head, fields = header(entries)
    if head is None:
        return [
            Problem(
                path,
                1,
                'no PO header (the first msgid "" with Language, Content-Type and Plural-Forms)',
            )
        ]

    def line_of(name: str) -> int:
        """The line of one header field, so the translator lands on it."""
        for number, text in head.header_lines:
            if text.lower().startswith(name.lower() + ":"):
                return number
        return head.string_lines.get(0, head.line)

    problems: list[Problem] = []
    if fields.get("language", "").replace("-", "_") != tag:
        problems.append(
            Problem(
                path,
                line_of("Language"),
                f"header Language is {fields.get('language')!r}, "
                f"but the folder is {tag!r}: make them the same",
            )
        )
    charset = re.search(r"charset=([\w-]+)", fields.get("content-type", ""))
    if charset is None or charset.group(1).lower() not in ("utf-8", "utf8"):
        problems.append(
            Problem(path, line_of("Content-Type"), "header Content-Type must say charset=UTF-8")
        )
    expected = get_plural(tag)
    expression = fields.get("plural-forms", "")
    declared = plural_count(expression)
    where = line_of("Plural-Forms")
    if declared is None:
        problems.append(Problem(path, where, f"header Plural-Forms is missing; use: {expected}"))
        return problems
    try:
        problem = plural_rule_problem(expression, declared, tag)
    except (IndexError, ValueError, SyntaxError, ArithmeticError):
        problems.append(
            Problem(path, where, f"header Plural-Forms expression is not valid; use: {expected}")
        )
        return problems
    if problem:
        problems.append(Problem(path, where, f"header Plural-Forms {problem}; use: {expected}"))
    return problems


PLURAL_PROBE = range(1000)
"""The counts a plural rule is tried on: every rule's cycle (n % 100) and far beyond any
count the kiosk shows (seconds left before a reset)."""


@lru_cache
def plural_rule_problem(expression: str, declared: int, tag: str) -> str | None:
    """What is wrong with a file's plural rule, or None.

    The rule is judged by what it does, not by its number of forms: the traditional
    gettext rules (Spanish, French, Portuguese: 2 forms) and CLDR's newer ones (3, the
    third for exact millions) choose alike for every count the kiosk shows, and
    translators' tools write either. So a rule is right when every form it chooses exists
    and it never gives one form to two counts that the language says differently."""
    chooses = plural_function(expression)
    cldr = gettext.c2py(get_plural(tag).plural_expr)
    said_as: dict[int, tuple[int, int]] = {}  # their form -> (first count, CLDR's form)
    for n in PLURAL_PROBE:
        form = chooses(n)
        if not 0 <= form < declared:
            return f"chooses msgstr[{form}] for {n}, but nplurals={declared}"
        first, wanted = said_as.setdefault(form, (n, cldr(n)))
        if cldr(n) != wanted:
            return f"uses one form for {first} and {n}, but {tag} needs two (CLDR)"
    return None


def check_message(entry: Entry, path: Path, nplurals: int) -> list[Problem]:
    """Problems of one translated message: it is then left out, the rest still used."""
    problems: list[Problem] = []
    for slot, value in entry.strings.items():
        if not value:
            continue
        line = entry.string_lines[slot]
        source = entry.msgid if slot == 0 or entry.msgid_plural is None else entry.msgid_plural
        unsafe = unsafe_characters(value)
        if unsafe:
            problems.append(
                Problem(
                    path,
                    line,
                    f"translation contains {', '.join(unsafe)}: "
                    "remove it (the kiosk sets direction and spacing itself)",
                )
            )
        if sorted(_PLACEHOLDER.findall(value)) != sorted(_PLACEHOLDER.findall(source)):
            problems.append(
                Problem(
                    path,
                    line,
                    "placeholders differ from the English: keep "
                    f"{', '.join(sorted(set(_PLACEHOLDER.findall(source)))) or 'none'}",
                )
            )
        lost = missing_numbers(source, value, entry.translator_comments)
        if lost:
            problems.append(
                Problem(
                    path,
                    line,
                    f"the English says {', '.join(lost)} and the translation does not: "
                    "keep every number (your decimal mark and digit grouping are fine); "
                    f'where your language must write one in words, add "# {WORDS_NOTE} '
                    f'{lost[0]} = <the words>" above the message',
                )
            )
        if _structure(value) != _structure(source):
            problems.append(
                Problem(
                    path,
                    line,
                    "Markdown emphasis or links differ from the "
                    "English: keep the same **bold**, *italic* and links",
                )
            )
        markup = _markup(value) - _markup(source)
        if markup:
            problems.append(
                Problem(
                    path,
                    line,
                    f"translation contains markup {sorted(markup)[0]!r}: write plain text",
                )
            )
    if entry.msgid_plural is not None:
        missing = [n for n in range(nplurals) if n not in entry.strings]
        if missing:
            problems.append(
                Problem(
                    path,
                    entry.line,
                    f"plural message needs msgstr[0] to "
                    f"msgstr[{nplurals - 1}]; missing msgstr[{missing[0]}]",
                )
            )
    return problems


_LINK_TARGET = re.compile(r"\]\(([^)\s]+)")


_INLINE_SYNTAX = re.compile(r"[*_`\[<\\&]")


@lru_cache(maxsize=8192)
def _structure(markdown: str) -> tuple[list[tuple[bool, bool, bool]], list[str]]:
    """Which emphasis styles and which link targets the text uses. (Cached: every language
    checks against the same English; text with no inline syntax needs no parse.)"""
    if not _INLINE_SYNTAX.search(markdown):
        return [], []
    styles = {(r.bold, r.italic, r.code) for r in parse_inline(markdown)} - {(False,) * 3}
    return sorted(styles), sorted(_LINK_TARGET.findall(markdown))


def valid_tag(tag: str) -> bool:
    try:
        Locale.parse(tag)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def _markup(text: str) -> set[str]:
    """Bracketed text that Rich or Textual would read as markup: a style, a closing tag,
    an action or a link. A translator's own brackets, like "[en inglés]", are not."""
    found = set()
    for inside in _BRACKETED.findall(text):
        word = inside.strip()
        if word.startswith(("@", "/", "$", "link")) or (word and _is_style(word)):
            found.add(f"[{inside}]")
    return found


def _is_style(text: str) -> bool:
    try:
        Style.parse(text)
    except StyleSyntaxError:
        return False
    return True
