"""The Textual terminal UI: the App, its screens and widgets, themes, and workarounds for
Textual. The only package that imports Textual.
"""
