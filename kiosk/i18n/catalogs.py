"""Translation templates: `content.pot` (one message per block) and `kiosk.pot` (the UI).

Written with Babel, deterministically (fixed header date, no Babel version). `als-kiosk
extract --check` compares catalogs by what they say (catalog_content), never by bytes, so
a file saved by Poedit, Weblate, msgcat or msginit passes as long as its messages are
current, and `extract` rewrites only files whose messages changed.
Updating a language's PO files from the templates marks the old translation of a changed
English block fuzzy (Babel's Catalog.update), as msgmerge does. Where Babel needs working
around (python-format guesses, Generated-By, `#|` lines), the fix is in kiosk.upstream.babel.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from kiosk.content.pages import BlockKind, Page
from kiosk.i18n.languages import MENU_LABEL_CELLS, menu_context
from kiosk.i18n.po_check import parse_entries
from kiosk.upstream.babel import (
    drop_guessed_python_format,
    recover_previous,
    with_previous,
    without_generated_by,
)

PROJECT = "als-kiosk"
BUGS_ADDRESS = "the clinic's kiosk technician"
UI_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
_COMMENTS = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.LIST_ITEM: "list item",
}
# A fixed date keeps the templates byte-for-byte stable between runs.
TEMPLATE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _template(domain: str) -> Catalog:
    return Catalog(
        project=PROJECT,
        version="1",
        msgid_bugs_address=BUGS_ADDRESS,
        copyright_holder="the ALS kiosk project",
        creation_date=TEMPLATE_DATE,
        revision_date=TEMPLATE_DATE,
        domain=domain,
        fuzzy=False,
    )


def content_template(pages: Iterable[Page], content_root: Path) -> Catalog:
    """One message per block and per menu label; msgctxt is the page id (with "|menu"
    for the label, which is a message of its own even when the heading says the same)."""
    catalog = _template("content")
    for page in pages:
        where = page.path.relative_to(content_root.parent).as_posix()
        catalog.add(
            page.title,
            locations=[(where, page.title_line)],
            auto_comments=[
                f"menu label on the topics list: at most {MENU_LABEL_CELLS} cells (45 columns), "
                "read aloud when it is highlighted"
            ],
            context=menu_context(page.id),
        )
        for block in page.blocks:
            if block.kind is BlockKind.SOURCE:
                continue  # citations are shown as published (LoadedLanguage.localise)
            catalog.add(
                block.markdown,
                locations=[(where, block.line)],
                auto_comments=[_COMMENTS[block.kind]],
                context=page.id,
            )
    # Pages are not format strings, whatever Babel guesses from a "%" (babel#35).
    drop_guessed_python_format(catalog)
    return catalog


def ui_template(package_dir: Path) -> Catalog:
    """Every string marked with _(), N_() or ngettext() in the kiosk's code."""
    catalog = _template("kiosk")
    base = package_dir.parent
    for filename, lineno, message, comments, context in extract_from_dir(
        package_dir, keywords=UI_KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        path = (package_dir / filename).relative_to(base).as_posix()
        catalog.add(
            message,
            locations=[(path, lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def render(catalog: Catalog, *, with_line_numbers: bool) -> bytes:
    """The template's text. Without Babel's Generated-By header, which names Babel's
    version: a new Babel release would otherwise make every template "out of date"."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79, include_lineno=with_line_numbers, sort_output=False)
    return without_generated_by(buffer.getvalue())


def update_po(po_path: Path, template: Catalog, *, with_line_numbers: bool = True) -> bytes:
    """The PO file brought up to the template: new messages added, changed ones fuzzy,
    each fuzzy one with the English it was translated from (`#|`), as msgmerge does, so
    Poedit and Weblate can show the translator what changed.

    The translator's header is kept exactly as written: Babel rewrites headers and drops
    the ones it does not know, such as X-Medical-Review.
    """
    original = po_path.read_bytes()
    catalog = read_po(io.BytesIO(original), locale=po_path.parent.parent.name)
    recover_previous(catalog)  # Babel reads `#|` lines as comments (babel#206)
    # Catalog.update keeps a message's previous msgid only when it matches a changed one;
    # a message still fuzzy from an earlier run would lose it.
    previous = {(m.id, m.context): m.previous_id for m in catalog if m.id and m.previous_id}
    catalog.update(template, update_header_comment=False)
    # read_po guessed python-format again from each "%": the template says (babel#35).
    drop_guessed_python_format(catalog, template)
    for message in catalog:
        if message.fuzzy and not message.previous_id:
            message.previous_id = previous.get((message.id, message.context), [])
        if not message.fuzzy:
            message.previous_id = []  # the translation is current again: nothing to compare
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79, sort_output=False, include_lineno=with_line_numbers)
    # Babel's writer breaks a long previous msgid mid-string (babel#206).
    updated = with_previous(buffer.getvalue().decode("utf-8"), catalog).encode("utf-8")
    return _with_header_of(original, updated)


def _header_block(po: bytes) -> tuple[int, int]:
    """Start and end of the header entry (comments + msgid "" + msgstr lines)."""
    start = po.find(b'msgid ""')
    end = po.find(b"\n\n", start)
    comment_start = po.rfind(b"\n\n", 0, start)
    return (0 if comment_start < 0 else comment_start + 2), (len(po) if end < 0 else end)


def _with_header_of(original: bytes, updated: bytes) -> bytes:
    if b'msgid ""' not in original or b'msgid ""' not in updated:
        return updated
    old_start, old_end = _header_block(original)
    new_start, new_end = _header_block(updated)
    return updated[:new_start] + original[old_start:old_end] + updated[new_end:]


MessageKey = tuple[str | None, str | tuple[str, ...]]


@dataclass(frozen=True)
class MessageContent:
    """What one message says to a translator and to the kiosk, however it is written."""

    strings: tuple[str, ...]
    flags: tuple[str, ...]
    extracted_comments: tuple[str, ...]
    translator_comments: tuple[str, ...]
    references: tuple[tuple[str, int | None], ...]
    previous: tuple[str, ...]


def catalog_content(po: bytes, locale: str | None = None) -> dict[MessageKey, MessageContent]:
    """A catalog as its messages, independent of how an editor wrapped, ordered or
    headed it: GNU gettext, Poedit and Weblate wrap differently from Babel, and msginit
    writes its own header, but the same messages are the same catalog.

    Obsolete (`#~`) entries are history an editor may keep or purge, not content.
    """
    catalog = read_po(io.BytesIO(po), locale=locale)
    recover_previous(catalog)  # Babel reads `#|` lines as comments (babel#206)
    # Flags as written: read_po adds python-format to every message with a "%" (babel#35),
    # which would hide the one flag that makes msgfmt refuse a correct translation.
    entries, _ = parse_entries(po.decode("utf-8"), Path("catalog"))
    written_flags = {entry.key: entry.flags for entry in entries if not entry.obsolete}
    content: dict[MessageKey, MessageContent] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        key_id = message.id if isinstance(message.id, str) else tuple(message.id)
        singular = key_id if isinstance(key_id, str) else key_id[0]
        string = message.string
        strings = tuple(string) if isinstance(string, tuple | list) else (string or "",)
        content[(message.context, key_id)] = MessageContent(
            strings=strings,
            flags=tuple(sorted(written_flags.get((message.context, singular), set()))),
            extracted_comments=tuple(message.auto_comments),
            translator_comments=tuple(message.user_comments),
            references=tuple(sorted(message.locations, key=lambda at: (at[0], at[1] or 0))),
            previous=tuple(message.previous_id),
        )
    return content


def same_content(written: bytes, wanted: bytes, locale: str | None = None) -> bool:
    """Does the file on disk say what `extract` would write? A file Babel cannot read
    says nothing the same."""
    try:
        return catalog_content(written, locale) == catalog_content(wanted, locale)
    except (ValueError, UnicodeDecodeError):
        return False
