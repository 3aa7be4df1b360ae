"""The in-app export: ``e`` shows a preview with the options, ``w`` writes it beside the notes."""

from __future__ import annotations

from datetime import date

from conftest import SIZE, AppFiles, Notified, WaitUntil, jump, render_text
from textual.widgets import Markdown

from lob_tui.screens.export import ExportScreen
from lob_tui.widgets.footer import KeyFooter


async def test_e_previews_and_w_writes_beside_the_notes(
    files: AppFiles, wait_until: WaitUntil
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-d4"))
        screen.editor.load_text("Alumni [bold]uitnodigen[/]")
        await pilot.press("3", "e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        assert "Alumni" in export.query_one(Markdown).source
        assert export.notities.item("visie-d4").status is not None

        await pilot.press("g", "i", "f")
        assert export.opties.gebieden == ("visie-en-advies",)
        assert export.opties.alleen_ingevuld and export.opties.formaat == "html"
        assert "Organisatie" not in export.query_one(Markdown).source

        await pilot.press("w")
        target = files.notes.with_name(f"lob-overzicht-{date.today().isoformat()}.html")
        await wait_until(pilot, lambda: target.exists())
        html = target.read_text(encoding="utf-8")
        assert "Alumni" in html and "<bold>" not in html
        await wait_until(pilot, lambda: any(str(target) in n.message for n in app._notifications))

        await pilot.press("escape")
        assert app.screen is screen


async def test_exporting_nothing_says_so_in_dutch(
    files: AppFiles, wait_until: WaitUntil, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "w")
        await wait_until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        await notified(pilot, "nog niets om te exporteren")
        assert not list(files.notes.parent.glob("lob-overzicht-*"))


async def test_an_80_column_export_screen_names_every_key(files: AppFiles) -> None:
    """The footer keeps writing and going back; the options line names the option keys."""
    app = files.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        footer = render_text(export.query_one(KeyFooter))
        assert footer.startswith(" w Wegschrijven  esc Terug")
        assert footer.rstrip().endswith("f1 Hulp  ^p Opdrachten")
        options = render_text(export.query_one("#export-options"))
        for named in ("Gebied (g): alle", "Alleen ingevuld (i): nee", "Formaat (f): Markdown"):
            assert named in " ".join(options.split())
