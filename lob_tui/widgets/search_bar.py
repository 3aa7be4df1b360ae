"""Finding items by the words in their text, as a decaan remembers them.

A search must not fail on how a word was typed: "orientatie" finds
"Oriëntatie", "LOB" finds "lob". Both the query and the texts are folded
(accents stripped after Unicode decomposition, then case-folded), and an item
matches when every word of the query occurs in its text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from lob_tui.framework import Item
from lob_tui.widgets.fixed_size import FixedSizeScrollView


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text without accents and case, for comparing what was typed with what is written."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


def matches(query: str, items: Iterable[Item]) -> list[Item]:
    """The items whose text holds every word of the query, in framework order."""
    words = fold(query).split()
    if not words:
        return []
    return [item for item in items if all(word in fold(item.tekst) for word in words)]


class SearchBar(Input, FixedSizeScrollView):
    """The search field over the bottom of the tree: Enter searches, Escape goes back.

    Its size is the pane's, whatever is typed: each key scrolls its text
    without laying out the screen (``FixedSizeScrollView``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Terug naar de boom", id="zoeken-annuleren"),
    ]

    class Cancelled(Message):
        """The user left the search field without searching."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="Zoek in de teksten (Enter: eerste treffer, Esc: terug)",
            id=id,
        )

    def action_cancel(self) -> None:
        """Leave the field; the screen hides it and returns to the tree."""
        self.post_message(self.Cancelled())
