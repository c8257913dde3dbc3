"""Reusable widgets of the kiosk."""

from kiosk.widgets.focus_text import FocusText
from kiosk.widgets.legend import KeyLegend, legend_text

__all__ = ["FocusText", "KeyLegend", "legend_text"]
