"""The detail pane: every line of a node's text on screen, wrapped and scrolled as a whole."""

from __future__ import annotations

from conftest import SIZE, AppFiles, main_screen, render_text

from lob_tui.widgets.detail import DetailText


async def test_the_detail_pane_scrolls_to_the_end_of_its_text_and_no_further(
    files: AppFiles,
) -> None:
    """A text that fits cannot be scrolled, however the pane's height changes; a long one can
    be scrolled to its last line."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        detail = screen.query_one(DetailText)
        screen.jump_to(files.rol.aandachtsgebieden[0])  # no editor under an area: a tall pane
        await pilot.pause()
        tall = detail.size.height
        for _ in range(2):  # the first time the pane gets lower, the range follows a frame later
            screen.jump_to(files.item("visie-r1"))
            await pilot.pause()
            screen.jump_to(files.rol.aandachtsgebieden[0])
            await pilot.pause()
        screen.jump_to(files.item("visie-r1"))
        await pilot.pause()
        assert detail.size.height < tall
        assert detail.max_scroll_y == 0, "no blank lines to scroll into"

        await pilot.resize_terminal(SIZE[0], 16)  # now the item's text is longer than the pane
        await pilot.pause()
        last_line = render_text(detail).splitlines()[-1]
        assert not last_line.startswith("Status:")
        assert detail.max_scroll_y > 0
        detail.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert render_text(detail).rstrip().splitlines()[-1].startswith("Status:")

        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert detail.max_scroll_y == 0
