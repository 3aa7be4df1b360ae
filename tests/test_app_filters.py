"""Filters in the app: only items with a status, or citing a source; search, ``a`` and the
export go along, and ``F`` shows everything again."""

from __future__ import annotations

from collections.abc import Callable

from conftest import SIZE, AppFiles, Notified, jump, main_screen
from textual.widget import Widget
from textual.widgets import Markdown

from lob_tui.filters import Filter
from lob_tui.framework import Item
from lob_tui.notes import Status
from lob_tui.screens.export import ExportScreen
from lob_tui.screens.filter_dialog import FilterDialog
from lob_tui.screens.main import MainScreen
from lob_tui.widgets.framework_tree import FrameworkTree
from lob_tui.widgets.search_bar import SearchBar, matches
from lob_tui.widgets.tick_list import TickList

Rendered = Callable[[Widget], str]

WANTED = ("visie-d2", "orientatie-r2", "samenwerking-d6")
"""Items marked 'wil ik ontwikkelen' in these tests; none of them cites source F."""


def shown_items(tree: FrameworkTree) -> list[str]:
    """The ids of every item the tree would show if all were opened (nodes grow lazily)."""
    ids = []
    for area in tree.root.children:
        tree.grow(area)
        for section in area.children:
            tree.grow(section)
            ids.extend(node.data.id for node in section.children if isinstance(node.data, Item))
    return ids


def mark_wanted(screen: MainScreen) -> None:
    for item_id in WANTED:
        screen.notities.set_status(item_id, Status.WIL_IK_ONTWIKKELEN)
    screen.notities.set_status("visie-r1", Status.BEHEERS_IK)


async def test_f_then_a_status_shows_exactly_the_items_with_it(
    files: AppFiles, rendered: Rendered
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        mark_wanted(screen)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)
        await pilot.press("down", "space", "t")  # the second status: wil ik ontwikkelen
        await pilot.pause()

        assert app.screen is screen
        assert screen.item_filter == Filter((Status.WIL_IK_ONTWIKKELEN,))
        assert shown_items(screen.framework_tree) == list(WANTED)
        banner = rendered(screen.query_one("#filter-banner"))
        assert "3 van 38 items" in banner and "wil ik ontwikkelen" in banner
        assert "gefilterd (F wist)" in str(screen.status_line.render())


async def test_a_source_shows_exactly_the_items_citing_it_with_its_legend_entry(
    files: AppFiles, rendered: Rendered
) -> None:
    citing_f = [item.id for item in files.rol.items() if "F" in item.bronnen]
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await pilot.press("f")
        await pilot.pause()
        bronnen = app.screen.query_one("#filter-bronnen", TickList)
        bronnen.focus()
        bronnen.highlighted = [o.id for o in bronnen.options].index("F")
        await pilot.press("space", "t")
        await pilot.pause()

        assert shown_items(screen.framework_tree) == citing_f
        assert len(citing_f) == 11
        banner = rendered(screen.query_one("#filter-banner"))
        assert f"{len(citing_f)} van 38 items" in banner
        assert "F  Nice Framework" in banner


async def test_capital_f_clears_the_filter_and_every_item_is_back(
    files: AppFiles, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.apply_filter(Filter(bronnen=("J",)))
        await pilot.pause()
        assert shown_items(screen.framework_tree) == ["organisatie-d3"]
        assert screen.query_one("#filter-banner").display

        await pilot.press("F")
        await pilot.pause()
        assert len(shown_items(screen.framework_tree)) == files.rol.item_count
        assert not screen.query_one("#filter-banner").display
        assert "gefilterd" not in str(screen.status_line.render())
        await pilot.press("F")
        await notified(pilot, "Er staat geen filter aan")


async def test_a_filter_that_keeps_nothing_leaves_the_tree_as_it_was(
    files: AppFiles, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.apply_filter(Filter((Status.BESPREKEN,)))  # no item has this status yet
        await notified(pilot, "Geen enkel item past bij dit filter")
        assert not screen.item_filter.is_active
        assert len(screen.framework_tree.root.children) == len(files.rol.aandachtsgebieden)


async def test_search_n_and_a_stay_within_the_filter(files: AppFiles, notified: Notified) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.apply_filter(Filter(bronnen=("F",)))
        await pilot.pause()
        await pilot.press("slash")
        screen.query_one(SearchBar).value = "kan"  # 'kan' occurs in and outside the filter
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == files.rol.item("visie-d3"), "the first 'kan' citing F"
        await pilot.press("n")
        await pilot.pause()
        assert screen.current == files.rol.item("visie-d5")
        assert all("F" in found.bronnen for found in screen._matches)
        assert len(screen._matches) < len(matches("kan", files.rol.items()))

        await pilot.press("a")  # only this area, and still only what the filter keeps
        await pilot.pause()
        in_visie = ["visie-r3", "visie-d1", "visie-d3", "visie-d5"]
        assert shown_items(screen.framework_tree) == in_visie
        await pilot.press("a")
        await pilot.pause()

        await pilot.press("slash")
        screen.query_one(SearchBar).value = "alumni"  # only an item without sources
        await pilot.press("enter")
        await notified(pilot, "binnen het filter")


async def test_jumping_to_an_item_the_filter_hides_clears_the_filter(
    files: AppFiles, notified: Notified
) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen.apply_filter(Filter(bronnen=("F",)))
        await pilot.pause()
        alumni = files.rol.item("visie-d4")
        assert alumni is not None
        await jump(pilot, alumni)  # as the palette's jump to an item does
        await notified(pilot, "Filter gewist")
        assert not screen.item_filter.is_active
        assert screen.current == alumni


async def test_the_export_preview_lists_only_what_the_filter_keeps(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        mark_wanted(screen)
        screen.apply_filter(Filter((Status.WIL_IK_ONTWIKKELEN,), ("C",)))
        await pilot.pause()
        assert shown_items(screen.framework_tree) == ["visie-d2"]
        await pilot.press("e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        assert export.opties.statussen == (Status.WIL_IK_ONTWIKKELEN,)
        assert export.opties.bronnen == ("C",)
        preview = export.query_one(Markdown).source
        assert "Kent actuele theorieën" in preview  # visie-d2
        assert "Specifieke (studiekeuze" not in preview  # wanted, but cites no C

        await pilot.press("i", "f")  # other options keep the filter
        assert export.opties.bronnen == ("C",) and export.opties.formaat == "html"
        assert "Filter uit de boom" in str(export.query_one("#export-options").render())
