"""An injection corpus: what a hostile or careless page or PO file could carry.

Terminal escape sequences (CSI, OSC 0 title, OSC 52 clipboard, OSC 8 link, DCS, 8-bit C1
forms), Rich/Textual markup and actions, bidi overrides and isolates, zero-width tricks,
and a line long enough to hang a layout. Checked through the App in
tests/app/test_injection_corpus.py and in a real terminal in tests/e2e/test_e2e_injection.py.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CORPUS: dict[str, str] = {
    "csi clear screen": "\x1b[2J\x1b[H",
    "csi colour": "\x1b[31;1m",
    "8-bit csi": "\x9b31m",
    "osc 0 title": "\x1b]0;owned\x07",
    "osc 52 clipboard": "\x1b]52;c;ZXZpbA==\x07",
    "osc 8 link": "\x1b]8;;https://osc8.example\x1b\\click\x1b]8;;\x1b\\",
    "8-bit osc": "\x9d0;owned\x9c",
    "dcs": "\x1bP+q544e\x1b\\",
    "8-bit dcs": "\x90qpayload\x9c",
    "rich markup": "[bold red]loud[/]",
    "textual action": "[@click=app.quit]quit[/]",
    "spaced action": "[ @click=app.bell ]bell[/]",
    "link markup": "[link=https://evil.example]go[/link]",
    "bidi override": "\u202eevil\u202c",
    "bidi isolate": "\u2067isolated\u2069",
    "zero width": "pa\u200bss\u2060word\ufeff",
    "tag characters": "\U000e0041\U000e0042",
    "nul and bell": "\x00\x07",
}
FORBIDDEN_TEXT = ("owned", "ZXZpbA", "osc8.example", "544e", "payload")
LONG = "x" * 200_000


def clean(text: str) -> list[str]:
    """What must never reach a screen or a speech engine."""
    problems = []
    for ch in set(text):
        if unicodedata.category(ch) == "Cc" and ch != "\n":
            problems.append(f"control U+{ord(ch):04X}")
        if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff":
            problems.append(f"invisible U+{ord(ch):04X}")
        if 0xE0000 <= ord(ch) <= 0xE007F:
            problems.append(f"tag U+{ord(ch):04X}")
    problems += [word for word in FORBIDDEN_TEXT if word in text]
    return problems


def evil_page(folder: Path) -> None:
    lines = [f"- {name}: before {payload} after" for name, payload in CORPUS.items()]
    (folder / "en").mkdir(parents=True)
    (folder / "en" / "evil.md").write_text(
        "---\nid: evil\ntitle: Evil page\norder: 1\nfacts: []\nreviewed: 2026-11-25\n---\n\n"
        "# Evil page\n\n" + "\n".join(lines) + f"\n\n{LONG}\n",
        encoding="utf-8",
    )


def evil_translation(locales: Path, content_dir: Path) -> None:
    """Spanish whose every message carries the whole corpus."""
    from kiosk.i18n.catalogs import content_template, ui_template

    payload = " ".join(CORPUS.values())
    folder = locales / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    from kiosk.content.pages import load_pages

    pages, _ = load_pages(content_dir)
    templates = {
        "content": content_template(pages, content_dir),
        "kiosk": ui_template(Path(sys.modules["kiosk"].__file__ or "").parent),
    }
    for domain, template in templates.items():
        template.locale = "es"
        for message in template:
            if isinstance(message.id, str) and message.id:
                message.string = f"ES {payload} {message.id}"
        with (folder / f"{domain}.po").open("wb") as handle:
            write_po(handle, template)
    with (folder / "kiosk.po").open("rb") as handle:
        assert read_po(handle).locale is not None  # a real catalog, as Babel reads it


def shown(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in screen._compositor.render_strips())
