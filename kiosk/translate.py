"""Translation of interface strings, and how a language tag is read.

Every string a person sees or hears is marked here so `als-kiosk extract` (Babel) can
collect it: `_()` translates now, `N_()` only marks (for strings defined at import time
and translated when shown).

Language tags come written as the locale folders write them (`pt_BR`, `zh_Hans`) and as
BCP 47 does (`pt-BR`); `subtags` and `base_language` read both. Everything is written
first in SOURCE_LANGUAGE.
"""

from __future__ import annotations

import gettext

SOURCE_LANGUAGE = "en"
"""The language the pages and the interface are written in, and fall back to."""


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


def subtags(tag: str) -> list[str]:
    """The parts of a language tag, lower case, however it is written: `pt_BR` and
    `pt-BR` are ["pt", "br"]."""
    return tag.replace("_", "-").lower().split("-")


def base_language(tag: str) -> str:
    """The language a tag names, without script or region: `pt_BR`, `pt-BR`, `PT` and `pt`
    all name Portuguese, "pt"."""
    return subtags(tag)[0]
