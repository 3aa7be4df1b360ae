"""The app keeps what was typed when the process is stopped, killed or breaks.

The signal tests run the real ``lob-tui`` on a pseudo-terminal (see
``tests/terminal.py``): a signal handler is only real in a real process.
The crash and second-instance tests drive the app with Pilot.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import QUICK, AppFiles
from terminal import Terminal

from lob_tui import notes, settings
from lob_tui.app import EXIT_CRASH, create_app
from lob_tui.screens.autosave import REMEMBER
from lob_tui.screens.main import MainScreen

ALUMNI = "visie-d4"  # "Maakt gebruik van ervaringen alumni"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """``lob-tui --notes <tmp>/notities.toml`` on a pty, with private data folders."""
    term = Terminal(["--notes", str(tmp_path / "notities.toml")], tmp_path)
    term.wait_for("Alles bewaard")
    yield term
    term.close()


def _type_note_on_alumni(term: Terminal, text: str) -> None:
    term.type("/alumni\r")
    term.wait_for("Maakt gebruik van ervaringen alumni")
    term.type("\r")
    time.sleep(0.3)
    term.type(text)
    term.wait_for(text)


def _saved_note(path: Path) -> str:
    return notes.parse_bytes(path.read_bytes(), path).item(ALUMNI).tekst


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_signal_saves_the_text_typed_just_before(
    terminal: Terminal, tmp_path: Path, number: signal.Signals
) -> None:
    # The autosave waits a second after typing; the signal comes sooner.
    _type_note_on_alumni(terminal, "zqx[b]")
    terminal.signal(number)

    assert terminal.wait() == 0
    assert _saved_note(tmp_path / "notities.toml") == "zqx[b]"


def test_kill_9_loses_nothing_typed_more_than_two_seconds_before(
    terminal: Terminal, tmp_path: Path
) -> None:
    _type_note_on_alumni(terminal, "blijft")
    time.sleep(2.0)
    terminal.signal(signal.SIGKILL)
    terminal.wait()

    assert _saved_note(tmp_path / "notities.toml") == "blijft"


def test_kill_9_reopens_where_the_cursor_was_seconds_before(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.type("/alumni\r")
    terminal.wait_for("Maakt gebruik van ervaringen alumni")
    time.sleep(REMEMBER + 1.0)
    terminal.signal(signal.SIGKILL)
    terminal.wait()

    kept = settings.load(tmp_path / "config" / "lob-tui" / "instellingen.toml")
    assert kept.laatste_van(tmp_path / "notities.toml") == f"item:{ALUMNI}"


def test_an_editor_that_will_not_start_leaves_the_app_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual gives the terminal back after ``suspend()`` only when its block ends
    normally: a missing $EDITOR must not leave lob-tui frozen on a blank screen."""
    monkeypatch.setenv("EDITOR", str(tmp_path / "geen-editor"))
    monkeypatch.delenv("VISUAL", raising=False)
    term = Terminal(["--notes", str(tmp_path / "notities.toml")], tmp_path)
    try:
        term.wait_for("Alles bewaard")
        term.type("/alumni\r")
        term.wait_for("Maakt gebruik van ervaringen alumni")
        term.type("\x05")  # ctrl+e
        term.wait_for("Notitie niet veranderd")  # the toast: the app draws again
        term.type("\x11")  # ctrl+q
        assert term.wait() == 0
    finally:
        term.close()


async def test_a_bug_saves_the_notes_writes_a_report_and_says_so_in_dutch(
    files: AppFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def broken(self: MainScreen, number: int) -> None:
        raise RuntimeError("een fout in lob-tui zelf")

    monkeypatch.setattr(MainScreen, "action_set_status", broken)
    app = create_app(
        files.raamwerk,
        files.rol,
        notes_path=files.notes,
        settings_path=files.settings,
        timing=QUICK,
        protect=True,
    )
    async with app.run_test():
        assert isinstance(app.screen, MainScreen)
        # A change the autosave was never told of: only the crash handler can save it.
        app.screen.notities.set_tekst(ALUMNI, "gered")
        # simulate_key does not wait for the screen, which the bug closes.
        app.simulate_key("1")
        deadline = time.monotonic() + 5
        while app.crash_message is None and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    assert app.return_code == EXIT_CRASH
    assert files.saved_note(ALUMNI) == "gered"
    reports = list((tmp_path / "data" / "lob-tui" / "foutrapporten").glob("fout-*.txt"))
    assert len(reports) == 1
    assert "een fout in lob-tui zelf" in reports[0].read_text()
    assert app.crash_message is not None
    assert "Je notities zijn bewaard" in app.crash_message and str(reports[0]) in app.crash_message
    assert reports[0].stat().st_mode & 0o777 == 0o600


async def test_a_second_app_on_the_same_notes_file_is_warned_at_start(files: AppFiles) -> None:
    first = files.app()
    async with first.run_test():
        second = files.app()
        async with second.run_test() as pilot:
            await pilot.pause()
            shown = [n.message for n in second._notifications]
        assert any("al geopend in een andere lob-tui" in m for m in shown)

    # Once the first has closed, the file is free again.
    third = files.app()
    async with third.run_test() as pilot:
        await pilot.pause()
        assert not any("al geopend" in n.message for n in third._notifications)
