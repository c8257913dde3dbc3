"""Reusable widgets of the kiosk."""

from kiosk.ui.widgets.control_bar import ControlBar, ControlItem
from kiosk.ui.widgets.focus_text import FocusText, Paragraph
from kiosk.ui.widgets.legend import KeyLegend, legend_text, switch_legend_text
from kiosk.ui.widgets.top_bar import TopBar

__all__ = [
    "ControlBar",
    "ControlItem",
    "FocusText",
    "KeyLegend",
    "Paragraph",
    "TopBar",
    "legend_text",
    "switch_legend_text",
]
