"""A focusable piece of text: a topic in a menu, or a block of a page.

It wraps its own lines (kiosk.layout) so the focus marker gets a hanging indent and the
same code serves every script. Focus changes shape, not only colour: a marker glyph on
the first line, reverse video, and (except in the plain theme) a thick bar at the left.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from kiosk.content import BlockKind, Run
from kiosk.layout import Line, wrap

MARKER_WIDTH = 2


class FocusText(Widget, can_focus=True):
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
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.runs = tuple(runs)
        self.kind = kind
        self.level = level
        self.bullet = bullet
        self.lang = lang
        self.direction = direction
        """Language of the text: picks the voice that reads it (EN 301 549 5.1.3.14)."""
        self._wrapped: tuple[int, list[Line]] | None = None
        self.highlight: tuple[int, int] | None = None
        """Character range of the sentence being spoken (508 402.2.3, EN 301 549 5.1.3.3)."""
        self.add_class(f"-{kind.value}")
        if kind is BlockKind.HEADING:
            self.add_class(f"-h{level}")

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
        if not self.has_focus:
            return " " * MARKER_WIDTH
        plain = self.app.theme.endswith("-plain")
        return (">" if plain else "▶").ljust(MARKER_WIDTH)

    def render(self) -> Content:
        lines = self._lines(self.content_region.width or self.size.width)
        parts: list[str | tuple[str, str]] = []
        indent = " " * (MARKER_WIDTH + len(self.bullet))
        for number, line in enumerate(lines):
            if number:
                parts.append("\n")
                parts.append(indent)
            else:
                parts.append(self._marker() + self.bullet)
            for piece in line.pieces:
                base = " ".join(
                    name
                    for name, on in (
                        ("bold", piece.run.bold),
                        ("italic", piece.run.italic),
                        ("underline", piece.run.code),
                    )
                    if on
                )
                for text, spoken in self._split_at_highlight(piece.text, piece.start):
                    # The spoken sentence changes shape, not only colour: it is drawn in
                    # reverse of its surroundings and underlined.
                    style = f"{base} reverse underline".strip() if spoken else base
                    parts.append((text, style) if style else text)
        return Content.assemble(*parts)

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

    def on_blur(self) -> None:
        self.refresh()
