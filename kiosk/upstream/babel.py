"""Babel: every place the kiosk works around it, with the upstream issue and a check.

Babel is bounded to the minor release these were tested on (pyproject.toml). Each
workaround has a function that says whether the problem is still there, and a test in
tests/unit/test_upstream_core.py, named after it, that fails once a Babel release fixes
it: remove the workaround then.

1. Forgetting CLDR data (`release_locale_data`). Babel keeps every locale it ever read
   (about 1 MiB of Python objects each) in two private caches, `localedata._cache` (the
   merged data) and, since 2.19, `localedata._dict_cache` (the same data wrapped for
   `Locale`). Its one public way to let go, `localedata.clear_caches()`, forgets every
   locale, the ones the kiosk keeps too (English and the clinic's default, each about
   5 ms to read again). No upstream issue asks for a selective purge (searched
   python-babel/babel); https://github.com/python-babel/babel/pull/1254 (merged) and
   https://github.com/python-babel/babel/pull/1264 (open) change how the caches are
   filled and locked. Check: `forgets_only_all_or_nothing`.
2. Prose is not a format string (`drop_guessed_python_format`). Babel flags every message
   with a "%" followed by a letter as python-format ("33% of people"), and msgfmt then
   rejects correct translations such as "33%的人":
   https://github.com/python-babel/babel/issues/35 (open since 2013; the regex fix,
   https://github.com/python-babel/babel/pull/1325, is unmerged). Check:
   `guesses_python_format_from_a_percent_sign`.
3. Templates that do not name a Babel version (`without_generated_by`). `write_po` always
   writes a `Generated-By: Babel X.Y` header, so every Babel release would make
   `als-kiosk extract --check` call every template out of date. No upstream issue asks to
   leave it out; the closest is https://github.com/python-babel/babel/issues/503 (open:
   generated header fields make every update a change). Check: `names_its_version`.
4. Previous msgids, `#|` (`recover_previous`, `with_previous`). `read_po` keeps them as
   translator comments ("| msgid …") and `write_po(include_previous=True)` wraps a long one
   as a single comment, mid-string, into lines msgfmt rejects:
   https://github.com/python-babel/babel/issues/206 (open since 2015; the fix,
   https://github.com/python-babel/babel/pull/743, is unmerged). Checks:
   `reads_previous_msgids_as_comments`, `writes_long_previous_msgids_broken`.
"""

from __future__ import annotations

import inspect
import io
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kiosk.translate import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# ------------------------------------------------------------------ 1. CLDR data


def release_locale_data(keep: Iterable[str] = (SOURCE_LANGUAGE,)) -> None:
    """Forget the CLDR data Babel has read, except for `keep` and what they inherit."""
    localedata = sys.modules.get("babel.localedata")
    if localedata is None:
        return  # nothing read yet
    kept = {"root"}
    for tag in keep:
        parts = tag.split("_")
        kept.update("_".join(parts[: n + 1]) for n in range(len(parts)))
    # Babel's own caches (no public way to empty them selectively), under its lock. A
    # release that renames them is caught by tests/unit/test_upstream_core.py.
    caches = [getattr(localedata, name, {}) for name in ("_cache", "_dict_cache")]
    with localedata._cache_lock:
        for cache in caches:
            for name in [name for name in cache if name not in kept]:
                del cache[name]


def forgets_only_all_or_nothing() -> bool:
    """Is the problem still there: no public Babel function forgets some locales and
    keeps others?"""
    from babel import localedata

    purges = [
        getattr(localedata, name)
        for name in dir(localedata)
        if not name.startswith("_")
        and any(word in name.lower() for word in ("clear", "forget", "release", "unload"))
    ]
    return all(not inspect.signature(purge).parameters for purge in purges if callable(purge))


# ------------------------------------------------------------------ 2. python-format


def drop_guessed_python_format(catalog: Catalog, template: Catalog | None = None) -> None:
    """Take back the python-format flag Babel guessed from a "%": from every message, or,
    given the template, from each message whose template entry has no such flag."""
    for message in catalog:
        if template is not None:
            source = template.get(message.id, message.context) if message.id else None
            if source is None or "python-format" in source.flags:
                continue
        message.flags.discard("python-format")


def guesses_python_format_from_a_percent_sign() -> bool:
    """Is the problem still there: does Babel flag "33% of people" as python-format?"""
    from babel.messages.catalog import Message

    return "python-format" in Message("33% of people").flags


# ------------------------------------------------------------------ 3. Generated-By

_GENERATED_BY = re.compile(rb'^"Generated-By: [^"]*"\n', re.MULTILINE)


def without_generated_by(po: bytes) -> bytes:
    """A PO file's text without Babel's Generated-By header line."""
    return _GENERATED_BY.sub(b"", po)


def names_its_version() -> bool:
    """Is the problem still there: does `write_po` write Babel's version into the header?"""
    from babel import __version__
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, Catalog())
    return f"Generated-By: Babel {__version__}".encode() in buffer.getvalue()


# ------------------------------------------------------------------ 4. previous msgids (#|)


def recover_previous(catalog: Catalog) -> None:
    """Turn the `#| msgid …` lines that `read_po` kept as translator comments ("| msgid …")
    back into each message's previous msgid; written back as Babel reads them, as
    `# | …`, a second run would lose the previous English for good."""
    from babel.messages.pofile import unescape

    for message in catalog:
        previous = [c for c in message.user_comments if c.startswith("|")]
        if not previous:
            continue
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        fields: dict[str, str] = {}
        field = ""
        for comment in previous:
            line = comment[1:].strip()
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid", "msgid_plural"):
                field, line = keyword, rest.strip()
            if field and line.startswith('"'):
                fields[field] = fields.get(field, "") + unescape(line)
        if "msgid" in fields:
            plural = [fields["msgid_plural"]] if "msgid_plural" in fields else []
            message.previous_id = [fields["msgid"], *plural]


def with_previous(po_text: str, catalog: Catalog) -> str:
    """The file `write_po` wrote for `catalog`, with each fuzzy message's previous msgid
    written as GNU gettext writes it: one `#| "…"` line per wrapped line, 79 columns."""
    from babel.messages.pofile import normalize

    entries = po_text.split("\n\n")
    messages = [message for message in catalog if message.id]
    # write_po puts the header first, then the messages in catalog order, then obsolete ones.
    for index, message in enumerate(messages, start=1):
        if index >= len(entries) or not message.previous_id or not message.fuzzy:
            continue
        lines = entries[index].split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("#,")), -1) + 1
        fields = [("msgctxt", message.context)] if message.context else []
        fields += zip(("msgid", "msgid_plural"), message.previous_id, strict=False)
        previous = [
            f"#| {line}"
            for keyword, text in fields
            # 79 columns in all, as msgmerge writes them: 76 after the "#| ".
            for line in f"{keyword} {normalize(text, width=76)}".split("\n")
        ]
        entries[index] = "\n".join([*lines[:at], *previous, *lines[at:]])
    return "\n\n".join(entries)


def reads_previous_msgids_as_comments() -> bool:
    """Is the problem still there: does `read_po` leave `#| msgid` as a translator comment?"""
    from babel.messages.pofile import read_po

    po = b'msgid ""\nmsgstr ""\n\n#, fuzzy\n#| msgid "Old"\nmsgid "New"\nmsgstr "Nuevo"\n'
    message = read_po(io.BytesIO(po))["New"]
    return message is not None and not message.previous_id


_PREVIOUS_LINE = re.compile(r'#\| (?:(?:msgctxt|msgid|msgid_plural) )?"(?:[^"\\]|\\.)*"')


def writes_long_previous_msgids_broken() -> bool:
    """Is the problem still there: does `write_po(include_previous=True)` write a previous
    msgid longer than a line as anything but whole `#| "…"` lines?"""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog()
    catalog.add("New", "Nuevo", flags=["fuzzy"], previous_id=["Old words " * 12])
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_previous=True, width=79, omit_header=True)
    lines = [line for line in buffer.getvalue().decode().splitlines() if line.startswith("#|")]
    return not all(_PREVIOUS_LINE.fullmatch(line) for line in lines)
