"""The places a program may write, replaced in a mount namespace, wherever the checkout is.

The privacy and full-disk tests run the kiosk in a mount namespace of its own (unshare,
no privileges needed) where /tmp, /var/tmp and /dev/shm are new filesystems: empty, so
anything the kiosk writes there shows, or full. A checkout or virtual environment that
lives under one of them (a fresh clone in /tmp) would vanish with it, and the kiosk with
it ("exec: …/.venv/bin/python3: not found"). So the folders the kiosk runs from are opened
before a place is covered and bound back over the new filesystem at the same path, as
they are when they live anywhere else: the rest of each place is still new. Only those
folders are put back; whatever the kiosk might write into its own code, pages or
translations is what the tests compare before and after.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from tests.conftest import REPO

COVERED = ("/tmp", "/var/tmp", "/dev/shm")

KEEP = r"""
# $KEEP: folders under the places about to be covered that the kiosk runs from, one a
# line. Each is opened now (descriptors 5 to 9) and bound back by put_back.
nl='
'
set -f
IFS=$nl
fd=5
for dir in $KEEP; do
  [ "$fd" -le 9 ] || { echo "more than five folders to keep" >&2; exit 6; }
  eval "exec $fd<\"\$dir\"" || exit 6
  fd=$((fd + 1))
done
unset IFS
put_back() {  # $1: the place just covered
  IFS=$nl
  fd=5
  for dir in $KEEP; do
    case "$dir" in "$1"/*)
      # --no-canonicalize: the path of /proc/self/fd/N now names the new, empty folder;
      # the descriptor itself still holds the folder that was there.
      mkdir -p "$dir" && mount --no-canonicalize --bind "/proc/self/fd/$fd" "$dir" || exit 7
    esac
    fd=$((fd + 1))
  done
  unset IFS
}
close_kept() {
  IFS=$nl
  fd=5
  for dir in $KEEP; do eval "exec $fd<&-"; fd=$((fd + 1)); done
  unset IFS
  set +f
}
"""
"""Shell functions for a namespace script: run first, then `put_back "$place"` after each
place is covered, and `close_kept` before starting the kiosk."""


def _under(path: str, place: str) -> bool:
    return PurePosixPath(path).is_relative_to(place) and path != place


def kept_folders() -> list[str]:
    """The checkout and the Python installation, where they live under a covered place
    (the outermost folder of each; both the path as given and the path it resolves to)."""
    candidates = [
        REPO,
        *map(Path, {sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix}),
        Path(sys.executable).parent,
    ]
    paths = {str(p.absolute()) for p in candidates} | {str(p.resolve()) for p in candidates}
    covered = sorted(p for p in paths if any(_under(p, place) for place in COVERED))
    return [p for p in covered if not any(_under(p, other) for other in covered if other != p)]


def keep_environment() -> str:
    """`KEEP=…` for `env`, naming the folders the namespace script puts back."""
    return "KEEP=" + "\n".join(kept_folders())


def made_for_kept() -> set[str]:
    """What putting the kept folders back leaves in the covered places: each folder (its
    contents are not listed: another filesystem) and the parents made for it."""
    made: set[str] = set()
    for folder in kept_folders():
        path = PurePosixPath(folder)
        while str(path) not in COVERED and str(path) != "/":
            made.add(str(path))
            path = path.parent
    return made
