"""Text is shown exactly as written: markup, HTML, escape sequences and NUL do nothing.

A note is the user's own words; a framework text is a school's. Neither may
be read as Textual markup (``[bold]``, ``[/]``, ``[b``, ``[link=x]``) or reach the
terminal as a control sequence (``\\x1b[2J`` would clear the real screen), and
none of it may crash the app. The stored text keeps every character.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SIZE, AppFiles, WaitUntil, jump
from textual.widget import Widget

from lob_tui.framework import Raamwerk, parse_raamwerk
from lob_tui.screens.main import MainScreen
from lob_tui.widgets.framework_tree import FrameworkTree
from lob_tui.widgets.literal import visible
from lob_tui.widgets.title_bar import TitleBar

Rendered = Callable[[Widget], str]

HOSTILE_FRAMEWORK = r"""
formaat = 1
titel = "Test [bold]raamwerk[/]"

[bronnen]
A = "Bron [link=x]A[/link]"

[voetnoten]
1 = "Noot \u001b[2J en [/"

[[rollen]]
id = "rol"
naam = "Rol [b"

[[rollen.aandachtsgebieden]]
id = "gebied"
naam = "Gebied [/] \u001b[31mrood"

[[rollen.aandachtsgebieden.rolbeschrijvingen]]
id = "r1"
tekst = "Item [bold]vet[/bold] <script>x</script> [/"
bronnen = ["A"]
voetnoot = 1

[[rollen.aandachtsgebieden.deskundigheden]]
id = "d1"
tekst = "Tweede [b"
"""

HOSTILE_NOTE = "[bold]vet[/] [b [link=x]link[/link] <b>html</b>\n\x1b[2Jweg? \x00 \x07 \u202etekst"


@pytest.fixture
def hostile(tmp_path: Path) -> Raamwerk:
    return parse_raamwerk(HOSTILE_FRAMEWORK.encode(), tmp_path / "raamwerk.toml")


def test_visible_keeps_length_and_shows_controls() -> None:
    shown = visible(HOSTILE_NOTE)
    assert len(shown) == len(HOSTILE_NOTE)
    assert "␛[2J" in shown and "␀" in shown and "␇" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "\n" in shown and "\n" not in visible(HOSTILE_NOTE, multiline=False)


async def test_framework_texts_show_literally_in_tree_and_pane(
    files: AppFiles, hostile: Raamwerk, rendered: Rendered
) -> None:
    app = files.app(raamwerk=hostile)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await jump(pilot, hostile.rollen[0].item("r1"))  # type: ignore[arg-type]

        tree = rendered(screen.query_one(FrameworkTree))
        assert "Gebied [/] ␛[31mrood" in tree
        assert "Item [bold]vet[/bold] <script>x</script>" in tree  # the rest is scrolled off
        label = screen.query_one(FrameworkTree).cursor_node.label.plain  # type: ignore[union-attr]
        assert label.endswith("Item [bold]vet[/bold] <script>x</script> [/")

        pane = rendered(screen.query_one("#detail-text", Widget))
        assert "Item [bold]vet[/bold] <script>x</script> [/" in pane
        assert "A  Bron [link=x]A[/link]" in pane
        assert "Noot ␛[2J en [/" in pane

        header = rendered(screen.query_one(TitleBar))
        assert "lob-tui — Rol [b" in header


async def test_hostile_notes_are_stored_exactly_and_shown_literally(
    files: AppFiles, rendered: Rendered, wait_until: WaitUntil
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        sectie = files.rol.aandachtsgebieden[0].rolbeschrijvingen
        screen = await jump(pilot, files.item("visie-r1"))
        screen.editor.focus()
        screen.editor.load_text(HOSTILE_NOTE)
        await pilot.pause()

        editor = rendered(screen.editor)
        assert "[bold]vet[/] [b [link=x]link[/link] <b>html</b>" in editor
        assert "␛[2Jweg? ␀ ␇" in editor
        assert "\x1b" not in editor

        await wait_until(pilot, lambda: files.saved_note("visie-r1") == HOSTILE_NOTE)
        assert screen.editor.text == HOSTILE_NOTE, "the editor keeps the real characters"

        # The same text as a section's aandachtsveld, read back on the area's summary.
        await jump(pilot, sectie)
        screen.editor.load_text(HOSTILE_NOTE)
        await pilot.pause()
        await jump(pilot, files.rol.aandachtsgebieden[0])
        pane = rendered(screen.query_one("#detail-text", Widget))
        assert "[bold]vet[/] [b [link=x]link[/link] <b>html</b>" in pane
        assert "␛[2Jweg?" in pane and "\x1b" not in pane


async def test_notifications_show_text_literally(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash")
        screen.query_one("#search", Widget).value = "[/] \x1b[2J"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("[/] ␛[2J" in m for m in messages)
