"""At a glance: status bars in the area pane and the role's overview (``o``), by glyph and count.

The bars must read without colour, so every assertion is on the plain text a
user sees: the glyphs ``█ ▒ ░ ·`` and the counts beside them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import SIZE, AppFiles, jump, main_screen
from textual.widget import Widget

from lob_tui.notes import Notities, Status, to_bytes
from lob_tui.overview import legend
from lob_tui.overview import overview as overview_rows
from lob_tui.widgets.glance import GlanceView, glance_lines
from lob_tui.widgets.tick_list import TickList

Rendered = Callable[[Widget], str]


async def test_the_area_pane_counts_the_statuses_just_set(
    files: AppFiles, rendered: Rendered
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        for item_id, key in [("visie-r1", "1"), ("visie-r2", "2"), ("visie-d1", "3")]:
            await jump(pilot, files.item(item_id))
            await pilot.press(key)

        await jump(pilot, files.rol.aandachtsgebieden[0])
        text = rendered(screen.query_one("#detail-text"))
        assert "█▒░·····  █1 ▒1 ░1 ·5" in text  # the area: one glyph per item
        assert "█▒·  █1 ▒1 ░0 ·1" in text  # its Rolbeschrijvingen
        assert "░····  █0 ▒0 ░1 ·4" in text  # its Deskundigheden
        assert "▒ wil ik ontwikkelen" in text, "the legend says what the glyphs mean"


async def test_the_overview_follows_each_status_while_open(
    files: AppFiles, rendered: Rendered
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("o")
        await pilot.pause()
        glance = screen.query_one("#glance-text")
        assert screen.query_one(GlanceView).display and not screen.query_one("#editor").display
        assert "█0 ▒0 ░0 ·38" in rendered(glance)

        await jump(pilot, files.item("samenwerking-d7"))
        await pilot.press("2")  # the tree keeps the focus beside the overview
        await pilot.pause()
        # An item's editor stays hidden beside the overview, as do its details.
        assert not screen.query_one("#editor").display
        assert not screen.query_one("#detail-text").display
        text = rendered(glance)
        assert "█0 ▒1 ░0 ·37" in text  # the role
        assert "█0 ▒1 ░0 ·14" in text  # Samenwerking
        assert "█0 ▒1 ░0 ·6" in text  # its Deskundigheden

        await pilot.press("o")
        await pilot.pause()
        assert not screen.query_one(GlanceView).display and screen.query_one("#editor").display
        assert screen.query_one("#detail-text").display


async def test_at_80_by_24_without_colour_the_overview_has_the_width_and_every_name(
    files: AppFiles, rendered: Rendered, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    notities = Notities(files.rol.id)
    notities.set_status("organisatie-r1", Status.BEHEERS_IK)
    files.notes.write_bytes(to_bytes(notities))
    app = files.app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        screen = main_screen(app)
        await pilot.press("o")
        await pilot.pause()
        assert not screen.query_one("#tree-pane").display, "a narrow screen gives it all"
        assert app.focused is screen.query_one(GlanceView)
        lines = rendered(screen.query_one("#glance-text")).splitlines()
        for gebied in files.rol.aandachtsgebieden:  # name, bar and counts on one line
            row = next(line for line in lines if line.strip().startswith(gebied.naam))
            assert f"·{len(gebied.items) - (gebied.id == 'organisatie')}" in row
        row = next(line for line in lines if line.strip().startswith("Organisatie"))
        assert "███" in row and row.endswith("█1 ▒0 ░0 ·6")
        assert len(lines) <= 20, "fits the body of an 80 by 24 screen without scrolling"

        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#tree-pane").display
        assert app.focused is screen.framework_tree


def test_a_narrow_pane_puts_each_bar_under_its_name(files: AppFiles) -> None:
    rows = overview_rows(files.rol, Notities(files.rol.id))
    narrow = glance_lines(rows, 40, {}).plain.splitlines()
    assert narrow[0] == files.rol.naam
    assert narrow[1].strip().endswith("█0 ▒0 ░0 ·38")
    assert all(len(line) <= 40 for line in narrow)
    wide = glance_lines(rows, 100, {}).plain.splitlines()
    assert len(wide) == len(rows) and wide[1].startswith("  Visie en advies voor beleid")
    assert "·" in legend()


def test_the_new_keys_are_described_in_dutch_with_an_id() -> None:
    from lob_tui.screens.compare_dialog import CompareDialog
    from lob_tui.screens.filter_dialog import FilterDialog

    for widget in (GlanceView, FilterDialog, CompareDialog, TickList):
        for binding in widget.BINDINGS:
            assert binding.description and binding.id  # type: ignore[union-attr]


async def test_the_palette_offers_the_new_actions_in_dutch(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        wanted = {"Overzicht", "Filter", "Filter wissen", "Vergelijken", "Vergelijking sluiten"}
        assert wanted <= titles
