"""One problem found in a file, printed the way editors and CI understand: path:line: message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """Something a translator, writer or technician must fix, with where to fix it.

    `line` is 1-based; 0 means the problem concerns the whole file. A warning is worth
    a person's attention (a page past its review date, a hedge a translation may have
    lost) but is no error: `als-kiosk check` still exits 0 for warnings alone, so the
    calendar alone can never fail a build.
    """

    path: Path
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        level = "warning: " if self.warning else ""
        return f"{where}: {level}{self.message}"
