"""The detail pane: every line of a node's text on screen, wrapped and scrolled as a whole."""

from __future__ import annotations

from conftest import SIZE, AppFiles, jump, main_screen, render_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.visual import Visual, visualize

from lob_tui.widgets.detail import DetailText

STYLES = st.sampled_from(["", "bold", "dim", "underline", "bold red", "italic on blue"])
LINE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=90
)


@st.composite
def styled_texts(draw: st.DrawFn) -> Text:
    """A pane text: lines of any characters (wide, combining, control), styled in parts."""
    text = Text(end="")
    for number, line in enumerate(draw(st.lists(LINE_TEXT, max_size=12))):
        if number:
            text.append("\n", style=draw(STYLES))
        start = len(text)
        text.append(line, style=draw(STYLES))
        if line and draw(st.booleans()):
            cut = draw(st.integers(0, len(line)))
            text.stylize(draw(STYLES), start, start + cut)
    return text


async def test_the_pane_wraps_line_by_line_as_the_whole_text_would(files: AppFiles) -> None:
    """Lines wrapped before are reused; what is drawn must be what wrapping it all gives."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = main_screen(app).query_one(DetailText)
        width = detail.scrollable_content_region.width

        @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(texts=st.lists(styled_texts(), min_size=1, max_size=3))
        def check(texts: list[Text]) -> None:
            for text in texts:  # one after another, as the cursor moves
                detail.show(text)
                visual = visualize(detail, text, markup=False)
                whole = Visual.to_strips(detail, visual, width, None, detail.visual_style)
                drawn = [detail.render_line(y) for y in range(len(whole))]
                assert drawn == [s.crop(0, width).apply_offsets(0, y) for y, s in enumerate(whole)]
                assert detail.render_line(len(whole)).cell_length == 0, "nothing below the text"

        check()


async def test_the_detail_pane_scrolls_to_the_end_of_its_text_and_no_further(
    files: AppFiles,
) -> None:
    """A text that fits cannot be scrolled, however the pane's height changes; a long one can
    be scrolled to its last line."""
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        detail = screen.query_one(DetailText)
        await jump(pilot, files.rol.aandachtsgebieden[0])  # no editor under an area: a tall pane
        tall = detail.size.height
        for _ in range(2):  # the first time the pane gets lower, the range follows a frame later
            await jump(pilot, files.item("visie-r1"))
            await jump(pilot, files.rol.aandachtsgebieden[0])
        await jump(pilot, files.item("visie-r1"))
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
