"""Content pages: CommonMark with front matter → a typed Page of Blocks.

A block (heading, paragraph, list item, source entry) is the unit of translation, of
focus on screen and of speech: its inline Markdown source is the gettext msgid, the page
id its msgctxt (as Sphinx and mdpo do), so a sentence is never split across messages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.content.text import clip, sanitise
from kiosk.problems import Problem
from kiosk.translate import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SOURCES_HEADING = "Sources"
"""The English heading that starts a page's source list (matched on the English page)."""

_PAGE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    SOURCE = "source"


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one style, so emphasis survives without markup."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    tel: bool = False
    """The text of a `tel:` link: a phone number, read digit by digit in the groups shown."""


@dataclass(frozen=True)
class Block:
    """One focusable, translatable, speakable piece of a page."""

    kind: BlockKind
    markdown: str
    """Inline Markdown, sanitised; the English one is the gettext msgid."""
    line: int
    level: int = 0
    lang: str = SOURCE_LANGUAGE
    """Language of this block's text: picks the voice and the direction."""
    fallback: bool = False
    """True when a translation was missing and the English text is shown instead."""
    regions: tuple[str, ...] = ()
    """The places this statement holds in (kiosk.content.regions); empty when it holds anywhere.
    On a heading it covers the heading's whole section."""

    @cached_property
    def runs(self) -> tuple[Run, ...]:
        return parse_inline(self.markdown)

    @cached_property
    def text(self) -> str:
        """Plain text, as shown and spoken."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    """Short label for the topic list."""
    order: int
    facts: tuple[int, ...]
    reviewed: dt.date
    blocks: tuple[Block, ...]
    path: Path
    title_line: int = 0
    lang: str = SOURCE_LANGUAGE
    extra: dict[str, int] = field(default_factory=dict)
    """Line of each front-matter key, for checks that report on it."""


def review_due(reviewed: dt.date, months: int) -> dt.date:
    """The date a page reviewed on `reviewed` is next due for review (NHS pages show both).
    The 31st plus a month is the last day of the shorter month."""
    import calendar

    month_index = reviewed.month - 1 + months
    year, month = reviewed.year + month_index // 12, month_index % 12 + 1
    day = min(reviewed.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


# ---------------------------------------------------------------------------- inline


@cache
def _markdown() -> MarkdownIt:
    # CommonMark without raw HTML: HTML in a page or translation is shown as text.
    # Imported on first use: the first screen (the language list) parses no Markdown.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Block attributes carry data about a block that is not its text: `{region=GB}` on
    # the line before it (kiosk.content.regions). They never reach a msgid.
    return (
        MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin).use(attrs_block_plugin)
    )


def parse_inline(markdown: str) -> tuple[Run, ...]:
    """Turn inline Markdown into styled runs. Links become text: shown, never opened."""
    runs: list[Run] = []
    bold = italic = 0
    link_target: list[str] = []
    link_text: list[str] = []
    tokens = _markdown().parseInline(markdown)
    children: list[Token] = (tokens[0].children or []) if tokens else []

    def add(text: str, *, code: bool = False) -> None:
        if not text:
            return
        if link_target:
            link_text.append(text)
        tel = bool(link_target) and link_target[-1].startswith("tel:")
        run = Run(text, bold=bold > 0, italic=italic > 0, code=code, tel=tel)
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].code, runs[-1].tel) == (
            run.bold,
            run.italic,
            run.code,
            run.tel,
        ):
            runs[-1] = replace(runs[-1], text=runs[-1].text + text)
        else:
            runs.append(run)

    for token in children:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "code_inline":
            add(token.content, code=True)
        elif kind == "link_open":
            link_target.append(str(token.attrGet("href") or ""))
            link_text.clear()
        elif kind == "link_close" and link_target:
            href = link_target.pop()
            shown = "".join(link_text)
            # A `tel:` link marks a phone number (shown as written, read digit by digit);
            # other targets are shown after their text so they can be followed by hand.
            if href and not href.startswith("tel:") and href not in (shown, "mailto:" + shown):
                add(f" ({href})")
        elif kind == "image":
            add(token.content)
        else:
            add(token.content)
    return tuple(runs)


# ---------------------------------------------------------------------------- pages


class _FrontMatter:
    """Front matter values with the file line of each key."""

    def __init__(self, text: str, first_line: int, path: Path, problems: list[Problem]) -> None:
        self.values: dict[str, Any] = {}
        self.lines: dict[str, int] = {}
        self.valid = False
        self._path = path
        self._first_line = first_line
        self._problems = problems
        import yaml  # on first use, like Markdown

        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = first_line + (mark.line if mark else 0)
            reason = getattr(error, "problem", None) or "cannot be read"
            problems.append(Problem(path, line, f"front matter is not valid YAML: {reason}"))
            return
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            problems.append(Problem(path, first_line, "front matter must be `key: value` lines"))
            return
        self.values = data
        self.valid = True
        for key_node, _ in node.value:
            self.lines[str(key_node.value)] = first_line + key_node.start_mark.line

    def problem(self, key: str, message: str) -> None:
        line = self.lines.get(key, self._first_line - 1)
        self._problems.append(Problem(self._path, line, message))


def _validated_front_matter(fm: _FrontMatter, path: Path) -> dict[str, Any] | None:
    if not fm.valid:
        return None
    values = fm.values
    known = {"id", "title", "order", "facts", "reviewed"}
    for key in values:
        if key not in known:
            fm.problem(key, f"unknown front-matter key {key!r} (known: {', '.join(sorted(known))})")
    ok = True
    for key in sorted(known - values.keys()):
        fm.problem(key, f"front matter needs `{key}:`")
        ok = False
    page_id = values.get("id")
    if "id" in values and (not isinstance(page_id, str) or not _PAGE_ID.match(page_id)):
        fm.problem("id", "`id` must be lower-case words joined by hyphens, like `stem-cells`")
        ok = False
    elif isinstance(page_id, str) and page_id != path.stem:
        fm.problem("id", f"`id` is {page_id!r} but the file is {path.name}: make them match")
    title = values.get("title")
    if "title" in values and (not isinstance(title, str) or not title.strip()):
        fm.problem("title", "`title` must be a short non-empty label")
        ok = False
    order = values.get("order")
    if "order" in values and (not isinstance(order, int) or isinstance(order, bool) or order < 1):
        fm.problem("order", "`order` must be a whole number from 1")
        ok = False
    facts = values.get("facts")
    if "facts" in values and (
        not isinstance(facts, list)
        or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in facts)
    ):
        fm.problem("facts", "`facts` must be a list of fact numbers from facts.md, like [1, 2]")
        ok = False
    reviewed = values.get("reviewed")
    if "reviewed" in values and not isinstance(reviewed, dt.date):
        fm.problem("reviewed", "`reviewed` must be a date written YYYY-MM-DD")
        ok = False
    return values if ok else None


def _regions(token: Token, line: int, path: Path, problems: list[Problem]) -> tuple[str, ...]:
    """The region codes a block attribute gives (`{region=GB}`), each one checked."""
    from kiosk.content.regions import parse_codes, region_problem

    attrs = dict(token.attrs)
    for name in sorted(set(attrs) - {"region"}):
        problems.append(
            Problem(path, line, f"unknown block attribute {name!r}: the kiosk knows `region`")
        )
    codes = parse_codes(str(attrs.get("region", "")))
    if "region" in attrs and not codes:
        problems.append(Problem(path, line, "`region` needs a code, like {region=GB}"))
    for code in codes:
        problem = region_problem(code)
        if problem:
            problems.append(Problem(path, line, problem))
    return codes


def _is_loose(tokens: Sequence[Token], list_open: Token) -> bool:
    """Is this a loose list (items apart by blank lines)? markdown-it hides the paragraphs
    of tight lists only."""
    start = tokens.index(list_open)
    depth = 0
    for token in tokens[start:]:
        depth += (
            token.nesting
            if token.type.endswith("_list_open") or token.type.endswith("_list_close")
            else 0
        )
        if token.type == "paragraph_open" and not token.hidden:
            return True
        if depth == 0:
            return False
    return False


def _block_tokens(tokens: Sequence[Token], path: Path, problems: list[Problem]) -> list[Block]:
    blocks: list[Block] = []
    in_sources = False
    pending: tuple[BlockKind, int] | None = None
    pending_regions: tuple[str, ...] = ()
    list_regions: tuple[str, ...] = ()
    list_depth = 0
    for token in tokens:
        line = (token.map[0] + 1) if token.map else 0
        kind = token.type
        if kind == "front_matter":
            continue
        regions = _regions(token, line, path, problems) if token.attrs else ()
        if kind == "heading_open":
            pending = (BlockKind.HEADING, int(token.tag[1:]))
            pending_regions = regions
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
            list_regions = regions
            if list_depth > 1:
                problems.append(Problem(path, line, "nested lists are not supported: flatten it"))
            if regions and _is_loose(tokens, token):
                # A blank line does not end a list in CommonMark: bullets meant to hold
                # everywhere would carry this list's place label.
                problems.append(
                    Problem(
                        path,
                        line,
                        "a list marked with `region` has blank lines between its items, so "
                        "every later item gets the same place label: keep the marked items "
                        "together and start other items after a heading or paragraph",
                    )
                )
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            list_regions = ()
        elif kind == "list_item_open":
            pending = (BlockKind.SOURCE if in_sources else BlockKind.LIST_ITEM, 0)
            pending_regions = list_regions
        elif kind == "paragraph_open" and pending is None:
            pending = (BlockKind.SOURCE if in_sources else BlockKind.PARAGRAPH, 0)
            pending_regions = regions
        elif kind == "inline" and pending is not None:
            block_kind, level = pending
            markdown = clip(sanitise(token.content.strip()))
            if block_kind is BlockKind.HEADING and level <= 2:
                in_sources = markdown == SOURCES_HEADING
            if markdown:
                blocks.append(Block(block_kind, markdown, line, level, regions=pending_regions))
            pending = None
            pending_regions = ()
        elif kind in ("paragraph_close", "heading_close", "list_item_close"):
            pending = None
        elif kind in ("fence", "code_block", "html_block", "hr", "blockquote_open", "table_open"):
            name = {"fence": "code", "code_block": "code", "html_block": "HTML"}.get(
                kind, kind.removesuffix("_open")
            )
            problems.append(
                Problem(path, line, f"{name} blocks are not shown by the kiosk: use paragraphs")
            )
    return blocks


def parse_page(text: str, path: Path) -> tuple[Page | None, list[Problem]]:
    """Parse one page. Problems carry the page's own line numbers; None if unusable."""
    problems: list[Problem] = []
    text = sanitise(text, keep_newlines=True)
    tokens = _markdown().parse(text)
    front = next((t for t in tokens if t.type == "front_matter"), None)
    if front is None or not front.map:
        problems.append(Problem(path, 1, "page must start with front matter between `---` lines"))
        return None, problems
    fm = _FrontMatter(front.content, front.map[0] + 2, path, problems)
    values = _validated_front_matter(fm, path)
    blocks = _block_tokens(tokens, path, problems)
    if not blocks:
        problems.append(Problem(path, front.map[1] + 1, "page has no text"))
    elif blocks[0].kind is not BlockKind.HEADING or blocks[0].level != 1:
        problems.append(Problem(path, blocks[0].line, "page text must start with one `# ` title"))
    if values is None or not blocks:
        return None, problems
    page = Page(
        id=values["id"],
        title=sanitise(values["title"]).strip(),
        order=values["order"],
        facts=tuple(values["facts"]),
        reviewed=values["reviewed"],
        blocks=tuple(blocks),
        path=path,
        title_line=fm.lines.get("title", 1),
        extra=dict(fm.lines),
    )
    return page, problems


def load_pages(content_dir: Path, lang: str = SOURCE_LANGUAGE) -> tuple[list[Page], list[Problem]]:
    """Load every page of one language folder, in topic order; unusable pages are left out."""
    folder = content_dir / lang
    problems: list[Problem] = []
    pages: list[Page] = []
    if not folder.is_dir():
        return [], [Problem(folder, 0, "content folder is missing")]
    for path in sorted(folder.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(path, 0, f"cannot read page: {error}"))
            continue
        page, page_problems = parse_page(text, path)
        problems.extend(page_problems)
        if page is not None:
            pages.append(page)
    seen: dict[str, Page] = {}
    for page in pages:
        if page.id in seen:
            problems.append(
                Problem(
                    page.path,
                    page.extra.get("id", 1),
                    f"id {page.id!r} is also used by {seen[page.id].path.name}",
                )
            )
        seen[page.id] = page
    if not pages:
        problems.append(Problem(folder, 0, "no usable pages"))
    return sorted(seen.values(), key=lambda p: (p.order, p.id)), problems
