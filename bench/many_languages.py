"""How the translation tooling and the loader scale with the number of languages.

Run: python bench/many_languages.py [--languages 30]. Builds a locales folder with that
many languages (the shipped Spanish catalogs under other CLDR tags, each with its own
language's plural rule, so every one is a complete, valid language) and times, against
the shipped five in the same run: `als-kiosk check`, `als-kiosk extract --check`, and the
loader's full answer (every page and language read and checked, as at start-up). Prints
medians of several runs and the ratio per language.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel.messages.plurals import get_plural

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "locales"
CONTENT = REPO / "content"
TAGS = (
    "de", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk", "hu", "ro", "bg", "el", "tr",
    "ru", "uk", "he", "fa", "ja", "ko", "vi", "th", "id", "ca", "eu", "gl", "hr", "sl", "lt",
    "lv", "et", "is", "ga", "cy",
)  # fmt: skip


def build(folder: Path, count: int) -> Path:
    """locales/ with the shipped languages and `count - 5` more made from Spanish."""
    locales = folder / "locales"
    shutil.copytree(LOCALES, locales)
    shipped = [p.name for p in LOCALES.iterdir() if p.is_dir()]
    for tag in TAGS[: max(0, count - len(shipped))]:
        target = locales / tag / "LC_MESSAGES"
        target.mkdir(parents=True)
        plural = get_plural(tag)
        for domain in ("content", "kiosk"):
            text = (LOCALES / "es" / "LC_MESSAGES" / f"{domain}.po").read_text(encoding="utf-8")
            text = text.replace('"Language: es\\n"', f'"Language: {tag}\\n"')
            text = text.replace(
                '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
                f'"Plural-Forms: nplurals={plural.num_plurals}; plural={plural.plural_expr};\\n"',
            )
            if plural.num_plurals != 2:  # plural messages need one form per count
                text = _plural_forms(text, plural.num_plurals)
            (target / f"{domain}.po").write_text(text, encoding="utf-8")
    for glossary in locales.glob("*/glossary.tbx"):
        if glossary.parent.name not in shipped:
            glossary.unlink()
    return locales


def _plural_forms(text: str, count: int) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        if line.startswith("msgstr[1] "):
            nxt = lines[index + 1] if index + 1 < len(lines) else ""
            if not nxt.startswith("msgstr["):
                out.extend(f"msgstr[{n}] {line[len('msgstr[1] ') :]}" for n in range(2, count))
    if count == 1:
        out = [line for line in out if not line.startswith("msgstr[1] ")]
        out = [line.replace("msgstr[0] ", "msgstr[0] ") for line in out]
    return "\n".join(out)


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--languages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kiosk = [sys.executable, "-m", "kiosk"]
    loader = [
        sys.executable,
        "-c",
        "import sys; from pathlib import Path; from kiosk.library.load import Request, "
        "load_everything; load_everything(Request(Path(sys.argv[1]), Path(sys.argv[2]), 0.8))",
        str(CONTENT),
    ]
    with tempfile.TemporaryDirectory() as folder:
        many = build(Path(folder), args.languages)
        count = sum(1 for p in many.iterdir() if p.is_dir())
        rows = []
        for name, command in (
            ("als-kiosk check", [*kiosk, "check", "--locales"]),
            ("als-kiosk extract --check", [*kiosk, "extract", "--check", "--locales"]),
            ("loader: every page and language", loader),
        ):
            few = statistics.median(timed([*command, str(LOCALES)], args.runs))
            lots = statistics.median(timed([*command, str(many)], args.runs))
            per = (lots - few) / max(count - 5, 1)
            rows.append((name, few, lots, per))
        check = subprocess.run(
            [*kiosk, "check", "--locales", str(many)], capture_output=True, text=True
        )
    print(f"| what | 5 languages | {count} languages | each added language |")
    print("|---|---|---|---|")
    for name, few, lots, per in rows:
        print(f"| {name} | {few * 1000:.0f} ms | {lots * 1000:.0f} ms | +{per * 1000:.0f} ms |")
    summary = (check.stderr or check.stdout).strip().splitlines()
    print(f"\n{count} languages: {summary[-1] if summary else 'no output'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
