"""Fixtures for the app's tests: fresh files per test, an app factory, and waiting helpers.

Every test gets its own notes and settings file in ``tmp_path``, so tests can
run in any order and a restart reads exactly what the previous run wrote.
Only the app's fixtures live here; the data core's tests need none.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from lob_tui import notes, resources
from lob_tui.app import LobApp, create_app
from lob_tui.framework import Item, Raamwerk, Rol, load_raamwerk
from lob_tui.screens.autosave import Timing
from lob_tui.screens.main import MainScreen
from lob_tui.widgets.framework_tree import Knoop

SIZE = (120, 40)
"""The terminal size most app tests run at."""

QUICK = Timing(delay=0.1, retry=0.3)


@dataclass
class AppFiles:
    """The files one test's app reads and writes, and ways to look at them."""

    raamwerk: Raamwerk
    notes: Path
    settings: Path

    @property
    def rol(self) -> Rol:
        return self.raamwerk.rollen[0]

    def app(
        self,
        rol: Rol | None = None,
        *,
        raamwerk: Raamwerk | None = None,
        timing: Timing = QUICK,
    ) -> LobApp:
        """A new app on these files, as ``lob-tui --notes <notes>`` would build it.

        The autosave waits a tenth of what it does for people, to keep the
        suite quick; a test of the real timing passes ``Timing()``.
        """
        raamwerk = raamwerk or self.raamwerk
        return create_app(
            raamwerk,
            rol if rol is not None else raamwerk.rollen[0],
            notes_path=self.notes,
            settings_path=self.settings,
            timing=timing,
        )

    def item(self, item_id: str) -> Item:
        """The shipped role's item with this id (the test names one that exists)."""
        found = self.rol.item(item_id)
        assert found is not None, item_id
        return found

    def saved(self) -> notes.Notities:
        """The notes as the file on disk holds them now."""
        return notes.parse_bytes(self.notes.read_bytes(), self.notes)

    def saved_note(self, item_id: str) -> str | None:
        """An item's note in the file, or None while the file does not exist."""
        if not self.notes.exists():
            return None
        return self.saved().item(item_id).tekst


def main_screen(app: object) -> MainScreen:
    """The app's main screen, asserting that it is the one showing."""
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, MainScreen)
    return screen


async def jump(pilot: Pilot[int], knoop: Knoop) -> MainScreen:
    """The main screen with the tree's cursor put on ``knoop`` (as the palette does), drawn.

    Most app tests start at one node; walking there with the arrow keys is
    what the navigation tests do, the others need only to be there.
    """
    screen = main_screen(pilot.app)
    screen.jump_to(knoop)
    await pilot.pause()
    return screen


@pytest.fixture(scope="session")
def shipped_raamwerk() -> Raamwerk:
    """The framework that ships with lob-tui (38 items, one role)."""
    return load_raamwerk(resources.default_framework_path())


@pytest.fixture
def files(tmp_path: Path, shipped_raamwerk: Raamwerk) -> AppFiles:
    """Fresh notes and settings paths for one test; neither file exists yet."""
    return AppFiles(shipped_raamwerk, tmp_path / "notities.toml", tmp_path / "instellingen.toml")


WaitUntil = Callable[[Pilot[int], Callable[[], object]], Awaitable[None]]


@pytest.fixture
def wait_until() -> WaitUntil:
    """Wait, a few milliseconds at a time, until a condition holds (at most 5 s).

    Saving runs in a thread after a delay, so a test waits for its effect
    instead of sleeping for a guessed time.
    """

    async def wait(pilot: Pilot[int], condition: Callable[[], object]) -> None:
        deadline = time.monotonic() + 5.0
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("gave up waiting for the condition")
            await pilot.pause(0.02)

    return wait


Notified = Callable[[Pilot[int], str], Awaitable[None]]


@pytest.fixture
def notified(wait_until: WaitUntil) -> Notified:
    """Wait until a notification holding ``text`` has been shown (they arrive as messages)."""

    async def wait(pilot: Pilot[int], text: str) -> None:
        await wait_until(pilot, lambda: any(text in n.message for n in pilot.app._notifications))

    return wait


def render_text(widget: Widget) -> str:
    """What a widget shows on screen now, as plain text lines, its padding included."""
    width, height = widget.region.size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(strip.text.rstrip() for strip in strips)


@pytest.fixture
def rendered() -> Callable[[Widget], str]:
    """``rendered(widget)``: the text the widget draws, to assert on what a user sees."""
    return render_text
