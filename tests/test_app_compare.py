"""Comparing in the app: ``v`` opens a second notes file read-only, the detail pane shows its
status and note beside the user's own, ``V`` closes it, and the file is never written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import SIZE, AppFiles, WaitUntil, jump, main_screen
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from lob_tui import notes
from lob_tui.notes import Status
from lob_tui.screens.compare_dialog import CompareDialog, chosen_path

Rendered = Callable[[Widget], str]

ANNA_NOTE = "Alumni [bold]uitnodigen[/] op\nde open dag"


def colleague_file(files: AppFiles, tmp_path: Path, naam: str = "Anna de Vries") -> Path:
    """A colleague's notes: another status and note for visie-d4, an aandachtsveld."""
    anna = notes.Notities(files.rol.id, naam=naam)
    anna.set_status("visie-d4", Status.WIL_IK_ONTWIKKELEN)
    anna.set_tekst("visie-d4", ANNA_NOTE)
    anna.set_veld("visie-en-advies/deskundigheden", "Samen een alumnidag opzetten")
    path = tmp_path / "collega" / "anna.toml"
    path.parent.mkdir()
    path.write_bytes(notes.to_bytes(anna))
    return path


async def open_compare(pilot: Pilot[int], path: str) -> CompareDialog:
    """``v``, the path typed in one go, Enter."""
    await pilot.press("v")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, CompareDialog)
    dialog.query_one(Input).value = path
    await pilot.press("enter")
    return dialog


async def test_v_shows_the_other_files_status_and_note_for_the_item_and_section(
    files: AppFiles, tmp_path: Path, rendered: Rendered, wait_until: WaitUntil
) -> None:
    path = colleague_file(files, tmp_path)
    before = path.read_bytes()
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-d4"))
        await pilot.press("3")  # the user's own status
        await open_compare(pilot, str(path))
        await wait_until(pilot, lambda: screen.ander is not None)
        await pilot.pause()

        text = rendered(screen.query_one("#detail-text"))
        assert "Status: ? bespreken met collega" in text  # the user's own
        assert "Bij Anna de Vries (alleen lezen)" in text
        assert "Status: ↗ wil ik ontwikkelen" in text
        assert "Alumni [bold]uitnodigen[/] op\nde open dag" in text
        assert "naast Anna de Vries" in str(screen.status_line.render())

        sectie = files.rol.sectie("visie-en-advies/deskundigheden")
        assert sectie is not None
        await jump(pilot, sectie)
        assert "Samen een alumnidag opzetten" in rendered(screen.query_one("#detail-text"))

        await pilot.press("V")
        await pilot.pause()
        assert screen.ander is None
        assert "Anna" not in rendered(screen.query_one("#detail-text"))
        await pilot.press("3", "ctrl+s")  # a change and a save of the user's own notes
        await wait_until(pilot, lambda: files.notes.exists())
    assert path.read_bytes() == before, "the other file is only read"


async def test_without_a_name_the_file_name_labels_the_other_notes(
    files: AppFiles, tmp_path: Path, rendered: Rendered, wait_until: WaitUntil
) -> None:
    path = colleague_file(files, tmp_path, naam="")
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await open_compare(pilot, str(path))
        await wait_until(pilot, lambda: screen.ander is not None)
        await jump(pilot, files.rol.aandachtsgebieden[0])
        text = rendered(screen.query_one("#detail-text"))
        assert "Bij anna.toml (alleen lezen)" in text
        assert "Deskundigheden: ▒····  █0 ▒1 ░0 ·4" in text, "the other file's bar"


async def test_a_file_that_cannot_be_read_is_named_in_dutch_and_the_dialog_stays(
    files: AppFiles, tmp_path: Path, rendered: Rendered, wait_until: WaitUntil
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_bytes(b"dit is [geen toml\n")
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        dialog = await open_compare(pilot, str(tmp_path / "bestaat-niet.toml"))
        fout = dialog.query_one("#vergelijk-fout")
        await wait_until(pilot, lambda: fout.display)
        message = rendered(fout).replace("\n", " ")
        assert "bestaat-niet.toml: dit bestand bestaat niet" in message

        dialog.query_one(Input).value = str(broken)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "kapot.toml" in rendered(fout))
        assert app.screen is dialog and screen.ander is None
        assert broken.read_bytes() == b"dit is [geen toml\n"

        dialog.query_one(Input).value = str(files.notes)
        files.notes.write_bytes(notes.to_bytes(notes.Notities(files.rol.id)))
        await pilot.press("enter")
        await wait_until(pilot, lambda: "eigen notitiebestand" in rendered(fout))

        await pilot.press("escape")
        assert app.screen is screen and screen.ander is None


def test_a_whole_path_typed_after_the_folder_counts_from_where_it_starts() -> None:
    assert chosen_path("/home/sam/.local/share/lob-tui/anna.toml") == Path(
        "/home/sam/.local/share/lob-tui/anna.toml"
    )
    assert chosen_path("/home/sam/.local/share/lob-tui//tmp/anna.toml") == Path("/tmp/anna.toml")
    assert chosen_path("/home/sam/.local/share/lob-tui/~/anna.toml") == Path.home() / "anna.toml"
    assert chosen_path("/a//b/~/c//d.toml ") == Path("/d.toml")
    assert chosen_path("  ") is None


async def test_typing_a_whole_path_after_the_filled_in_folder_opens_that_file(
    files: AppFiles, tmp_path: Path, wait_until: WaitUntil
) -> None:
    path = colleague_file(files, tmp_path)
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("v")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value == str(files.notes.parent) + "/"
        field.insert_text_at_cursor(str(path))  # as typed: after the folder
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.ander is not None)
