"""Writing notes and statuses: they reach the file soon, survive a restart, and count."""

from __future__ import annotations

import time
from typing import Any

from conftest import SIZE, AppFiles, Notified, WaitUntil, jump, main_screen, render_text
from textual.message import Message
from textual.widgets import TextArea

from lob_tui.notes import Status
from lob_tui.screens.autosave import Timing
from lob_tui.widgets.detail import DetailText
from lob_tui.widgets.framework_tree import FrameworkTree
from lob_tui.widgets.note_editor import NoteEditor


async def test_a_typed_note_is_autosaved_and_back_after_a_restart(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-d4"))
        await pilot.press("enter")
        assert app.focused is screen.editor
        await pilot.press(*"Alumni [b]")
        await wait_until(pilot, lambda: files.saved_note("visie-d4") == "Alumni [b]")
        await wait_until(pilot, lambda: screen.status_line.stand.name == "BEWAARD")
        await pilot.press("escape", "ctrl+q")

    again = files.app()
    async with again.run_test(size=SIZE) as pilot:
        screen = main_screen(again)
        await pilot.pause()
        assert screen.current == files.rol.item("visie-d4"), "the last node is selected again"
        assert screen.editor.text == "Alumni [b]"


async def test_the_cursors_moves_stay_in_the_editor(files: AppFiles) -> None:
    """Nothing above the editor uses them; passed up, every key would cost four more handlers."""
    handled: list[TextArea.SelectionChanged] = []

    def hook(message: Message) -> None:
        if isinstance(message, TextArea.SelectionChanged):
            handled.append(message)

    app = files.app()
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        screen = await jump(pilot, files.item("visie-d4"))
        await pilot.press("enter")
        handled.clear()
        await pilot.press(*"abc", "left")
        await pilot.pause()
        assert len(handled) == 4, "each key: the editor's own message, handled once"
        assert screen.editor.text == "abc"


async def test_typing_waits_for_no_disk_the_save_follows_within_two_seconds(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    app = files.app(timing=Timing())
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        screen.editor.focus()
        screen.editor.load_text("x" * 5000)  # a long text is set directly, not typed
        await pilot.pause()
        assert files.saved_note("visie-r1") is None, "nothing is written while typing goes on"
        typed = time.monotonic()
        await wait_until(pilot, lambda: files.saved_note("visie-r1") == "x" * 5000)
        assert time.monotonic() - typed < 2.0


async def test_the_save_waits_for_a_pause_in_typing_and_comes_once(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    """Each key only notes the time; the one timer saves once no key came for the delay."""
    app = files.app(timing=Timing(delay=0.3))
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        await pilot.press("enter")
        saves: list[object] = []
        save = screen.store.save

        def counted(notities: object, **options: Any) -> None:
            saves.append(notities)
            save(notities, **options)  # type: ignore[arg-type]

        screen.store.save = counted  # type: ignore[method-assign]
        for key in "abcdef":  # 0.6 s of typing, never 0.3 s quiet
            await pilot.press(key)
            await pilot.pause(0.1)
        assert not saves, "nothing is written while typing goes on"
        await wait_until(pilot, lambda: files.saved_note("visie-r1") == "abcdef")
        await pilot.pause(0.4)
        assert len(saves) == 1


async def test_statuses_change_marks_and_progress(files: AppFiles, wait_until: WaitUntil) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        await jump(pilot, files.item("visie-r1"))
        area = tree.root.children[0]
        assert "0/8" in area.label.plain

        await pilot.press("1")
        await pilot.press("down", "2")
        await pilot.press("down", "3")
        await pilot.pause()
        section = area.children[0]
        assert [n.label.plain[0] for n in section.children] == ["✓", "↗", "?"]
        assert "3/3" in section.label.plain
        assert "3/8" in area.label.plain

        await pilot.press("0")
        await pilot.pause()
        assert section.children[2].label.plain[0] == "·"
        assert "2/8" in area.label.plain
        await wait_until(pilot, lambda: files.notes.exists() and len(files.saved().items) == 2)
        saved = files.saved()
        assert saved.item("visie-r1").status is Status.BEHEERS_IK
        assert saved.item("visie-r2").status is Status.WIL_IK_ONTWIKKELEN
        assert saved.item("visie-r3").status is None


async def test_a_new_status_relabels_only_what_it_changes(files: AppFiles) -> None:
    """From one status to another the counts stay: the section and area keep their labels."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        tree = screen.query_one(FrameworkTree)
        await jump(pilot, files.item("visie-r1"))
        await pilot.press("1")
        await pilot.pause()
        area = tree.root.children[0]
        section, item = area.children[0], area.children[0].children[0]
        labels = (area.label, section.label)

        await pilot.press("2", "3")
        await pilot.pause()
        assert item.label.plain[0] == "?"
        assert (area.label, section.label) == labels
        assert area.label is labels[0] and section.label is labels[1]
        assert "1/3" in section.label.plain and "1/8" in area.label.plain

        await pilot.press("0")
        await pilot.pause()
        assert "0/3" in section.label.plain and "0/8" in area.label.plain


async def test_the_detail_pane_shows_the_cursors_node_after_fast_moves(files: AppFiles) -> None:
    """Only the lines that differ are repainted: what is on screen must still be the whole text."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        detail = screen.query_one(DetailText)
        # r2, r3, the section below them (a longer text), back to r3; then a status for it.
        await pilot.press("down", "down", "down", "up", "2")
        await pilot.pause()

        shown = render_text(detail)
        assert screen.current == files.item("visie-r3")
        assert "Evalueren kwaliteit en effect" in shown
        # r2's text: the item two keys before, and a line of the section's list one key before.
        assert "Onderzoeken en inventariseren" not in shown
        assert "Status: ↗ wil ik ontwikkelen (toets 2)" in shown


async def test_a_status_needs_an_item(files: AppFiles, notified: Notified) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("home", "1")
        await pilot.pause()
        assert not main_screen(app).notities.items
        await notified(pilot, "item")


async def test_a_section_aandachtsveld_is_saved_and_shown_on_the_area(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        sectie = files.rol.aandachtsgebieden[0].deskundigheden
        await jump(pilot, sectie)
        await pilot.press("enter")
        assert isinstance(app.focused, NoteEditor) and app.focused.doel == sectie
        await pilot.press(*"Meer alumni")
        await pilot.press("escape")
        await wait_until(pilot, lambda: files.notes.exists())
        assert files.saved().veld(sectie.id).tekst == "Meer alumni"
        assert "✎" in screen.query_one(FrameworkTree)._by_key[f"sectie:{sectie.id}"].label.plain
        await pilot.press("ctrl+q")

    again = files.app()
    async with again.run_test(size=SIZE) as pilot:
        screen = main_screen(again)
        await pilot.pause()
        assert screen.editor.text == "Meer alumni"
        await jump(pilot, files.rol.aandachtsgebieden[0])
        assert not screen.editor.display, "an area has no editor of its own"
        assert "Meer alumni" in str(screen.query_one("#detail-text").render())


async def test_quitting_saves_what_was_just_typed(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await jump(pilot, files.item("visie-d1"))
        await pilot.press("enter", *"laatste woord")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert files.saved_note("visie-d1") == "laatste woord"


async def test_q_in_the_tree_quits_but_types_in_the_editor(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-d1"))
        await pilot.press("enter", "q")
        assert screen.editor.text == "q"
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0
    assert files.saved_note("visie-d1") == "q"


async def test_moving_to_another_node_keeps_each_note_with_its_own_item(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        await pilot.press("enter", "a", "escape", "down", "enter", "b", "escape", "up")
        await pilot.pause()
        assert screen.editor.text == "a"
        await wait_until(pilot, lambda: files.saved_note("visie-r2") == "b")
        assert files.saved_note("visie-r1") == "a"
