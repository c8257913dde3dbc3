"""Where the shipped pages and catalogs live, in a source tree and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # A wheel carries them as package data (pyproject force-include); an editable
    # install or a plain checkout has them at the top of the repository.
    bundled = _PACKAGE / "_data" / name
    return bundled if bundled.is_dir() else _PACKAGE.parent / name


def default_content_dir() -> Path:
    """The English source pages shipped with the kiosk."""
    return _shipped("content")


def default_locales_dir() -> Path:
    """The gettext catalogs shipped with the kiosk."""
    return _shipped("locales")
