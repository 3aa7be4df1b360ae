"""Moving around the framework by its words: search, next and previous match, the area
filter, and the command palette's jump to an item.

Part of the main screen (``MainScreen`` mixes it in); kept apart because it
only moves the cursor and never changes the notes.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.screen import Screen
from textual.widgets import Input

from lob_tui.framework import Aandachtsgebied, Item, Rol
from lob_tui.widgets.framework_tree import FrameworkTree, Knoop
from lob_tui.widgets.literal import tell
from lob_tui.widgets.search_bar import SearchBar, matches
from lob_tui.widgets.status_line import StatusLine


class SearchMixin(Screen[None]):
    """Search, n / N, the area filter (``a``) and jumping to an item."""

    # Set by MainScreen.
    rol: Rol
    framework_tree: FrameworkTree
    status_line: StatusLine
    current: Knoop | None

    _matches: tuple[Item, ...] = ()
    _match_index: int = 0
    _query: str = ""
    _only_area: Aandachtsgebied | None = None

    def action_search(self) -> None:
        """``/``: open the search field over the bottom of the tree."""
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        """Enter in the search field: go to the first match, with the tree focused."""
        self._close_search()
        query = event.value.strip()
        if not query:
            return
        self._query = query
        self._matches = tuple(matches(query, self.searchable(self.rol.items())))
        if not self._matches:
            self.status_line.clear_match()
            waar = self.search_scope()
            tell(self, f"Geen item gevonden met '{query}'{waar}.", severity="warning")
            return
        self._match_index = 0
        self.jump_to(self._matches[0])
        self._tell_match()

    def searchable(self, items: Iterable[Item]) -> list[Item]:
        """The items a search may find (a filter narrows them)."""
        return list(items)

    def search_scope(self) -> str:
        """Where a search that found nothing looked, if not everywhere."""
        return ""

    @on(SearchBar.Cancelled)
    def _close_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = False
        self.framework_tree.focus()

    def action_next_match(self) -> None:
        """``n``: the next match of the last search, round to the first."""
        self._step(1)

    def action_previous_match(self) -> None:
        """``N``: the previous match of the last search."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self._matches:
            tell(self, "Zoek eerst met / ; daarna gaan n en N door de treffers.")
            return
        self._match_index = (self._match_index + delta) % len(self._matches)
        self.jump_to(self._matches[self._match_index])
        self._tell_match()

    def _tell_match(self) -> None:
        self.status_line.set_match(self._query, self._match_index + 1, len(self._matches))

    def jump_to(self, knoop: Knoop) -> None:
        """Put the cursor on this node, showing its area if the filter hides it."""
        if self._only_area is not None and self._area_of(knoop) is not self._only_area:
            self._filter(self._area_of(knoop))
        self.framework_tree.reveal(knoop)
        self.framework_tree.focus()

    def action_toggle_area(self) -> None:
        """``a``: all areas, or only the current one (the original's 'specifiek')."""
        knoop = self.framework_tree.current or self.current
        if self._only_area is None and knoop is not None:
            self._filter(self._area_of(knoop))
        else:
            self._filter(None)
        if knoop is not None:
            self.framework_tree.reveal(knoop)

    def _filter(self, gebied: Aandachtsgebied | None) -> None:
        self._only_area = gebied
        shown = self.rol.aandachtsgebieden if gebied is None else (gebied,)
        self.framework_tree.show_areas(shown)
        self.status_line.set_filter("" if gebied is None else gebied.naam)

    def _area_of(self, knoop: Knoop) -> Aandachtsgebied:
        if isinstance(knoop, Aandachtsgebied):
            return knoop
        gebied = self.rol.gebied(knoop.gebied_id)
        assert gebied is not None, "every section and item belongs to an area of its role"
        return gebied
