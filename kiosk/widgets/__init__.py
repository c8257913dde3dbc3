"""Reusable widgets of the kiosk."""

from kiosk.widgets.control_bar import ControlBar, ControlItem
from kiosk.widgets.focus_text import FocusText, Paragraph
from kiosk.widgets.legend import KeyLegend, legend_text
from kiosk.widgets.top_bar import TopBar

__all__ = [
    "ControlBar",
    "ControlItem",
    "FocusText",
    "KeyLegend",
    "Paragraph",
    "TopBar",
    "legend_text",
]
