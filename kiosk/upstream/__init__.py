"""Workarounds for dependencies other than Textual, one module per dependency: babel,
bidi (python-bidi) and pyttsx3 (with eSpeak NG).

Each names the upstream issue (or says none exists), checks that the problem is still
there, and has a test in tests/unit/test_upstream_core.py that fails once it is gone.
Textual's are in kiosk.ui.upstream, so this package stays free of the UI. The table of
all of them, with the version bound each needs, is in docs/dependencies.md.
"""
