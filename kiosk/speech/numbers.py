"""Numbers, times, dates and phone numbers written so that eSpeak NG says them as people do.

eSpeak NG reads plain digits well in every voice the kiosk uses, so most of the work is
undoing the ways numbers are *written* (checked through its phonemes, docs/dependencies.md):
- digit groups: "100 000", "100 000", "100.000", "100,000" mean one number where the
  language groups that way (CLDR's group symbol, through Babel, or a space); eSpeak read
  Spanish "100 000" as "cien cero cero cero". They become plain digits.
- Mandarin: eSpeak NG 1.52 says 100000 as 一百千 and 12345 as 十二千…; people say 十万 and
  一万二千…: numbers from 10 000 up are written in myriads (10万), which it reads right.
  "67%" switched to the English voice for "percent": it becomes 百分之67.
- a time before a day period ("4.30pm", "4.30 مساءً", from CLDR) was read as a decimal.
- a range with a dash ("2012–2013") lost its dash; it gets the language's word for "to".
- English dates ("2 December 2026", "December 2, 2026") are said with ordinals, as people
  say them ("the 2nd of December").
- a phone number (a `tel:` link on a page) is read digit by digit in the groups shown.

No number-to-words library: num2words (the well-kept one) has no Chinese, and eSpeak's own
number words are already right for the other languages; what it needs is the numbers
written plainly, which CLDR's symbols (Babel, already a dependency) tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kiosk.translate import base_language

_SPACES = " \u00a0\u202f\u2009"
"""Spaces that group digits: plain, no-break (French, typed), narrow no-break (CLDR), thin."""

RANGE_WORDS = {"en": "to", "es": "a", "fr": "à", "pt": "a", "ar": "إلى", "zh": "至"}
"""The word a number range is read with ("2012–2013"); a language without one keeps the
dash, which eSpeak reads as a pause."""

_PERIODS = ("am", "pm", "morning", "afternoon", "evening", "night")
"""CLDR's day periods that follow a time ("4.30pm", "4.30 مساءً")."""

_ORDINAL_SUFFIXES = {"one": "st", "two": "nd", "few": "rd", "other": "th"}
"""English ordinal suffixes by CLDR ordinal plural category (1st, 2nd, 3rd, 4th, 11th)."""


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers and times, from CLDR."""

    decimal: str = "."
    group: str = ","
    periods: tuple[str, ...] = ()
    """Words for a time of day after a time: "pm", "مساءً"."""
    months: tuple[str, ...] = ()
    """Month names, for the languages whose dates are said with ordinals (English)."""

    @property
    def grouped(self) -> re.Pattern[str]:
        return _grouped_pattern(self.decimal, self.group)


@cache
def number_style(lang: str) -> NumberStyle:
    """The language's decimal and group symbols and day periods (CLDR, through Babel).
    Its locale data is let go at once: only these few strings are kept."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names, get_period_names
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from kiosk.upstream.babel import release_locale_data

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return NumberStyle()
    periods: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide", "narrow"):
            names = get_period_names(width, context, locale)
            periods.update(str(names[key]) for key in names if str(key).startswith(_PERIODS))
    # "AM" is also written "a.m."
    periods |= {".".join(p) + "." for p in list(periods) if re.fullmatch("[A-Za-z]{2}", p)}
    months: tuple[str, ...] = ()
    if base_language(lang) == "en":
        months = tuple(str(name) for name in get_month_names("wide", locale=locale).values())
    style = NumberStyle(
        decimal=get_decimal_symbol(locale, numbering_system="latn"),
        group=get_group_symbol(locale, numbering_system="latn"),
        periods=tuple(sorted(periods, key=len, reverse=True)),
        months=months,
    )
    release_locale_data()
    return style


@cache
def _grouped_pattern(decimal: str, group: str) -> re.Pattern[str]:
    separators = re.escape(group) + _SPACES
    # Not inside a longer number: no digit, decimal or group symbol just before, and no
    # digit a space before ("12 100 000" is one number, matched from its start).
    return re.compile(
        rf"(?<![\d{re.escape(decimal)}{re.escape(group)}])(?<!\d[{_SPACES}])"
        rf"(\d{{1,3}})((?:[{separators}]\d{{3}})+)"
        rf"(?:{re.escape(decimal)}(\d+))?(?!\d|[{separators}]\d)"
    )


def speakable_numbers(text: str, lang: str) -> str:
    """`text` with its numbers, times and dates written the way eSpeak NG says them right
    in `lang` (the text is a sentence as shown; nothing else changes)."""
    if not any(ch.isdigit() for ch in text):
        return text
    # CLDR is read only for text that needs it (digit groups, a time, a date): most
    # sentences with a number need none of it.
    style = number_style(lang) if _NEEDS_STYLE.search(text) else _PLAIN
    base = base_language(lang)
    text = _times(text, style)
    text = style.grouped.sub(
        lambda m: (
            m.group(1)
            + re.sub(r"\D", "", m.group(2))
            + (style.decimal + m.group(3) if m.group(3) else "")
        ),
        text,
    )
    if base == "zh":
        text = _chinese_percent(text)
        text = _CHINESE_BIG.sub(lambda m: _myriads(int(m.group())), text)
    word = RANGE_WORDS.get(base)
    if word is not None:
        joiner = word if base == "zh" else f" {word} "
        text = _RANGE.sub(lambda m: m.group(1) + joiner, text)
    if style.months:
        text = _english_dates(text, style.months)
    return text


def _times(text: str, style: NumberStyle) -> str:
    """ "4.30pm" → "4:30 pm": eSpeak reads 4.30 as a decimal, 4:30 as a time."""
    if not style.periods:
        return text
    pattern = _time_pattern(style.periods)
    return pattern.sub(lambda m: f"{m.group(1)}:{m.group(2)} {m.group(3)}", text)


@cache
def _time_pattern(periods: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(p) for p in periods)
    return re.compile(rf"(?<![\d.,:])(\d{{1,2}})[.:](\d{{2}})\s?({words})(?!\w)", re.IGNORECASE)


_NEEDS_STYLE = re.compile(r"\d[.,:'·\s\u00a0\u202f\u2009]\d|\d\s?[^\W\d_]|[^\W\d_]\s\d")
"""Digits in groups, a time, or next to a word (a day period, a month)."""
_PLAIN = NumberStyle()
_RANGE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*[–—]\s*(?=\d)")
_CHINESE_RANGE_PERCENT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*([至到~～–—-])\s*(\d+(?:\.\d+)?)\s*[%％]"
)
_CHINESE_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]")
_CHINESE_BIG = re.compile(r"(?<![\d.A-Za-z])[1-9]\d{4,}(?!\d)")


def _chinese_percent(text: str) -> str:
    """ "67%" → "百分之67", "5至10%" → "百分之5至10": said before the number, in Mandarin."""
    text = _CHINESE_RANGE_PERCENT.sub(lambda m: f"百分之{m.group(1)}至{m.group(3)}", text)
    return _CHINESE_PERCENT.sub(lambda m: f"百分之{m.group(1)}", text)


def _myriads(number: int) -> str:
    """A number from 10 000 up in Chinese myriads: 100000 → 10万, 10005 → 1万零5."""
    parts: list[str] = []
    zero = False
    for unit, size in (("亿", 10**8), ("万", 10**4), ("", 1)):
        group = number // size if unit == "亿" else (number // size) % 10**4
        if group == 0:
            zero = bool(parts)
            continue
        if parts and (zero or group < 1000):
            parts.append("零")
        parts.append((_myriads(group) if group >= 10**4 else str(group)) + unit)
        zero = False
    return "".join(parts)


def _english_dates(text: str, months: tuple[str, ...]) -> str:
    """ "2 December 2026" → "the 2nd of December 2026"; "December 2, 2026" → "December 2nd,
    2026": English says the day as an ordinal."""
    names = "|".join(months)
    text = re.sub(
        rf"(?<![\d.,:])(\d{{1,2}})\s+({names})(?!\w)",
        lambda m: f"the {_ordinal(int(m.group(1)))} of {m.group(2)}",
        text,
    )
    return re.sub(
        rf"(?<!\w)({names})\s+(\d{{1,2}})(?![\d:])",
        lambda m: f"{m.group(1)} {_ordinal(int(m.group(2)))}",
        text,
    )


@cache
def _ordinal(day: int) -> str:
    from babel import Locale

    return f"{day}{_ORDINAL_SUFFIXES[Locale('en').ordinal_form(day)]}"


_PHONE_SEPARATORS = re.compile(r"[\s\u00a0\u202f\u2009.\-‐‑–/()]+")


def phone_digits(shown: str) -> str:
    """A phone number digit by digit, in the groups it is shown in: "0808 802 6262" →
    "0 8 0 8, 8 0 2, 6 2 6 2" (the commas are the pauses people make)."""
    groups = [group for group in _PHONE_SEPARATORS.split(shown) if group]
    return ", ".join(" ".join(group) for group in groups)
