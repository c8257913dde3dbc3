"""ALS patient-information kiosk.

The non-UI core (content, text, settings, checks, ...) never imports Textual, so the
command-line tools, tests and benchmarks can use it without a screen.
"""


def version() -> str:
    """The installed version (asked for only when wanted: importlib.metadata is slow to load
    and the kiosk's start-up time matters)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("als-kiosk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
