"""The PO header's Plural-Forms field, `nplurals=N; plural=EXPRESSION;`, read in one place.

Used by kiosk.i18n.po_check (which judges a file's rule) and kiosk.i18n.languages (which
counts the forms and chooses one for a number). Light on purpose: the kiosk process
imports it with the languages, before anything parses a catalog.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable

_COUNT = re.compile(r"nplurals\s*=\s*(\d+)")


def plural_count(field: str) -> int | None:
    """The number of forms the field declares (nplurals), or None when it declares none."""
    match = _COUNT.search(field)
    return int(match.group(1)) if match else None


def plural_expression(field: str) -> str:
    """The C expression after `plural=`; ValueError when there is none."""
    _, found, rest = field.partition("plural=")
    if not found:
        raise ValueError("Plural-Forms has no plural= expression")
    return rest.rstrip(";").strip()


def plural_function(field: str) -> Callable[[int], int]:
    """The form to use for a number, by the field's expression (GNU gettext's rules).
    ValueError or SyntaxError when the expression is not valid."""
    return gettext.c2py(plural_expression(field))
