"""Scroll views whose own size never depends on what they hold.

Textual declares ``virtual_size`` (how much there is to scroll through) as a
reactive that lays out the whole screen whenever it changes, because an
auto-sized widget grows with its content. The detail pane and the note editor
take the size the stylesheet gives them (``1fr``), so their content changes
on every cursor move without changing anybody's place on the screen: a
screen layout per key is pure waste, and it was the largest cost of a move
through the tree.

A scrollbar that appears or goes away still changes the widget's inner width;
Textual's own ``show_vertical_scrollbar`` reactive lays out for that, as it
should.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView


class FixedSizeScrollView(ScrollView):
    """A ``ScrollView`` whose scroll range changes without a screen layout.

    Only for widgets sized by their parent or the stylesheet, never ``auto``:
    an auto-sized widget must be laid out when its content grows.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """As ``Widget.virtual_size``, but a change repaints this widget only."""

    def watch_virtual_size(self, size: Size) -> None:
        """Fit the scrollbars to the new range, as a layout would have done.

        ``_scroll_update`` is the private step Textual's own layout takes for
        this (textual<9 is pinned in pyproject.toml). Should an upgrade drop
        it, delete this class's ``virtual_size`` line and this method: the
        widgets stay correct, at the cost of a screen layout per change.
        """
        self._scroll_update(size)
