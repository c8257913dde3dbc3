"""`create_app`: the kiosk built from explicit paths, for the CLI, the tests and the benchmarks.

It starts the library's loader process before Textual is even imported: the loader reads
the pages and catalogs on the other core while this one loads Textual, so the first frame
waits for neither. Process-wide policy is decided here and in kiosk.cli, never by the App:
the Textual fix every kiosk needs is applied here, and the memory habits only when the
caller passes them (the CLI does; tests leave the interpreter alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config.clinic import load_settings
from kiosk.input.clock import Clock
from kiosk.library.load import Library, Request
from kiosk.paths import default_content_dir, default_locales_dir

if TYPE_CHECKING:
    from kiosk.ops.memory import MemoryPolicy
    from kiosk.ui.app import KioskApp


def create_app(
    *,
    content_dir: Path | None = None,
    locales_dir: Path | None = None,
    config_path: Path | None = None,
    clock: Clock | None = None,
    memory: MemoryPolicy | None = None,
) -> KioskApp:
    """Build the kiosk from explicit paths; `memory` is how its process manages memory
    (kiosk.ops.memory), None to leave the interpreter's own way."""
    settings, problems = load_settings(config_path)
    library = Library(
        Request(
            content_dir or default_content_dir(),
            locales_dir or default_locales_dir(),
            min_complete=settings.language.min_complete,
            offered=tuple(settings.language.offered),
            review_months=int(settings.clinic.review_months),
            region=settings.clinic.region,
        )
    )
    from kiosk.ui.app import KioskApp  # Textual, while the loader works
    from kiosk.ui.upstream import keep_no_removed_widget_alive

    keep_no_removed_widget_alive()  # patches a Textual class: every kiosk needs it
    return KioskApp(
        library=library, settings=settings, problems=problems, clock=clock, memory=memory
    )
