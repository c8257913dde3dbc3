"""Workarounds for bugs in Textual 8.2.8 (pinned exactly), each with its upstream issue.

Each one checks that the bug is still there before it changes anything, so a Textual
that fixed it is left alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache
from textual.color import Color


def keep_no_removed_widget_alive() -> None:
    """`StylesCache.get_inner_outer` is an instance method under `lru_cache(1024)`, so the
    cache keeps the styles caches of up to 1,024 removed widgets alive, each with every
    line it rendered: https://github.com/Textualize/textual/issues/6665. In the kiosk,
    where each page opened mounts a widget per block, that held 5,000 rendered lines and
    37,000 small caches after a few thousand presses (the soak: RSS climbed for 6,000
    events before it levelled off). The answer depends on the two colours only, so they
    alone are the key."""
    method: Any = StylesCache.__dict__.get("get_inner_outer")
    if not hasattr(method, "cache_clear"):
        return  # not cached per instance any more: fixed upstream
    compute = method.__wrapped__

    @lru_cache(1024)
    def by_colours(base_background: Color, background: Color) -> Any:
        return compute(None, base_background, background)

    def get_inner_outer(_self: StylesCache, base_background: Color, background: Color) -> Any:
        return by_colours(base_background, background)

    method.cache_clear()
    setattr(StylesCache, "get_inner_outer", get_inner_outer)  # noqa: B010 (mypy: method-assign)
