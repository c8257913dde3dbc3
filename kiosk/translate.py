"""Translation of interface strings.

Every string a person sees or hears is marked here so `als-kiosk extract` (Babel) can
collect it: `_()` translates now, `N_()` only marks (for strings defined at import time
and translated when shown).
"""

from __future__ import annotations

import gettext


class _Active:
    # A plain holder, not a ContextVar: Textual runs each widget in its own asyncio task,
    # and a context variable set later would not reach tasks that already exist.
    translations: gettext.NullTranslations = gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet."""
    return message


def _(message: str) -> str:
    """Translate an interface message into the active language."""
    return _Active.translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that shows a count, with the language's plural rules."""
    return _Active.translations.ngettext(singular, plural, count)


def activate(translations: gettext.NullTranslations) -> None:
    """Make `translations` the language of the interface."""
    _Active.translations = translations
