"""Sanitising text where it enters the kiosk (pages and catalogs), once.

Textual lets ESC and C1 codes through every widget, and Rich/Textual markup escaping can
be bypassed (docs/dependencies.md), so nothing from a file may keep a control character,
an escape sequence, a bidi override or an invisible formatting trick. Widgets then only
ever receive plain text, never markup built from data.
"""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences go, not just their ESC byte, so no "]52;c;..." debris is left.
# CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST), two-byte ESC sequences,
# and the 8-bit C1 forms (CSI U+009B, OSC U+009D, DCS U+0090, ...).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?      # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                 # OSC, DCS, SOS, PM, APC ...
        [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?               # ... up to BEL or ST
  | \x1b[\x20-\x2f]*[\x30-\x7e]?                            # other ESC sequences
    """,
    re.VERBOSE,
)

# Bidi embedding/override/isolate controls and marks. Direction is decided by the kiosk
# from the language (CLDR), never by characters hidden in a translation.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters used to hide or split words. ZWNJ/ZWJ (U+200C/D) stay: Persian,
# Indic scripts and emoji need them.
_INVISIBLES = "\u00ad\u115f\u1160\u180e\u200b\u2060\u2061\u2062\u2063\u2064\u3164\ufeff\uffa0"
_DROP = {ord(ch): None for ch in _BIDI_CONTROLS + _INVISIBLES}
_DROP.update(dict.fromkeys(range(65529, 65532)))  # interlinear annotations
_DROP.update(dict.fromkeys(range(917504, 917632)))  # tag characters

_TABS = re.compile(r"[\t\v\f]")
_SPACE_LIKE = re.compile(r"[\t\n\r\v\f\u0085\u2028\u2029]+")

MAX_BLOCK_CHARS = 3000
"""A block longer than this is cut: a pathological line must not hang the layout or speech."""


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""Unicode category Cc is exactly these: C0, DEL and C1."""
_CONTROLS_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"


def sanitise(text: str, *, keep_newlines: bool = False) -> str:
    """Return `text` safe to show and speak: no controls, escapes, bidi or invisible tricks.

    Line breaks become spaces unless `keep_newlines` (whole files keep their lines so
    that `path:line` stays right). The result is NFC so that equal text compares equal.
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.translate(_DROP)
    text = _TABS.sub(" ", text)
    if keep_newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROLS_BUT_NEWLINE.sub("", text)
    else:
        text = _SPACE_LIKE.sub(" ", text)
        text = _CONTROLS.sub("", text)
    # Surrogates cannot be encoded to the terminal; lone ones come from broken files.
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    return unicodedata.normalize("NFC", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def clip(text: str, limit: int = MAX_BLOCK_CHARS) -> str:
    """Cut text that is too long to lay out or read aloud, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unsafe_characters(text: str) -> list[str]:
    """Describe each character that `sanitise` would remove (for translator reports)."""
    found: list[str] = []
    for ch in dict.fromkeys(text):
        if ch in "\n":
            continue
        if _is_control(ch) or ord(ch) in _DROP:
            name = unicodedata.name(ch, "control character")
            found.append(f"U+{ord(ch):04X} {name}")
    return found
