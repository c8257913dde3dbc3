"""Languages from files alone: a folder `locales/<tag>/LC_MESSAGES/` with content.po and
kiosk.po is a language. Its name in its own script, its direction and plural rules come
from CLDR (Babel); nothing in Python lists languages.

Every file is checked strictly (kiosk.i18n.po_check). A file with broken syntax or header
leaves its language out; a bad message is left out alone and its block falls back to
English, marked. A language whose pages are less complete than the clinic's threshold is
not offered (as po4a does). Every reason is a `path:line: message` for the technician.
"""

from __future__ import annotations

import gettext
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from kiosk.content.layout import cells
from kiosk.content.pages import Block, BlockKind, Page
from kiosk.content.text import clip, sanitise
from kiosk.i18n.plural_forms import plural_count, plural_function
from kiosk.problems import Problem
from kiosk.translate import SOURCE_LANGUAGE as SOURCE_LANGUAGE  # its home; used from here too
from kiosk.upstream.babel import release_locale_data

DOMAINS = ("content", "kiosk")


TemplateKeys = dict[str, set[tuple[str | None, str]]]


@dataclass(frozen=True)
class Language:
    tag: str
    autonym: str
    """The language's name in its own script, from CLDR: Español, العربية, 中文 (简体)."""
    direction: str
    """"ltr" or "rtl", from CLDR."""
    reviewed: bool = True
    """Has a qualified medical translator reviewed it (PO header X-Medical-Review)?"""
    completeness: float = 1.0
    """Share of content messages translated and usable."""


@dataclass
class Counts:
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    invalid: int = 0


@dataclass
class LoadedLanguage:
    language: Language
    content: dict[tuple[str | None, str], str] = field(default_factory=dict)
    ui: dict[str, list[str]] = field(default_factory=dict)
    plural: str = "nplurals=2; plural=(n != 1);"
    counts: dict[str, Counts] = field(default_factory=dict)

    def translations(self) -> gettext.NullTranslations:
        # The file's own Plural-Forms, whose count was checked against CLDR on load: its
        # translator ordered the forms by that expression (Babel's and GNU's Arabic
        # expressions number the forms for 11-99 and 100-102 differently).
        return CatalogTranslations(self.ui, self.plural)

    def localise(self, page: Page) -> Page:
        """The page in this language; untranslated blocks stay English, marked and voiced so."""
        blocks = [self._block(page.id, block) for block in page.blocks]
        title = self.content.get((menu_context(page.id), page.title), page.title)
        return replace(page, blocks=tuple(blocks), title=title, lang=self.language.tag)

    def _block(self, page_id: str, block: Block) -> Block:
        if block.kind is BlockKind.SOURCE:
            # Citations stay as published, so a reader can find them: not translated, and
            # laid out and read as English (left to right) in every language.
            return replace(block, lang=SOURCE_LANGUAGE)
        translated = self.content.get((page_id, block.markdown))
        if translated is None:
            return replace(block, lang=SOURCE_LANGUAGE, fallback=True)
        return replace(block, markdown=translated, lang=self.language.tag)


class CatalogTranslations(gettext.NullTranslations):
    """gettext for the interface from checked messages; English where one is missing."""

    def __init__(self, messages: dict[str, list[str]], plural: str) -> None:
        super().__init__()
        self._messages = messages
        try:
            self._plural = plural_function(plural)
        except (ValueError, SyntaxError):
            self._plural = gettext.c2py("n != 1")

    def gettext(self, message: str) -> str:
        forms = self._messages.get(message)
        return forms[0] if forms else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._messages.get(msgid1)
        index = self._plural(n)
        if forms and index < len(forms) and forms[index]:
            return forms[index]
        return msgid1 if n == 1 else msgid2


@cache
def describe_language(tag: str) -> Language:
    """The language's own name and its direction, from CLDR. Kept for the kiosk's life
    (a few bytes); Babel's full data for the locale (over a megabyte) is let go at once."""
    from babel import Locale  # CLDR is read by the library loader, not by the kiosk's UI

    locale = Locale.parse(tag)
    name = locale.get_display_name(tag) or tag
    language = Language(tag, name[:1].upper() + name[1:], locale.text_direction)
    release_locale_data()
    return language


def _read(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        return path.read_text(encoding="utf-8"), []
    except FileNotFoundError:
        return None, [Problem(path, 0, "file is missing: a language needs content.po and kiosk.po")]
    except UnicodeDecodeError as error:
        return None, [Problem(path, 0, f"not UTF-8 text (byte {error.start}): save it as UTF-8")]
    except OSError as error:
        return None, [Problem(path, 0, f"cannot read: {error.strerror}")]


def load_language(
    folder: Path, template_keys: TemplateKeys, *, review: bool = False
) -> tuple[LoadedLanguage | None, list[Problem]]:
    """One language folder, checked; None when a file is too broken to use. With
    `review`, also the warnings a medical reviewer should see (kiosk.i18n.review): for
    `als-kiosk check`, never for the kiosk itself."""
    from kiosk.i18n.po_check import check_header, check_message, parse_entries, valid_tag
    from kiosk.i18n.po_check import header as po_header

    tag = folder.name
    if not valid_tag(tag):
        return None, [
            Problem(
                folder,
                0,
                f"{tag!r} is not a language tag Babel knows (use forms like es, pt_BR, zh_Hans)",
            )
        ]
    language = describe_language(tag)
    loaded = LoadedLanguage(language)
    problems: list[Problem] = []
    reviewer = None
    if review:
        from kiosk.i18n.review import Reviewer

        reviewer = Reviewer(folder)
        problems += reviewer.problems
    usable = True
    for domain in DOMAINS:
        path = folder / "LC_MESSAGES" / f"{domain}.po"
        text, read_problems = _read(path)
        problems += read_problems
        if text is None:
            usable = False
            continue
        # Parsed as written, so unsafe characters are reported; what is used is sanitised.
        entries, syntax = parse_entries(text, path)
        header = check_header(entries, path, tag)
        problems += syntax + header
        if syntax or header:
            usable = False
            continue
        _, fields = po_header(entries)
        if domain == "content":
            medical = fields.get("x-medical-review", "").strip().lower()
            language = replace(language, reviewed=medical not in ("", "no", "none", "false"))
        loaded.plural = fields.get("plural-forms", loaded.plural)
        # check_header refused a file whose Plural-Forms declares no count.
        nplurals = plural_count(loaded.plural) or 1
        counts = Counts()
        keys = template_keys.get(domain, set())
        for entry in entries:
            if entry.msgid == "" and entry.context is None:
                continue
            if entry.obsolete or entry.key not in keys:
                counts.obsolete += 1
                if not entry.obsolete:
                    problems.append(
                        Problem(
                            path,
                            entry.msgid_line,
                            "message is not in the template "
                            "(the English changed or was removed): run "
                            "als-kiosk extract",
                        )
                    )
                continue
            if entry.fuzzy:
                counts.fuzzy += 1
                continue
            if not any(entry.strings.values()):
                counts.untranslated += 1
                continue
            found = check_message(entry, path, nplurals)
            if found:
                problems += found
                counts.invalid += 1
                continue
            counts.translated += 1
            if entry.context and entry.context.endswith("|menu"):
                width = cells(entry.strings[0])
                if width > MENU_LABEL_CELLS:
                    problems.append(
                        Problem(
                            path,
                            entry.string_lines[0],
                            f"menu label takes {width} cells; the topics list has "
                            f"{MENU_LABEL_CELLS} at 45 columns: it will wrap, so shorten it",
                            warning=True,
                        )
                    )
            if reviewer is not None:
                problems += reviewer.look_at(entry, path)
            if domain == "content":
                loaded.content[entry.key] = clip(sanitise(entry.strings[0]))
            else:
                loaded.ui[entry.msgid] = [sanitise(entry.strings[n]) for n in sorted(entry.strings)]
        loaded.counts[domain] = counts
    if not usable:
        return None, problems
    total = len(template_keys.get("content", set())) or 1
    loaded.language = replace(language, completeness=loaded.counts["content"].translated / total)
    return loaded, problems


def discover(
    locales_dir: Path,
    template_keys: TemplateKeys,
    *,
    min_complete: float = 0.8,
    offered: Iterable[str] = (),
    review: bool = False,
) -> tuple[list[LoadedLanguage], list[Problem]]:
    """Every usable language in `locales_dir` that the clinic offers, sorted by tag."""
    wanted = set(offered)
    languages: list[LoadedLanguage] = []
    problems: list[Problem] = []
    if not locales_dir.is_dir():
        return [], [Problem(locales_dir, 0, "locales folder is missing: only English is offered")]
    for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()):
        if wanted and folder.name not in wanted:
            continue
        loaded, found = load_language(folder, template_keys, review=review)
        problems += found
        if loaded is None:
            problems.append(Problem(folder, 0, "language left out until its files are fixed"))
            continue
        if loaded.language.completeness < min_complete:
            problems.append(not_offered(folder, loaded.language.completeness, min_complete))
            continue
        languages.append(loaded)
    return languages, problems


MENU_LABEL_CELLS = 28
"""Cells a menu label has on the topics list at 45 columns, after the focus marker, the
bullet and the borders (locales/README.md)."""


def menu_context(page_id: str) -> str:
    """The msgctxt of a page's menu label. Not the page id itself: when the heading says
    the same words, one shared message would hold the heading to the label's length."""
    return f"{page_id}|menu"


def not_offered(folder: Path, completeness: float, min_complete: float) -> Problem:
    """A language in progress: nothing is wrong, so patients are told nothing; the
    translator or technician learns how to preview it."""
    preview = math.floor(completeness * 100) / 100
    return Problem(
        folder,
        0,
        f"{completeness:.0%} of the pages are translated (a language is offered at "
        f"{min_complete:.0%}): not offered to patients; to preview it, set "
        f"min_complete = {preview:g} under [language] in the clinic config",
        warning=True,
    )


def template_keys(pages: Iterable[Page], locales_dir: Path) -> TemplateKeys:
    """The messages each template holds: the pages' blocks, and kiosk.pot's messages."""
    content: set[tuple[str | None, str]] = set()
    for page in pages:
        content.add((menu_context(page.id), page.title))
        content.update(
            (page.id, block.markdown) for block in page.blocks if block.kind is not BlockKind.SOURCE
        )
    from kiosk.i18n.po_check import parse_entries

    pot = locales_dir / "kiosk.pot"
    ui: set[tuple[str | None, str]] = set()
    if pot.is_file():
        entries, _ = parse_entries(pot.read_text(encoding="utf-8"), pot)
        ui = {entry.key for entry in entries if entry.msgid}
    return {"content": content, "kiosk": ui}
