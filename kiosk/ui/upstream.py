"""Textual 8.2.8 (pinned exactly): every place the kiosk works around it or uses what it
does not document, with the upstream issue and a check.

Each workaround checks that it still applies before it changes anything, so a Textual that
fixed it is left alone, and has a test in tests/app/test_upstream.py, named after it, that
fails once a Textual release makes it unneeded: remove the workaround then.

1. Removed widgets kept alive by a styles cache (`keep_no_removed_widget_alive`):
   https://github.com/Textualize/textual/issues/6665. Check: `caches_styles_per_widget`.
   Test: `..._textual_6665`.
2. The traceback printed when the app stops on an error (`quiet_error_console`):
   https://github.com/Textualize/textual/issues/5325 (open: control what an app prints
   as it exits). Check: `App.error_console` is still a Console (inline; the test runs a
   plain app to see that it still prints there). Test: `..._textual_5325`.
3. The error that stops the app, for the journal (`LockedApp._handle_exception` in
   kiosk.ui.lock): Textual hands it only to a private method;
   https://github.com/Textualize/textual/issues/2818 asked for a public hook. Check:
   `hands_stopping_errors_to_a_private_method`. Test: `..._textual_2818`.
4. A theme put in force before the app runs (`start_in_theme`): setting `App.theme` then
   makes Textual parse the whole stylesheet a second time as it starts. No upstream
   issue: restyling is what a theme change is for, and no public way sets the first
   theme; https://github.com/Textualize/textual/issues/6360 shows the same path
   (`refresh_css`, `Stylesheet.reparse`) running for a theme set in `__init__`. Check:
   the theme is as dark as Textual's current one (inline). Test: `..._start_in_theme`.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from rich.console import Console
from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color

# ------------------------------------------------------------------ 1. #6665

_TEXTUAL_GET_INNER_OUTER: Any = StylesCache.__dict__.get("get_inner_outer")
"""Textual's own method, kept before the workaround replaces it."""


def caches_styles_per_widget() -> bool:
    """Is the problem still there: is Textual's `get_inner_outer` cached per instance?"""
    return hasattr(_TEXTUAL_GET_INNER_OUTER, "cache_clear")


def keep_no_removed_widget_alive() -> None:
    """`StylesCache.get_inner_outer` is an instance method under `lru_cache(1024)`, so the
    cache keeps the styles caches of up to 1,024 removed widgets alive, each with every
    line it rendered: https://github.com/Textualize/textual/issues/6665. In the kiosk,
    where each page opened mounts a widget per block, that held 5,000 rendered lines and
    37,000 small caches after a few thousand presses (the soak: RSS climbed for 6,000
    events before it levelled off). The answer depends on the two colours only, so they
    alone are the key. Patches a Textual class for the whole process, so kiosk.factory
    calls it, not the App."""
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


# ------------------------------------------------------------------ 2. #5325


def quiet_error_console(app: App[Any]) -> None:
    """When an app stops on an error, Textual prints the traceback, with local variables,
    to `app.error_console` (undocumented; stderr, which on a kiosk is the visitor's
    screen once the app has left it). Nothing turns that off
    (https://github.com/Textualize/textual/issues/5325), so the kiosk gives the app a
    console that writes nowhere; the error itself goes to the journal (item 3)."""
    if not isinstance(getattr(app, "error_console", None), Console):
        return  # Textual prints exit errors some other way now
    app.error_console = Console(file=io.StringIO(), markup=False, highlight=False)


# ------------------------------------------------------------------ 3. #2818


def hands_stopping_errors_to_a_private_method() -> bool:
    """Is the problem still there: does Textual pass an error no handler caught only to
    `App._handle_exception` (which kiosk.ui.lock overrides to log it), with no public
    hook for it? If it renamed the method, the override would silently stop logging."""
    public_hooks = [name for name in dir(App) if "exception" in name and name[0] != "_"]
    return callable(getattr(App, "_handle_exception", None)) and not public_hooks


# ------------------------------------------------------------------ 4. theme before run


def start_in_theme(app: App[Any], name: str) -> bool:
    """Put the registered theme `name` in force before `app` runs, with the stylesheet
    parsed once: its CSS variables and class are set directly, as Textual's theme watcher
    would set them (the second parse cost about 4 ms of start-up in tmux, more on a busy
    machine). False, and nothing done, for a theme whose light or dark mode differs from
    the current one: that also changes how ANSI colours are drawn, so the caller sets
    `app.theme` and Textual does it all."""
    theme = app.get_theme(name)
    if theme is None or theme.dark != app.current_theme.dark:
        return False
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())
    app.set_class(True, f"-theme-{name}", update=False)
    return True
