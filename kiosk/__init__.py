"""ALS patient-information kiosk.

The non-UI core (content, text, settings, checks, ...) never imports Textual, so the
command-line tools, tests and benchmarks can use it without a screen.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("als-kiosk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
