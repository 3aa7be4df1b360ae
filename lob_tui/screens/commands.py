"""The command palette's own source: jump to an item by words from its text.

The palette's list of actions comes from ``LobApp.get_system_commands``; this
provider adds the framework's items, found the same way as ``/`` finds them
(accents and case do not matter). Item texts are shown literally; Textual's
highlighter would read them as markup, so it is not used.
"""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from lob_tui.screens.main import MainScreen
from lob_tui.widgets.literal import visible
from lob_tui.widgets.search_bar import matches

MAX_HITS = 30
"""How many items the palette lists for one query."""


class JumpToItem(Provider):
    """Finds items by the words in their text and jumps to the chosen one."""

    async def search(self, query: str) -> Hits:
        """Items whose text holds every word typed (at least two letters)."""
        screen = self.screen
        if not isinstance(screen, MainScreen) or len(query.strip()) < 2:
            return
        found = matches(query, screen.rol.items())
        for rank, item in enumerate(found[:MAX_HITS]):
            gebied = screen.rol.gebied(item.gebied_id)
            where = f"naar dit item in {gebied.naam if gebied else item.gebied_id}"
            yield Hit(
                1.0 - rank / (MAX_HITS * 2),
                _two_lines(item.tekst, where),
                partial(screen.jump_to, item),
                text=item.tekst,
            )


def _two_lines(first: str, second: str) -> Content:
    """The item's text, and below it, dimmed, where it is: both literal.

    Built as ``Content`` because the palette reads a plain string (and the
    ``help`` line) as markup.
    """
    top = visible(first, multiline=False)
    return Content(f"{top}\n{visible(second, multiline=False)}").stylize("dim", len(top) + 1)
