"""Which font the kiosk terminal draws each language with, asked of fontconfig.

foot finds its fonts through fontconfig (by way of fcft): the font named on its command
line (`als-kiosk launch` always names [display] font), then, for a letter that font
lacks, the first font in fontconfig's sorted fallback list that has it. `fc-match --sort`
prints that same list with each font's languages, so no Python binding is needed. The
tools come with Debian's `fontconfig` package (README, Running a kiosk); only
`als-kiosk doctor` uses them, the kiosk itself never does.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FC_MATCH = "fc-match"
FORMAT = r"%{family}\t%{file}\t%{lang}\n"
"""One font a line: its family names (comma-separated), its file, its languages (|)."""

CHINESE_SCRIPTS = {
    "hans": "zh-cn",
    "cn": "zh-cn",
    "sg": "zh-sg",
    "hant": "zh-tw",
    "tw": "zh-tw",
    "hk": "zh-hk",
    "mo": "zh-mo",
}
"""fontconfig tells Chinese scripts apart by region (zh-cn, zh-tw), not by script."""

CJK_PACKAGE = "fonts-noto-cjk"
LANGUAGE_FONTS = {
    "zh-cn": "Noto Sans Mono CJK SC",
    "zh-sg": "Noto Sans Mono CJK SC",
    "zh-tw": "Noto Sans Mono CJK TC",
    "zh-hk": "Noto Sans Mono CJK HK",
    "zh-mo": "Noto Sans Mono CJK HK",
    "ja": "Noto Sans Mono CJK JP",
    "ko": "Noto Sans Mono CJK KR",
}
"""The font foot is told to draw these letters with (fontconfig language → family; all in
CJK_PACKAGE). Chinese, Japanese and Korean share their Han code points but not the shapes
drawn for them, and fontconfig's fallback list has one CJK font for all of them, chosen by
the system locale (Noto Sans CJK JP, not even monospace, on C.UTF-8): simplified Chinese
drew some characters the Japanese way. Other scripts have one shape per code point, so
fontconfig's fallback is right for them."""

FONT_PACKAGES = {
    "dejavu sans mono": "fonts-dejavu-core",
    "noto sans mono": "fonts-noto-mono",
    **{family.casefold(): CJK_PACKAGE for family in LANGUAGE_FONTS.values()},
    "liberation mono": "fonts-liberation2",
    "ubuntu mono": "fonts-ubuntu",
    "hack": "fonts-hack",
    "fira mono": "fonts-firacode",
}
"""Debian packages of monospace fonts a clinic may name in [display] font."""

LANGUAGE_PACKAGES = {"zh": CJK_PACKAGE, "ja": CJK_PACKAGE, "ko": CJK_PACKAGE}
OTHER_SCRIPTS_PACKAGE = "fonts-noto-core"
"""Noto's core fonts cover most other scripts (Arabic, Devanagari, Cyrillic, ...)."""


class FontconfigMissing(Exception):
    """fontconfig's tools are not installed: nothing can be said about the fonts."""


@dataclass(frozen=True)
class Font:
    families: tuple[str, ...]
    file: str
    languages: frozenset[str]

    @property
    def family(self) -> str:
        return self.families[0] if self.families else self.file

    def is_family(self, name: str) -> bool:
        return name.casefold() in (family.casefold() for family in self.families)


def fontconfig_language(tag: str) -> str:
    """fontconfig's name for the letters a kiosk language needs (its `lang` property):
    the base language (pt for pt_BR, which fontconfig does not tell apart), except
    Chinese, whose simplified and traditional letters differ."""
    base, *rest = tag.replace("-", "_").lower().split("_")
    if base == "zh":
        for part in rest:
            if part in CHINESE_SCRIPTS:
                return CHINESE_SCRIPTS[part]
        return "zh-cn"
    return base


def font_package(family: str) -> str | None:
    return FONT_PACKAGES.get(family.casefold())


def language_package(language: str) -> str:
    """The Debian package with a font for these letters (`language` as fontconfig names it)."""
    return LANGUAGE_PACKAGES.get(language.split("-")[0], OTHER_SCRIPTS_PACKAGE)


def terminal_fonts(font: str, languages: Iterable[str]) -> list[str]:
    """The fonts foot is given (`--font`, first the primary), so that each language is
    drawn with its own shapes: [display] font (which may list fallbacks of its own, comma-
    separated, as foot takes them), then LANGUAGE_FONTS' font for each language (kiosk
    tags) in turn. Where two languages share letters (zh_Hans and ja), the first one's
    font draws both: a terminal does not know which language a line is in."""
    families = [name.strip() for name in font.split(",") if name.strip()] or ["monospace"]
    for tag in languages:
        family = LANGUAGE_FONTS.get(fontconfig_language(tag))
        if family and family.casefold() not in (name.casefold() for name in families):
            families.append(family)
    return families


def _fc_match(tool: str, *arguments: str) -> list[Font]:
    result = subprocess.run(
        [tool, "--format", FORMAT, *arguments],
        capture_output=True,
        text=True,
        timeout=120,  # the first run after fonts were installed builds fontconfig's cache
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or f"{FC_MATCH} exited {result.returncode}")
    fonts = []
    for line in result.stdout.splitlines():
        families, _, rest = line.partition("\t")
        file, _, languages = rest.partition("\t")
        fonts.append(
            Font(
                tuple(name for name in families.split(",") if name),
                file,
                frozenset(language for language in languages.split("|") if language),
            )
        )
    return fonts


def fallback_fonts(families: Sequence[str]) -> list[Font]:
    """The fonts foot draws with when given `--font=<families, comma-separated>`, in the
    order it looks for a letter (foot(1), --font; fcft does the looking): the primary font
    (or fontconfig's substitute when it is not installed), each fallback named after it
    (the same), then fontconfig's fallback list for the primary.

    Raises FontconfigMissing without fc-match, RuntimeError when fc-match fails."""
    tool = shutil.which(FC_MATCH)
    if tool is None:
        raise FontconfigMissing(FC_MATCH)
    primary, *named = families
    sorted_fonts = _fc_match(tool, "--sort", primary)
    fallbacks = [font for family in named for font in _fc_match(tool, family)[:1]]
    return [*sorted_fonts[:1], *fallbacks, *sorted_fonts[1:]]


def font_for(language: str, fonts: list[Font]) -> Font | None:
    """The font that draws these letters: the first in foot's list that covers them."""
    return next((font for font in fonts if language in font.languages), None)
