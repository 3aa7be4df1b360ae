"""First frame of the smallest Textual app: one line of text, headless.

The reference every other start is divided by. Run as a script, whole
process, by the benchmark's launcher: ``python minimal.py``.
"""

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

SIZE = (100, 30)


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hallo")


async def exit_after_first_frame(pilot: Pilot[object]) -> None:
    """Stop as soon as the screen has been drawn once."""
    pilot.app.call_after_refresh(pilot.app.exit)


Minimal().run(headless=True, size=SIZE, auto_pilot=exit_after_first_frame)
