"""Workarounds for dependencies other than Textual, one module per dependency.

Each names the upstream issue (or says none exists), checks that the problem is still
there, and has a test in tests/unit/test_upstream_core.py that fails once it is gone.
Textual's are in kiosk.ui.upstream, so this package stays free of the UI.
"""
