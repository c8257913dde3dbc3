"""The README's code map says what every package and top-level module of kiosk/ is for, and
names nothing that is gone (issue #13: a newcomer reads the tree there).

Modules inside a package are described in its line, not listed one by one: they may come
and go without the map going stale, while a new package or entry module must be placed.
"""

from __future__ import annotations

import re

from tests.conftest import REPO

KIOSK = REPO / "kiosk"


def code_map() -> dict[str, set[str]]:
    """Each root of the map's tree (`kiosk/`, `tests/`, `bench/`) with the entries under it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Code map\n", 1)[1].split("\n## ", 1)[0]
    tree = section.split("```", 2)[1]
    roots: dict[str, set[str]] = {}
    root = ""
    for line in tree.splitlines():
        if found := re.match(r"(\S+/)(\s|$)", line):
            root = found[1]
            roots[root] = set()
        elif root and (found := re.match(r"  (\S+(?:/|\.py))(\s|$)", line)):
            roots[root].add(found[1])
    return roots


def packages_and_entry_modules() -> set[str]:
    """`name/` for every folder of Python code under kiosk/ (at any depth), and the modules
    at the top of kiosk/."""
    folders = {
        path.parent.relative_to(KIOSK).as_posix() + "/"
        for path in KIOSK.rglob("*.py")
        if path.parent != KIOSK and "__pycache__" not in path.parts
    }
    modules = {path.name for path in KIOSK.glob("*.py") if path.name != "__init__.py"}
    return folders | modules


def test_the_code_map_is_read_from_the_readme() -> None:
    named = code_map()
    assert {"kiosk/", "tests/", "bench/"} <= set(named)
    assert {"ui/", "ui/screens/", "cli.py"} <= named["kiosk/"]


def test_every_package_and_entry_module_is_in_the_code_map() -> None:
    missing = packages_and_entry_modules() - code_map()["kiosk/"]
    assert not missing, f"say in README.md's code map what these are for: {sorted(missing)}"


def test_every_test_tier_is_in_the_code_map() -> None:
    tiers = {f"{path.parent.name}/" for path in (REPO / "tests").glob("*/__init__.py")}
    missing = tiers - code_map()["tests/"]
    assert not missing, f"say in README.md's code map what these are for: {sorted(missing)}"


def test_the_code_map_names_nothing_that_is_gone() -> None:
    gone = [
        f"{root}{entry}"
        for root, entries in code_map().items()
        for entry in entries
        if not (REPO / root / entry).exists()
    ]
    assert not gone, f"README.md's code map names what is not there: {gone}"
