"""Reusable widgets of the kiosk."""

from kiosk.widgets.focus_text import FocusText
from kiosk.widgets.legend import KeyLegend, legend_text
from kiosk.widgets.top_bar import TopBar

__all__ = ["FocusText", "KeyLegend", "TopBar", "legend_text"]
