"""Translation templates: `content.pot` (one message per block) and `kiosk.pot` (the UI).

Written with Babel, deterministically (fixed header date, no Babel version, no line
numbers for code), so `als-kiosk extract --check` can tell when a template is stale.
Updating a language's PO files from the templates marks the old translation of a changed
English block fuzzy (Babel's Catalog.update), as msgmerge does.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import normalize, read_po, unescape, write_po

from kiosk.content.pages import BlockKind, Page

PROJECT = "als-kiosk"
BUGS_ADDRESS = "the clinic's kiosk technician"
UI_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
_COMMENTS = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.LIST_ITEM: "list item",
    BlockKind.SOURCE: "source entry: keep titles, names, years and URLs exactly as they are",
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
    """One message per block and per page title; msgctxt is the page id."""
    catalog = _template("content")
    for page in pages:
        where = page.path.relative_to(content_root.parent).as_posix()
        catalog.add(
            page.title,
            locations=[(where, page.title_line)],
            auto_comments=["menu label (short)"],
            context=page.id,
        )
        for block in page.blocks:
            catalog.add(
                block.markdown,
                locations=[(where, block.line)],
                auto_comments=[_COMMENTS[block.kind]],
                context=page.id,
            )
    # Babel flags every message with a "%" as python-format; in prose ("33% of people")
    # that makes msgfmt reject correct translations such as "33%的人". Pages are not
    # format strings.
    for message in catalog:
        message.flags.discard("python-format")
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


_GENERATED_BY = re.compile(rb'^"Generated-By: [^"]*"\n', re.MULTILINE)


def render(catalog: Catalog, *, with_line_numbers: bool) -> bytes:
    """The template's text. Without Babel's Generated-By header, which names Babel's
    version: a new Babel release would otherwise make every template "out of date"."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79, include_lineno=with_line_numbers, sort_output=False)
    return _GENERATED_BY.sub(b"", buffer.getvalue())


def update_po(po_path: Path, template: Catalog, *, with_line_numbers: bool = True) -> bytes:
    """The PO file brought up to the template: new messages added, changed ones fuzzy,
    each fuzzy one with the English it was translated from (`#|`), as msgmerge does, so
    Poedit and Weblate can show the translator what changed.

    The translator's header is kept exactly as written: Babel rewrites headers and drops
    the ones it does not know, such as X-Medical-Review.
    """
    original = po_path.read_bytes()
    catalog = read_po(io.BytesIO(original), locale=po_path.parent.parent.name)
    recover_previous(catalog)
    # Catalog.update keeps a message's previous msgid only when it matches a changed one;
    # a message still fuzzy from an earlier run would lose it.
    previous = {(m.id, m.context): m.previous_id for m in catalog if m.id and m.previous_id}
    catalog.update(template, update_header_comment=False)
    for message in catalog:
        if message.fuzzy and not message.previous_id:
            message.previous_id = previous.get((message.id, message.context), [])
        if (
            message.id
            and "python-format" not in (template.get(message.id, message.context) or message).flags
        ):
            message.flags.discard("python-format")
        if not message.fuzzy:
            message.previous_id = []  # the translation is current again: nothing to compare
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79, sort_output=False, include_lineno=with_line_numbers)
    updated = with_previous(buffer.getvalue().decode("utf-8"), catalog).encode("utf-8")
    return _with_header_of(original, updated)


def recover_previous(catalog: Catalog) -> None:
    """Babel reads `#| msgid …` lines as translator comments ("| msgid …") and writes them
    back as `# | …`, so a second run loses the previous English for good
    (https://github.com/python-babel/babel/issues/206, open since 2015; the fix,
    https://github.com/python-babel/babel/pull/743, is unmerged). Turn them back into the
    message's previous msgid."""
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
    """The file with each fuzzy message's previous msgid written as GNU gettext writes it,
    one `#| "…"` line per wrapped line. Babel's writer wraps the whole `msgid "…"` text as
    one comment, which breaks it mid-string into lines msgfmt rejects (babel#206)."""
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
