"""First frame of lob-tui itself, headless, the way ``lob-tui`` starts.

``python lobtui.py FRAMEWORK NOTES SETTINGS``: the command line's module is
imported and the framework loaded as the real start does, then the app is
built by its factory with the given notes and settings files and stopped as
soon as the screen has been drawn once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lob_tui import cli
from lob_tui.framework import load_raamwerk

if TYPE_CHECKING:
    from textual.pilot import Pilot

SIZE = (100, 30)


async def exit_after_first_frame(pilot: Pilot[object]) -> None:
    """Stop as soon as the screen has been drawn once."""
    pilot.app.call_after_refresh(pilot.app.exit)


def main(framework: str, notes: str, settings: str) -> None:
    raamwerk = load_raamwerk(Path(framework))
    rol = cli.choose_role(raamwerk, None)
    from lob_tui.app import create_app  # as in cli._run_app: Textual after the framework

    app = create_app(raamwerk, rol, notes_path=Path(notes), settings_path=Path(settings))
    app.run(headless=True, size=SIZE, auto_pilot=exit_after_first_frame)


main(*sys.argv[1:4])
