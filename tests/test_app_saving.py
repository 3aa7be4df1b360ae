"""Saving that keeps the user's words through a full disk, a changed file and a quit.

The disk is made to fail by patching the store's ``write_atomic`` (tests run
as root, so a read-only folder would not stop them). ``App.suspend`` cannot
hand a headless test's terminal to an editor, so the external-editor test
replaces it with a no-op and lets the real ``$EDITOR`` script run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SIZE, AppFiles, Notified, WaitUntil, jump, main_screen

from lob_tui import notes, prepare
from lob_tui.errors import LobFout
from lob_tui.screens.autosave import Timing
from lob_tui.screens.dialogs import ConflictDialog, MessageDialog, QuitDialog
from lob_tui.widgets.note_editor import edit_externally
from lob_tui.widgets.status_line import Bewaarstand


def failing_disk(monkeypatch: pytest.MonkeyPatch, failures: int) -> list[int]:
    """Make the next ``failures`` writes of the notes file fail with a full disk."""
    import lob_tui.store as store_module

    real = store_module.write_atomic
    calls: list[int] = []

    def write(path: Path, data: bytes, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) <= failures:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data, **kwargs)

    monkeypatch.setattr(store_module, "write_atomic", write)
    return calls


@pytest.fixture
def in_a_child(monkeypatch: pytest.MonkeyPatch) -> list[bytes | None]:
    """Every background save prepared by a child, as for a large notes file.

    Returns what each child gave (None: it failed and the save prepared here).
    """
    given: list[bytes | None] = []
    real = prepare._from_child

    def spied(notities: notes.Notities, path: Path) -> bytes | None:
        given.append(real(notities, path))
        return given[-1]

    monkeypatch.setattr(prepare, "CHILD_FROM", 0)
    monkeypatch.setattr(prepare, "_from_child", spied)
    return given


def someone_else_writes(files: AppFiles, item_id: str, tekst: str) -> None:
    other = notes.Notities(files.rol.id)
    other.set_tekst(item_id, tekst)
    files.notes.write_bytes(notes.to_bytes(other))


@pytest.mark.parametrize("prepared", ["here", "in a child"])
async def test_a_failed_save_is_shown_and_retried_while_the_text_stays(
    files: AppFiles,
    monkeypatch: pytest.MonkeyPatch,
    wait_until: WaitUntil,
    request: pytest.FixtureRequest,
    prepared: str,
) -> None:
    children: list[bytes | None] = []
    if prepared == "in a child":
        children = request.getfixturevalue("in_a_child")
    calls = failing_disk(monkeypatch, failures=2)
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        shown: list[str] = []  # every status line, since the retry may succeed before we look
        set_stand = screen.status_line.set_stand
        monkeypatch.setattr(
            screen.status_line,
            "set_stand",
            lambda stand, opmerking="": (shown.append(opmerking), set_stand(stand, opmerking)),
        )
        await jump(pilot, files.item("visie-r1"))
        await pilot.press("enter", "x")

        await wait_until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        errors = [n for n in app._notifications if n.severity == "error"]
        assert "schijf is vol" in errors[0].message
        assert "niet bewaard" not in errors[0].message, "the title says it; the text says why"
        assert len(errors) == 1, "the same failure is reported once, not at every retry"
        assert screen.editor.text == "x"

        await wait_until(pilot, lambda: files.saved_note("visie-r1") == "x")
        await wait_until(pilot, lambda: screen.autosave.stand is Bewaarstand.BEWAARD)
        assert len(calls) >= 3, "it was retried until the disk took it"
        assert any("schijf is vol" in text for text in shown)
        await wait_until(
            pilot, lambda: any("Weer bewaard" in n.message for n in app._notifications)
        )
    if prepared == "in a child":
        assert len(children) == len(calls), "every attempt was prepared by a child"
        assert None not in children, "and no child failed"


async def test_a_save_prepared_in_a_child_writes_exactly_what_the_notes_are(
    files: AppFiles, in_a_child: list[bytes | None], wait_until: WaitUntil
) -> None:
    app = files.app(timing=Timing(delay=60))
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r2"))
        await pilot.press("enter", "k", "i", "n", "d", "ctrl+s")
        await wait_until(pilot, lambda: files.saved_note("visie-r2") == "kind")
        await wait_until(pilot, lambda: screen.autosave.stand is Bewaarstand.BEWAARD)
        assert in_a_child and None not in in_a_child
        assert files.notes.read_bytes() == in_a_child[-1] == notes.to_bytes(screen.notities)


async def test_leaving_the_editor_saves_without_waiting_for_the_timer(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    app = files.app(timing=Timing(delay=60))
    async with app.run_test(size=SIZE) as pilot:
        await jump(pilot, files.item("visie-r2"))
        await pilot.press("enter", "y", "escape")
        await wait_until(pilot, lambda: files.saved_note("visie-r2") == "y")


async def test_ctrl_s_saves_now_and_says_where(files: AppFiles, wait_until: WaitUntil) -> None:
    app = files.app(timing=Timing(delay=60))
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r2"))
        await pilot.press("enter", "z", "ctrl+s")
        await wait_until(pilot, lambda: files.saved_note("visie-r2") == "z")
        await wait_until(
            pilot, lambda: any(str(files.notes) in n.message for n in app._notifications)
        )
        assert app.focused is screen.editor, "saving does not move the focus"


@pytest.mark.parametrize(
    ("key", "on_disk", "on_screen", "copy"),
    [
        ("l", "van een ander", "van een ander", None),
        ("m", "van mij", "van mij", None),
        ("k", "van een ander", "van een ander", "van mij"),
    ],
)
async def test_a_file_changed_by_someone_else_asks_what_to_do(
    files: AppFiles,
    wait_until: WaitUntil,
    key: str,
    on_disk: str,
    on_screen: str,
    copy: str | None,
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        await pilot.press("enter", "x")
        await wait_until(pilot, lambda: files.saved_note("visie-r1") == "x")

        someone_else_writes(files, "visie-r1", "van een ander")
        screen.editor.load_text("van mij")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        assert files.saved_note("visie-r1") == "van een ander", "nothing overwritten yet"

        await pilot.press(key)
        await wait_until(pilot, lambda: files.saved_note("visie-r1") == on_disk)
        await wait_until(pilot, lambda: screen.editor.text == on_screen)
        copies = list(files.notes.parent.glob("notities.kopie-*.toml"))
        if copy is None:
            assert not copies
        else:
            await wait_until(pilot, lambda: list(files.notes.parent.glob("*.kopie-*.toml")))
            copies = list(files.notes.parent.glob("notities.kopie-*.toml"))
            saved = notes.parse_bytes(copies[0].read_bytes(), copies[0])
            assert saved.item("visie-r1").tekst == copy
        await wait_until(pilot, lambda: screen.autosave.stand is Bewaarstand.BEWAARD)


async def test_an_unreadable_notes_file_is_shown_and_left_alone(files: AppFiles) -> None:
    broken = b'schema = 1\nrol = "decaan-slb-coordinator"\n[items.x\n'
    files.notes.write_bytes(broken)
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        message = app.screen.message
        assert f"{files.notes}, regel 3: geen geldige TOML" in message
        assert message.count("niet veranderd") == 1  # said once, by the problem itself
        assert message.endswith("Herstel het bestand, of kies een ander met --notes.")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1
    assert files.notes.read_bytes() == broken

    again = files.app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert again.return_code == 1, "quitting another way is still an error"
    assert files.notes.read_bytes() == broken


async def test_quitting_while_saving_fails_asks_first(
    files: AppFiles, monkeypatch: pytest.MonkeyPatch, wait_until: WaitUntil
) -> None:
    failing_disk(monkeypatch, failures=1000)
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        await pilot.press("enter", "x", "ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, QuitDialog))
        await pilot.press("escape")
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, QuitDialog))
        await pilot.press("s")
        await pilot.pause()
    assert app.return_code == 1


@pytest.fixture
def editor_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An $EDITOR that records the file's mode and replaces its text with a known one."""
    script = tmp_path / "editor.sh"
    script.write_text(
        '#!/bin/sh\nstat -c %a "$1" > "$(dirname "$0")/mode"\n'
        'printf "uit de editor [b]\\nregel 2\\n" > "$1"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return script


def test_edit_externally_uses_a_private_file_and_drops_the_final_newline(
    editor_script: Path,
) -> None:
    result = edit_externally("oud", [str(editor_script)])
    assert result == "uit de editor [b]\nregel 2"
    assert (editor_script.parent / "mode").read_text().strip() == "600"


def test_edit_externally_reports_a_failing_editor(tmp_path: Path) -> None:
    with pytest.raises(LobFout, match="foutcode 3"):
        edit_externally("oud", ["sh", "-c", "exit 3", "editor"])
    with pytest.raises(LobFout, match=r"start niet \(niet gevonden\)"):
        edit_externally("oud", [str(tmp_path / "geen-editor")])
    not_runnable = tmp_path / "geen-programma"
    not_runnable.write_text("gewone tekst")
    with pytest.raises(LobFout, match=r"start niet \(geen toestemming om het te starten\)"):
        edit_externally("oud", [str(not_runnable)])


@contextlib.contextmanager
def no_suspend() -> Iterator[None]:
    yield


async def test_ctrl_e_takes_the_text_back_from_the_external_editor(
    files: AppFiles,
    editor_script: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_until: WaitUntil,
    notified: Notified,
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-d4"))
        await pilot.press("ctrl+e")  # headless: Textual cannot suspend, and says so
        await pilot.pause()
        await notified(pilot, "terminal")
        assert screen.editor.text == ""

        monkeypatch.setattr(app, "suspend", no_suspend)
        await pilot.press("enter", "ctrl+e")  # from inside the note, where ctrl+e is also a key
        await pilot.pause()
        assert screen.editor.text == "uit de editor [b]\nregel 2"
        await wait_until(pilot, lambda: files.saved_note("visie-d4") == screen.editor.text)
        assert os.environ["EDITOR"] == str(editor_script)


async def test_ctrl_e_on_an_area_explains_there_is_no_note(
    files: AppFiles, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("home", "ctrl+e")
        await pilot.pause()
        await notified(pilot, "aandachtsgebied")
