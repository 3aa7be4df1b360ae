"""The footer shows the keys that work where the focus is, as one widget; a click presses one."""

from __future__ import annotations

from conftest import SIZE, AppFiles, jump, main_screen, render_text

from lob_tui.framework import Aandachtsgebied, Item, Sectie
from lob_tui.notes import Status
from lob_tui.widgets.footer import KeyFooter
from lob_tui.widgets.search_bar import SearchBar


async def test_footer_follows_the_focus_without_widgets_of_its_own(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        in_tree = render_text(footer)
        assert "1 2 3 0 Status" in in_tree and "/ Zoeken" in in_tree
        assert "^p Opdrachten" in in_tree and "esc" not in in_tree
        assert not footer.children  # one line drawn by one widget, nothing mounted per key

        await pilot.press("slash")  # the search field: its own keys
        await pilot.pause()
        in_search = render_text(footer)
        assert "esc Terug naar de boom" in in_search and "Zoeken" not in in_search

        await pilot.press("escape")  # back in the tree: the tree's keys again
        await pilot.pause()
        assert render_text(footer) == in_tree


async def test_enter_is_named_for_the_node_under_the_cursor(files: AppFiles) -> None:
    """On an area Enter opens or closes it; on a section or an item it writes the note."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        tree = main_screen(app).framework_tree
        await pilot.pause()
        assert isinstance(tree.current, Aandachtsgebied)
        on_area = render_text(footer)
        assert "⏎ Open of dicht" in on_area and "Notitie" not in on_area

        await pilot.press("enter", "down")  # open the area, onto its first section
        await pilot.pause()
        assert isinstance(tree.current, Sectie)
        assert "⏎ Notitie" in render_text(footer) and "Open of dicht" not in render_text(footer)
        await pilot.press("right", "down")  # open the section, onto its first item
        await pilot.pause()
        assert isinstance(tree.current, Item) and "⏎ Notitie" in render_text(footer)

        await pilot.press("up", "up")  # back to the section, then the area: Enter closes it
        await pilot.pause()
        assert render_text(footer) == on_area
        await pilot.press("enter")
        assert tree.cursor_node is not None and not tree.cursor_node.is_expanded


async def test_clicking_a_key_in_the_footer_presses_it(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        column = render_text(footer).index("/ Zoeken")
        await pilot.click(KeyFooter, offset=(column, 0))
        await pilot.pause()
        assert app.focused is main_screen(app).query_one(SearchBar)


async def test_a_narrow_footer_leaves_out_whole_keys_and_keeps_help(files: AppFiles) -> None:
    """No key is cut off mid-word; the help and the palette stay on the right at any width."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        shown: dict[int, str] = {}
        for width in (120, 100, 80, 60):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            shown[width] = render_text(footer)
            assert len(shown[width]) <= width
            assert shown[width].endswith("▏f1 Hulp  ^p Opdrachten")
            left = shown[width].split("▏")[0]
            # What is left of the separator is the wide line's beginning, whole keys only.
            assert shown[120].startswith(left.rstrip())
            assert left.endswith("  ") or width == 120
        assert "^q Stoppen" in shown[120] and "^q" not in shown[100]
        assert "a Alle of één gebied" in shown[100] and "e Export" in shown[80]
        assert "Alle" not in shown[80] and "Zoeken" not in shown[60]


async def test_a_key_in_a_group_is_pressed_by_its_own_click(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await jump(pilot, files.item("visie-r1"))
        column = render_text(app.screen.query_one(KeyFooter)).index("1 2 3 0 Status") + 2
        await pilot.click(KeyFooter, offset=(column, 0))  # on the "2"
        await pilot.pause()
        assert screen.notities.item("visie-r1").status == Status.WIL_IK_ONTWIKKELEN
