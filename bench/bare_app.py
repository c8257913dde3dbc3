"""The baseline for start-up, memory and key latency: a bare Textual app with one Static.

It echoes the last key it was sent, so the same key-to-screen measurement can be made on
it as on the kiosk.
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("ready", id="echo")

    def on_key(self, event: events.Key) -> None:
        self.query_one("#echo", Static).update(f"key {event.key}")


if __name__ == "__main__":
    BareApp().run()
