"""One problem found in a file, printed the way editors and CI understand: path:line: message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """Something a translator, writer or technician must fix, with where to fix it.

    `line` is 1-based; 0 means the problem concerns the whole file.
    """

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"
