"""A focusable piece of text: a topic in a menu, or a block of a page.

It wraps its own lines (kiosk.content.layout) so the focus marker gets a hanging indent and the
same code serves every script. Focus changes shape, not only colour: a marker glyph on
the first line, reverse video, and (except in the plain theme) a thick bar at the left.

Right to left, all of it is mirrored: the text is set against the right edge, the bullet,
the marker (pointing left, at the text) and the hanging indent are at the right, and so is
the bar (class `-rtl`, kiosk.tcss). Where the kiosk reorders lines itself, each line is
drawn left to right as it must look. Where the terminal does bidi itself (VTE), the kiosk
sends each row in logical order and the terminal reorders it as one paragraph per row,
left to right by default: a right-to-left run is turned around where it stands, and the
blanks and glyphs around it stay where they are. So the row is sent as blanks, the text,
then bullet and marker: the terminal shows them on the right of the text. (What the kiosk
cannot change from inside a row: such a terminal puts a line's final full stop, and the
order of a Latin word among Arabic ones, by left-to-right rules. bidi = "app" has neither.)
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from kiosk.content.layout import Line, wrap
from kiosk.content.pages import BlockKind, Run
from kiosk.i18n.rtl import visual_line
from kiosk.ui.themes import is_plain_theme

MARKER_WIDTH = 2
RTL_MARKERS = {"▶": "◀", ">": "<"}
"""The marker mirrored: it points at the text from its right."""


def _style(run: Run, spoken: bool) -> str:
    names = [
        name
        for name, on in (("bold", run.bold), ("italic", run.italic), ("underline", run.code))
        if on
    ]
    if spoken:
        # The spoken sentence changes shape, not only colour: reversed and underlined.
        names += ["reverse", "underline"]
    return " ".join(dict.fromkeys(names))


class FocusText(Widget, can_focus=True):
    """Text the kiosk's keys and switches move between: what every screen is made of.

    Screens subclass it for their items (a topic, a language, a block of a page) and find
    them in reading order (KioskScreen.items). It draws its own lines, so that one code
    path wraps and marks every script, and a sentence being read can be highlighted by
    character range (`set_highlight`)."""

    DEFAULT_CSS = """
    FocusText {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(
        self,
        runs: Sequence[Run],
        *,
        kind: BlockKind = BlockKind.PARAGRAPH,
        level: int = 0,
        bullet: str = "",
        lang: str = "en",
        direction: str = "ltr",
        reorder_rtl: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        # The kind's classes are given to the constructor: add_class() here would have
        # Textual restyle the widget before it is even mounted (about 1 ms each, so 40 ms
        # for a long page; bench/run.py, page opens).
        kind_classes = [f"-{kind.value}"]
        if kind is BlockKind.HEADING:
            kind_classes.append(f"-h{level}")
        if direction == "rtl":
            kind_classes.append("-rtl")  # the focus bar at the right (kiosk.tcss)
        super().__init__(name=name, id=id, classes=" ".join([*kind_classes, classes or ""]))
        self.runs = tuple(runs)
        self.kind = kind
        self.level = level
        self.bullet = bullet
        self.lang = lang
        """Language of the text: picks the voice that reads it (EN 301 549 5.1.3.14)."""
        self.direction = direction
        self.reorder_rtl = reorder_rtl
        """Whether right-to-left lines are reordered here: not where the terminal does
        bidi itself (config [display] bidi = "terminal"; the screen passes it on)."""
        self._wrapped: tuple[int, list[Line]] | None = None
        self.said_at: tuple[int | None, int | None] = (None, None)
        """Speed and volume steps to say this item at, rather than the person's (a value
        offered in Settings is heard as it would be)."""
        self.highlight: tuple[int, int] | None = None
        """Character range of the sentence being spoken (508 402.2.3, EN 301 549 5.1.3.3)."""

    @property
    def plain_text(self) -> str:
        return "".join(run.text for run in self.runs)

    def _lines(self, width: int) -> list[Line]:
        text_width = max(width - MARKER_WIDTH - len(self.bullet), 1)
        if self._wrapped is None or self._wrapped[0] != text_width:
            self._wrapped = (text_width, wrap(self.runs, text_width))
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def _marker(self) -> str:
        plain = is_plain_theme(self.app.theme)
        if not self.has_focus:
            # The other items of a scanned group: the plain theme has no bar to show them,
            # so they get a character of their own (shape, not colour; readable as text).
            in_group = plain and self.has_class("-scan-group")
            return ("+" if in_group else "").ljust(MARKER_WIDTH)
        return (">" if plain else "▶").ljust(MARKER_WIDTH)

    def _rtl_line(self, line: Line, width: int) -> list[str | tuple[str, str]]:
        """A right-to-left line: reordered for display, right-aligned, styles kept."""
        styles: list[str] = []
        for piece in line.pieces:
            for text, spoken in self._split_at_highlight(piece.text, piece.start):
                style = _style(piece.run, spoken)
                styles.extend([style] * len(text))
        shown, order = visual_line(line.text)
        parts: list[str | tuple[str, str]] = [" " * max(0, width - cell_len(shown))]
        for char, index in zip(shown, order, strict=True):
            parts.append((char, styles[index]) if styles[index] else char)
        return parts

    def _logical_pieces(self, line: Line) -> list[str | tuple[str, str]]:
        parts: list[str | tuple[str, str]] = []
        for piece in line.pieces:
            for text, spoken in self._split_at_highlight(piece.text, piece.start):
                style = _style(piece.run, spoken)
                parts.append((text, style) if style else text)
        return parts

    def _render_rtl(self, lines: list[Line], text_width: int) -> Content:
        """Mirrored: text at the right edge, then bullet, marker and hanging indent."""
        marker = self._marker()
        first_end = self.bullet[::-1] + RTL_MARKERS.get(marker[0], marker[0]).rjust(MARKER_WIDTH)
        indent = " " * (MARKER_WIDTH + len(self.bullet))
        parts: list[str | tuple[str, str]] = []
        for number, line in enumerate(lines):
            if number:
                parts.append("\n")
            if self.reorder_rtl:
                parts.extend(self._rtl_line(line, text_width))
            else:
                # Logical order for a bidi terminal, right-aligned by the blanks before it.
                parts.append(" " * max(0, text_width - cell_len(line.text)))
                parts.extend(self._logical_pieces(line))
            parts.append(indent if number else first_end)
        return Content.assemble(*parts)

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        lines = self._lines(width)
        text_width = max(width - MARKER_WIDTH - len(self.bullet), 1)
        if self.direction == "rtl":
            return self._render_rtl(lines, text_width)
        parts: list[str | tuple[str, str]] = []
        indent = " " * (MARKER_WIDTH + len(self.bullet))
        for number, line in enumerate(lines):
            if number:
                parts.append("\n")
                parts.append(indent)
            else:
                parts.append(self._marker() + self.bullet)
            parts.extend(self._logical_pieces(line))
        return Content.assemble(*parts)

    def set_runs(self, runs: Sequence[Run]) -> None:
        """Replace the text (a countdown, a size): it is wrapped again at the next render."""
        self.runs = tuple(runs)
        self._wrapped = None
        self.refresh(layout=True)

    def _split_at_highlight(self, text: str, start: int) -> list[tuple[str, bool]]:
        if self.highlight is None:
            return [(text, False)]
        low, high = self.highlight
        cut_low = min(max(low - start, 0), len(text))
        cut_high = min(max(high - start, 0), len(text))
        pieces = [
            (text[:cut_low], False),
            (text[cut_low:cut_high], True),
            (text[cut_high:], False),
        ]
        return [(part, spoken) for part, spoken in pieces if part]

    def set_highlight(self, span: tuple[int, int] | None) -> None:
        if span != self.highlight:
            self.highlight = span
            self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        # Right to left the marker is at the item's right edge, and the terminal cursor on
        # it (KioskScreen.place_cursor): when the item narrows after it got focus (the
        # controls' scrollbar appears), the cursor has to move with the marker.
        if self.has_focus and self.direction == "rtl":
            place_cursor = getattr(self.screen, "place_cursor", None)
            if callable(place_cursor):
                self.call_after_refresh(place_cursor)

    def on_blur(self) -> None:
        self.refresh()


class Paragraph(FocusText, can_focus=False):
    """Text that is read but not chosen: notices, the idle warning. Same wrapping and
    right-to-left handling as the focusable items, without a focus marker."""
