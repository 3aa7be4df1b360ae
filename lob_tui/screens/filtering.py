"""Showing only some items: those with a given status, or citing a given source.

Part of the main screen (``MainScreen`` mixes it in). Whether an item passes
is decided by ``filters.Filter``, the same value the export filters with, so
the tree and a filtered export always agree. While a filter is on, a banner
above the tree says what it keeps, with the legend entry of each source
(``F  Nice Framework``), and the status line says how to clear it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import SystemCommand
from textual.widgets import Static

from lob_tui.filters import Filter
from lob_tui.framework import Item, Raamwerk
from lob_tui.notes import Notities
from lob_tui.overview import label
from lob_tui.screens.search import SearchMixin
from lob_tui.widgets.framework_tree import Knoop
from lob_tui.widgets.labels import status_mark
from lob_tui.widgets.literal import one_line, tell

BANNER_SOURCES = 4
"""How many sources the banner names one a line; more would crowd out the tree."""


def banner_text(gekozen: Filter, raamwerk: Raamwerk, shown: int, total: int) -> Text:
    """What the banner above the tree says about the filter: what it keeps, how to clear it."""
    text = Text(f"Filter: {shown} van {total} items", style="bold", end="")
    if gekozen.statussen:
        text.append("\nStatus: ")
        for index, status in enumerate(gekozen.statussen):
            text.append(" of " if index else "")
            text.append_text(status_mark(status))
            text.append(f" {label(status)}")
    for index, letter in enumerate(gekozen.bronnen[:BANNER_SOURCES]):
        text.append("\nBron:   " if index == 0 else "\n  of    ")
        text.append(f"{letter}  ", style="bold")
        text.append_text(one_line(raamwerk.bronnen[letter].titel))
    more = len(gekozen.bronnen) - BANNER_SOURCES
    if more > 0:
        text.append(f"\n  en nog {more} bronnen: {', '.join(gekozen.bronnen[BANNER_SOURCES:])}")
    text.append("\nf wijzigt het filter, F wist het", style="dim")
    return text


class FilterMixin(SearchMixin):
    """``f`` chooses a filter, ``F`` clears it; search and jumps respect it."""

    # Set by MainScreen.
    raamwerk: Raamwerk
    notities: Notities

    item_filter: Filter = Filter()

    def commit_editor(self) -> None:
        """Take the editor's text into the notes; MainScreen provides this."""
        raise NotImplementedError

    def action_choose_filter(self) -> None:
        """``f``: the filter dialog, with the current choice ticked."""
        from lob_tui.screens.filter_dialog import FilterDialog

        self.commit_editor()  # a status filter must see the note just typed
        dialog = FilterDialog(self.raamwerk, self.rol, self.notities, self.item_filter)
        self.app.push_screen(dialog, self.apply_filter)

    def action_clear_filter(self) -> None:
        """``F``: show every item again."""
        if not self.item_filter.is_active:
            tell(self, "Er staat geen filter aan (f kiest er een).")
            return
        self.apply_filter(Filter())
        tell(self, "Filter gewist: de boom toont weer alle items.", timeout=3)

    def apply_filter(self, gekozen: Filter | None) -> None:
        """Show only the items that pass; a filter that keeps nothing is not applied."""
        if gekozen is None:
            return
        passing = gekozen.select(self.rol.items(), self.notities) if gekozen.is_active else []
        if gekozen.is_active and not passing:
            tell(self, "Geen enkel item past bij dit filter; de boom blijft zoals hij was.")
            return

        knoop = self.framework_tree.current or self.current
        self.item_filter = gekozen
        self.framework_tree.show_only(frozenset(i.id for i in passing) if passing else None)
        if self.framework_tree.is_empty:  # the one area shown (a) has no match: show all
            self._filter(None)
        self._matches = tuple(m for m in self._matches if self.framework_tree.shows(m))
        self._match_index = 0
        self.status_line.clear_match()  # the count shown was of the matches before
        self._show_banner(len(passing))
        self._put_cursor_near(knoop)

    def _show_banner(self, shown: int) -> None:
        banner = self.query_one("#filter-banner", Static)
        banner.display = self.item_filter.is_active
        if self.item_filter.is_active:
            banner.update(banner_text(self.item_filter, self.raamwerk, shown, self.rol.item_count))
        self.status_line.set_item_filter(self.item_filter.is_active)

    def _put_cursor_near(self, knoop: Knoop | None) -> None:
        """Back on the node the user was on, else its area, else the first line."""
        tree = self.framework_tree
        if knoop is not None and (tree.reveal(knoop) or tree.reveal(self._area_of(knoop))):
            return
        tree.call_after_refresh(tree.move_cursor_to_line, 0)

    def hidden(self, knoop: Knoop) -> bool:
        """Whether the filter keeps this node out of the tree."""
        if isinstance(knoop, Item):
            return not self.framework_tree.shows(knoop)
        return not self.framework_tree.shows_any(knoop.items)

    def jump_to(self, knoop: Knoop) -> None:
        """Go to the node; when the filter hides it, clear the filter first, and say so."""
        if self.hidden(knoop):
            self.apply_filter(Filter())
            tell(self, "Filter gewist om het gekozen item te tonen.", timeout=4)
        super().jump_to(knoop)

    def searchable(self, items: Iterable[Item]) -> list[Item]:
        """The items a search may find: those the tree shows."""
        return [item for item in items if self.framework_tree.shows(item)]

    def search_scope(self) -> str:
        """Where a search that found nothing looked, if not everywhere."""
        return " binnen het filter (F wist het filter)" if self.item_filter.is_active else ""

    def filter_commands(self) -> Iterable[SystemCommand]:
        """The filter's entries in the command palette."""
        yield SystemCommand(
            "Filter", "Alleen items met een status of uit een bron (f)", self.action_choose_filter
        )
        yield SystemCommand(
            "Filter wissen", "De boom toont weer alle items (F)", self.action_clear_filter
        )
