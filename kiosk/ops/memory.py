"""Give memory back after each person.

Speech moves large audio buffers between threads; glibc keeps what they freed in
per-thread arenas, so the kiosk's resident size creeps up over a day without any leak
(measured by tests/soak/test_soak.py: +9% in 10,000 events, flat with a trim). At each idle
reset the freed memory is returned to the system, and the memory that stays is set aside
from the garbage collector.

CLDR data is the other large holder: kiosk.upstream.babel lets it go.

All of this changes the whole interpreter, so only the process that runs the kiosk does
it: kiosk.cli gives the App a `MemoryPolicy`, and an App built without one (in a test, a
tool) leaves the interpreter as it found it.
"""

from __future__ import annotations

import gc
from functools import cache
from typing import Any

QUIET_SECONDS = 1.0
"""No key for this long: a full collection cannot delay anyone's press."""
FULL_COLLECTION_BACKLOG = 50
"""Younger collections after which a full one runs anyway, even while keys keep coming
(Python's own default is 10)."""


def collect_in_pauses() -> None:
    """Python runs a full collection whenever enough objects have piled up, in the middle
    of a key press: measured at up to 140 ms (bench/run.py, page opens). The kiosk asks
    for them itself instead, in pauses (collect_if_due)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1_000_000)


def collect_if_due(*, quiet: bool) -> None:
    """A full collection now, if any is pending and nobody is pressing keys (or too many
    are pending to wait any longer)."""
    backlog = gc.get_count()[2]
    if backlog and (quiet or backlog >= FULL_COLLECTION_BACKLOG):
        gc.collect()


@cache
def _libc() -> Any:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def release_free_memory() -> None:
    """Collect everything, then freeze what survives: the kiosk's own objects (Textual's
    and the pages', about 150,000) are then never scanned again by a full collection,
    which otherwise stalls a key press by up to 140 ms (bench/run.py, page opens). The
    next reset unfreezes first, so nothing of one person is kept for the day."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:  # glibc only; other C libraries manage this themselves
        trim(0)


class MemoryPolicy:
    """When the kiosk's process collects, freezes and trims, at the App's moments."""

    def first_screen_up(self) -> None:
        """From now on full collections wait for pauses in the key presses."""
        collect_in_pauses()

    def poll(self, *, seconds_since_input: float) -> None:
        """Called a few times a second: a full collection, if one is due and it is quiet."""
        collect_if_due(quiet=seconds_since_input >= QUIET_SECONDS)

    def release(self) -> None:
        """Nobody is using the kiosk (start-up done, or a reset): give memory back."""
        release_free_memory()
