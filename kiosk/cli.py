"""`als-kiosk`: run the kiosk, and the tools a writer, translator or technician uses."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__
from kiosk.paths import default_content_dir
from kiosk.settings import CONFIG_ENV


def _config_path(value: str | None) -> Path | None:
    chosen = value or os.environ.get(CONFIG_ENV)
    return Path(chosen) if chosen else None


def _add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset what was given before the command name (argparse
    # would overwrite it with None), so only the top level has real defaults.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--config",
        default=default,
        metavar="PATH",
        help=f"clinic config file (TOML); default: ${CONFIG_ENV}, else built-in defaults",
    )
    parser.add_argument(
        "--content",
        default=default,
        metavar="DIR",
        type=Path,
        help="folder holding en/*.md pages (default: the pages shipped with the kiosk)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="als-kiosk",
        description="Accessible ALS patient-information kiosk. With no command, starts the "
        "kiosk full-screen in this terminal.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="start the kiosk in this terminal (the default)",
        description="Start the kiosk. It cannot be quit from its keyboard; stop it from "
        "outside (its service or supervisor).",
    )
    _add_common(run)
    check = commands.add_parser(
        "check",
        help="check pages and config; prints path:line: message for each problem",
        description="Validate the content pages (front matter, sources, reading level) and "
        "the clinic config. Exit 0 when clean, 1 when anything needs fixing.",
    )
    _add_common(check)
    check.add_argument(
        "--facts",
        metavar="FILE",
        type=Path,
        help="facts.md to tie each page's `facts:` to its sources (optional)",
    )
    _add_common(parser, top=True)
    return parser


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import create_app

    app = create_app(content_dir=args.content, config_path=_config_path(args.config))
    for problem in app.problems:
        # Before the screen is taken over: the service log keeps these for the technician.
        print(problem, file=sys.stderr)
    app.run()
    return 0


def _check(args: argparse.Namespace) -> int:
    from kiosk.checks import check_all

    problems, summary = check_all(
        content_dir=args.content or default_content_dir(),
        config_path=_config_path(args.config),
        facts_path=args.facts,
    )
    for problem in problems:
        print(problem)
    for line in summary:
        print(line, file=sys.stderr)
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return _check(args)
    return _run(args)
