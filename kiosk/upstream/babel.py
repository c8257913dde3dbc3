"""Babel: forgetting the CLDR data it has read.

Babel keeps every locale it ever read (about 1.5 MiB of Python objects each) in
`babel.localedata._cache` and has no public way to empty it, so one person choosing each
language in turn would leave them all resident for the day. Names and directions are
kept by kiosk.i18n.languages; the rest is read again (a few milliseconds) when a date or
unit is next shown in that language.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable


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
