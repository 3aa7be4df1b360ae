"""The command palette's sources: the app's actions, the framework's items, the themes.

The actions come from ``LobApp.get_system_commands``; items are found the same
way as ``/`` finds them (accents and case do not matter). Item texts are shown
literally; Textual's highlighter would read them as markup, so it is not used.

Textual's palette says "No matches found" when its sources find nothing; each
source here says so itself, in Dutch, so that the palette never shows that.
"""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits
from textual.content import Content
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider

from lob_tui.screens.main import MainScreen
from lob_tui.widgets.literal import visible
from lob_tui.widgets.search_bar import matches

MAX_HITS = 30
"""How many items the palette lists for one query."""


class ActionsAndItems(SystemCommandsProvider):
    """The app's actions by name, and items by the words in their text."""

    async def search(self, query: str) -> Hits:
        """Actions matching what was typed, then items holding every word of it."""
        async for hit in or_nothing_found(self._actions_and_items(query), query, "opdracht"):
            yield hit

    async def _actions_and_items(self, query: str) -> Hits:
        async for hit in super().search(query):
            yield hit
        for hit in self._items(query):
            yield hit

    def _items(self, query: str) -> list[Hit]:
        """Items whose text holds every word typed (at least two letters)."""
        screen = self.screen
        if not isinstance(screen, MainScreen) or len(query.strip()) < 2:
            return []
        hits = []
        for rank, item in enumerate(matches(query, screen.rol.items())[:MAX_HITS]):
            gebied = screen.rol.gebied(item.gebied_id)
            where = f"naar dit item in {gebied.naam if gebied else item.gebied_id}"
            hits.append(
                Hit(
                    1.0 - rank / (MAX_HITS * 2),
                    _two_lines(item.tekst, where),
                    partial(screen.jump_to, item),
                    text=item.tekst,
                )
            )
        return hits


class Themes(ThemeProvider):
    """Textual's themes, saying in Dutch when none matches."""

    async def search(self, query: str) -> Hits:
        async for hit in or_nothing_found(super().search(query), query, "thema"):
            yield hit


async def or_nothing_found(hits: Hits, query: str, wat: str) -> Hits:
    """The hits; if there are none for a query, one that says so (choosing it does nothing)."""
    found = False
    async for hit in hits:
        found = True
        yield hit
    if not found and query.strip():
        said = Content(f"Geen {wat} gevonden met '{visible(query, multiline=False)}'")
        yield Hit(0.0, said, _nothing, text=said.plain, help="Probeer andere woorden.")


def _nothing() -> None:
    """What choosing 'nothing found' does: the palette closes, nothing else."""


def _two_lines(first: str, second: str) -> Content:
    """The item's text, and below it, dimmed, where it is: both literal.

    Built as ``Content`` because the palette reads a plain string (and the
    ``help`` line) as markup.
    """
    top = visible(first, multiline=False)
    return Content(f"{top}\n{visible(second, multiline=False)}").stylize("dim", len(top) + 1)
