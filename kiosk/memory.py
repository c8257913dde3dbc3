"""Give memory back after each person.

Speech moves large audio buffers between threads; glibc keeps what they freed in
per-thread arenas, so the kiosk's resident size creeps up over a day without any leak
(measured by tests/test_soak.py: +9% in 10,000 events, flat with a trim). At each idle
reset the freed memory is returned to the system.

CLDR data is the other large holder: Babel keeps every locale it ever read (about 1.5 MiB
of Python objects each), so one person choosing each language in turn would leave them
all resident. Names and directions are kept by kiosk.languages; the rest is read again
(a few milliseconds) when a date or unit is next shown in that language.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any


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
    gc.collect()
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:  # glibc only; other C libraries manage this themselves
        trim(0)


def release_locale_data(keep: Iterable[str] = ("en",)) -> None:
    """Forget the CLDR data Babel has read, except for `keep` and what they inherit."""
    localedata = sys.modules.get("babel.localedata")
    if localedata is None:
        return  # nothing read yet
    kept = {"root"}
    for tag in keep:
        parts = tag.split("_")
        kept.update("_".join(parts[: n + 1]) for n in range(len(parts)))
    # Babel's own cache (babel.localedata has no public way to empty it), under its lock.
    with localedata._cache_lock:
        for name in [name for name in localedata._cache if name not in kept]:
            del localedata._cache[name]
