"""Scan-step timing in the running kiosk (one-switch, real clock, headless Textual).

Run: python bench/scan_timing.py [--steps N]. Prints p50/p99 of how late each highlight
step reached the screen (the first frame showing it) after it was due (target p99 <= 20 ms
at 1.5 s per item).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk.factory import create_app
from kiosk.ops.memory import MemoryPolicy


async def measure(steps: int) -> list[float]:
    """Seconds from each step's due time to the first frame that shows it (the frame is
    composed and handed to the terminal), as key_to_screen in bench/run.py measures keys."""
    folder = Path(tempfile.mkdtemp())
    config = folder / "kiosk.toml"
    config.write_text(
        '[input]\nmode = "one-switch"\nloops = 10\n'
        "[speech]\nspeak_focus = false\n[session]\nidle_seconds = 0\n"
    )
    (folder / "no-locales").mkdir()
    # With the kiosk's own memory habits, as `als-kiosk` runs it.
    app = create_app(config_path=config, locales_dir=folder / "no-locales", memory=MemoryPolicy())
    lateness: list[float] = []
    async with app.run_test(size=(45, 12)) as pilot:
        await pilot.pause(0.5)
        scanner = app.scan.scanner
        assert scanner is not None
        shown_highlight, shown_due = scanner.highlight, scanner.next_step_at
        original = app._display

        def record(screen: Any, renderable: Any) -> None:
            nonlocal shown_highlight, shown_due
            original(screen, renderable)
            if renderable is not None and scanner.highlight != shown_highlight:
                lateness.append(time.monotonic() - shown_due)
                shown_highlight, shown_due = scanner.highlight, scanner.next_step_at

        app._display = record  # type: ignore[method-assign]
        while len(lateness) < steps:
            await asyncio.sleep(0.05)
            if scanner.paused:  # after its loops; start again, as a new press would
                scanner.start(10)
                shown_highlight, shown_due = scanner.highlight, scanner.next_step_at
        app._display = original  # type: ignore[method-assign]
    return lateness[:steps]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=200)
    steps = parser.parse_args().steps
    lateness = asyncio.run(measure(steps))
    ordered = sorted(lateness)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    print(
        f"scan step lateness over {len(lateness)} steps at 1.5 s: "
        f"p50 {statistics.median(lateness) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
        f"max {max(lateness) * 1000:.1f} ms (target p99 <= 20 ms)"
    )


if __name__ == "__main__":
    main()
