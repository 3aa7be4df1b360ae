"""The real start: the frame first, the framework and the notes read behind it.

``lob-tui`` builds the app from files (``create_app_from_files``); what it
reads, and what it does when a file is wrong, is tested here, the reading
itself (``lob_tui.opening``) without a terminal.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import SIZE, WaitUntil, jump, main_screen, render_text
from test_app_start import SECOND_ROLE

from lob_tui import notes, opening, resources
from lob_tui.app import LobApp, create_app_from_files
from lob_tui.errors import LobFout
from lob_tui.opening import Opened, StartFiles, open_files
from lob_tui.screens.dialogs import MessageDialog
from lob_tui.screens.loading import LoadingScreen
from lob_tui.screens.role import RoleScreen

BROKEN_FRAMEWORK = b'[[rollen]]\nid = "decaan"\nnaam = "Decaan\n'


@pytest.fixture
def framework(tmp_path: Path) -> Path:
    """A copy of the shipped framework in a folder whose name holds markup."""
    folder = tmp_path / "[bold]raamwerk [b"
    folder.mkdir()
    path = folder / "raamwerk.toml"
    path.write_bytes(resources.default_framework_path().read_bytes())
    return path


def _app(files: StartFiles, settings: Path) -> LobApp:
    return create_app_from_files(files, settings_path=settings)


# -- reading, without a terminal ----------------------------------------------------


def test_open_files_reads_the_framework_the_only_role_and_its_notes(
    framework: Path, tmp_path: Path
) -> None:
    notes_path = tmp_path / "n.toml"
    notities = notes.Notities("decaan-slb-coordinator")
    notities.set_tekst("visie-r1", "Eerst [b]alumni[/] bellen")
    notes_path.write_text(notes.dumps(notities), encoding="utf-8")

    opened = open_files(StartFiles(framework, None, notes_path))

    assert opened.rol is not None and opened.rol.id == "decaan-slb-coordinator"
    assert len(list(opened.rol.items())) == 38
    assert opened.notes is not None and opened.notes.notities is not None
    assert opened.notes.notities.item("visie-r1").tekst == "Eerst [b]alumni[/] bellen"
    assert opened.notes.store.path == notes_path


def test_open_files_raises_the_framework_problems_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_bytes(BROKEN_FRAMEWORK)
    with pytest.raises(LobFout) as raised:
        open_files(StartFiles(path, None, None))
    melding = str(raised.value.eerste)
    assert str(path) in melding
    assert "regel 3" in melding


def test_open_files_names_an_unknown_role_and_the_known_ones(framework: Path) -> None:
    with pytest.raises(LobFout, match=r"de rol 'mentor' bestaat niet.*decaan-slb-coordinator"):
        open_files(StartFiles(framework, "mentor", None))


def test_open_files_leaves_the_choice_of_several_roles_to_the_user(tmp_path: Path) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_text(
        resources.default_framework_path().read_text(encoding="utf-8") + SECOND_ROLE,
        encoding="utf-8",
    )
    opened = open_files(StartFiles(path, None, tmp_path / "n.toml"))
    assert opened.rol is None and opened.notes is None
    assert [r.id for r in opened.raamwerk.rollen] == ["decaan-slb-coordinator", "mentor"]


def test_open_files_reports_unreadable_notes_without_raising(
    framework: Path, tmp_path: Path
) -> None:
    notes_path = tmp_path / "n.toml"
    notes_path.write_bytes(b"schema = 1\nrol = 'decaan-slb-coordinator'\n[items.visie-r1\n")
    opened = open_files(StartFiles(framework, None, notes_path))
    assert opened.notes is not None
    assert opened.notes.notities is None
    assert opened.notes.fout is not None
    assert str(notes_path) in str(opened.notes.fout.eerste)


# -- the app ------------------------------------------------------------------------


async def test_the_frame_comes_first_then_the_main_screen_with_the_notes(
    framework: Path, tmp_path: Path, wait_until: WaitUntil
) -> None:
    notes_path = tmp_path / "n.toml"
    notities = notes.Notities("decaan-slb-coordinator")
    notities.set_tekst("visie-r1", "Alumni bellen")
    notes_path.write_text(notes.dumps(notities), encoding="utf-8")
    app = _app(StartFiles(framework, None, notes_path), tmp_path / "s.toml")

    async with app.run_test(size=SIZE) as pilot:
        frame = app.screen_stack[0]
        assert isinstance(frame, LoadingScreen)
        shown = render_text(frame.query_one("#loading-text"))
        assert "[bold]raamwerk [b" in shown  # the path, literally
        await wait_until(pilot, lambda: app.main is not None and app.screen is app.main)
        screen = main_screen(app)
        await wait_until(pilot, lambda: len(screen.framework_tree.root.children) == 4)
        assert screen.notities.item("visie-r1").tekst == "Alumni bellen"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_a_broken_framework_stops_the_app_with_its_problems(
    tmp_path: Path, wait_until: WaitUntil
) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_bytes(BROKEN_FRAMEWORK)
    app = _app(StartFiles(path, None, tmp_path / "n.toml"), tmp_path / "s.toml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    assert app.start_problems and str(path) in app.start_problems[0]
    assert "regel 3" in app.start_problems[0]
    assert not (tmp_path / "n.toml").exists()
    assert path.read_bytes() == BROKEN_FRAMEWORK


async def test_an_unreadable_notes_file_is_shown_and_left_as_it_was(
    framework: Path, tmp_path: Path, wait_until: WaitUntil
) -> None:
    notes_path = tmp_path / "n.toml"
    broken = b"schema = 1\nrol = 'decaan-slb-coordinator'\n[items.visie-r1\n"
    notes_path.write_bytes(broken)
    app = _app(StartFiles(framework, None, notes_path), tmp_path / "s.toml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MessageDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    assert notes_path.read_bytes() == broken


async def test_several_roles_lead_to_the_role_choice(tmp_path: Path, wait_until: WaitUntil) -> None:
    path = tmp_path / "raamwerk.toml"
    path.write_text(
        resources.default_framework_path().read_text(encoding="utf-8") + SECOND_ROLE,
        encoding="utf-8",
    )
    app = _app(StartFiles(path, None, tmp_path / "n.toml"), tmp_path / "s.toml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, RoleScreen))
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: app.main is not None)
        assert main_screen(app).rol.id == "mentor"


async def test_while_the_files_are_read_only_quitting_works_and_does_not_wait(
    framework: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_until: WaitUntil
) -> None:
    started, release = threading.Event(), threading.Event()

    def slow_open_files(files: StartFiles) -> Opened:
        started.set()
        release.wait(timeout=10)
        return open_files(files)

    monkeypatch.setattr(opening, "open_files", slow_open_files)
    app = _app(StartFiles(framework, None, tmp_path / "n.toml"), tmp_path / "s.toml")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, started.is_set)
            await pilot.press("f1", "ctrl+p")
            assert isinstance(app.screen, LoadingScreen)
            await pilot.press("ctrl+q")
        # The app has closed while the reading thread is still busy.
        assert not release.is_set()
        assert any(t.name == "lob-tui-lezen" for t in threading.enumerate())
    finally:
        release.set()
    assert app.return_code == 0
    assert not (tmp_path / "n.toml").exists()


async def test_a_bug_while_reading_reaches_the_app(
    framework: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_open_files(files: StartFiles) -> Opened:
        raise ZeroDivisionError("een fout in lob-tui zelf")

    monkeypatch.setattr(opening, "open_files", broken_open_files)
    app = _app(StartFiles(framework, None, tmp_path / "n.toml"), tmp_path / "s.toml")
    with pytest.raises(ZeroDivisionError):  # under tests Textual's own handling stays
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.5)


async def test_once_read_the_notes_are_written_to_the_file_asked_for(
    framework: Path, tmp_path: Path, wait_until: WaitUntil
) -> None:
    notes_path = tmp_path / "n.toml"
    app = _app(StartFiles(framework, None, notes_path), tmp_path / "s.toml")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.main is not None and app.screen is app.main)
        screen = main_screen(app)
        await wait_until(pilot, lambda: len(screen.framework_tree.root.children) == 4)
        item = screen.rol.item("visie-r1")
        assert item is not None
        await jump(pilot, item)
        await pilot.press("3")
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    saved = notes.parse_bytes(notes_path.read_bytes(), notes_path)
    assert saved.item("visie-r1").status is notes.Status.BESPREKEN
