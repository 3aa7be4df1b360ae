"""The footer shows the keys that work where the focus is, as one widget; a click presses one."""

from __future__ import annotations

from conftest import SIZE, AppFiles, main_screen, render_text

from lob_tui.widgets.footer import KeyFooter
from lob_tui.widgets.search_bar import SearchBar


async def test_footer_follows_the_focus_without_widgets_of_its_own(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        in_tree = render_text(footer)
        assert "⏎ Notitie" in in_tree and "1230 Status" in in_tree and "/ Zoeken" in in_tree
        assert "^p Opdrachten" in in_tree and "esc" not in in_tree
        assert not footer.children  # one line drawn by one widget, nothing mounted per key

        await pilot.press("slash")  # the search field: its own keys
        await pilot.pause()
        in_search = render_text(footer)
        assert "esc Terug naar de boom" in in_search and "Zoeken" not in in_search

        await pilot.press("escape")  # back in the tree: the tree's keys again
        await pilot.pause()
        assert render_text(footer) == in_tree


async def test_clicking_a_key_in_the_footer_presses_it(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        column = render_text(footer).index("/ Zoeken")
        await pilot.click(KeyFooter, offset=(column, 0))
        await pilot.pause()
        assert app.focused is main_screen(app).query_one(SearchBar)
