"""lob-tui itself, headless, started the way ``lob-tui`` starts it.

``python lobtui.py first|ready FRAMEWORK NOTES SETTINGS``: the command line's
module is imported and the app built from the files, as ``cli._run_app``
does, so the framework and the notes are read behind the first frame. The
process stops at one of two moments:

* ``first``: the screen has been drawn once (the frame, saying what is read);
* ``ready``: the files are read and the main screen, with the tree and the
  notes, has been drawn once: what a user can work with.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lob_tui import cli  # noqa: F401  (imported as the real start imports it)
from lob_tui.opening import StartFiles

if TYPE_CHECKING:
    from textual.pilot import Pilot

SIZE = (100, 30)


async def exit_after_first_frame(pilot: Pilot[Any]) -> None:
    """Stop as soon as the screen has been drawn once."""
    pilot.app.call_after_refresh(pilot.app.exit)


async def exit_when_ready(pilot: Pilot[Any]) -> None:
    """Stop once the main screen has been drawn: the files are read and shown."""
    app = pilot.app

    def on_screen_change(screen: object) -> None:
        if screen is getattr(app, "main", None):
            app.call_after_refresh(app.exit)

    app.screen_change_signal.subscribe(app, on_screen_change)


def main(moment: str, framework: str, notes: str, settings: str) -> None:
    from lob_tui.app import create_app_from_files  # as in cli._run_app

    files = StartFiles(Path(framework), None, Path(notes))
    app = create_app_from_files(files, settings_path=Path(settings))
    pilot = exit_after_first_frame if moment == "first" else exit_when_ready
    app.run(headless=True, size=SIZE, auto_pilot=pilot)
    if app.return_code:
        raise SystemExit(f"lob-tui stopped with {app.return_code}: {app.start_problems}")


main(*sys.argv[1:5])
