"""A list of choices to tick, whose ticks read without colour.

Textual's ``SelectionList`` draws the same ``X`` for a ticked and an
unticked choice and tells them apart by colour alone, which vanishes with
``NO_COLOR=1`` or on a monochrome terminal. Here each choice starts with
``[x]`` or ``[ ]``, in text; colour is left to the theme's highlight.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

TICKED, UNTICKED = "[x] ", "[ ] "


class TickList(OptionList):
    """Choices with a key each; space or Enter ticks the highlighted one on or off."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Aan- of uitvinken", show=False, id="aanvinken"),
    ]

    def __init__(
        self, choices: Sequence[tuple[str, Text]], ticked: Iterable[str], *, id: str | None = None
    ) -> None:
        self._labels = dict(choices)
        self._ticked = set(ticked) & self._labels.keys()
        options = [Option(self._prompt(key), id=key) for key, _ in choices]
        super().__init__(*options, id=id, markup=False, compact=True)

    def _prompt(self, key: str) -> Text:
        mark = TICKED if key in self._ticked else UNTICKED
        return Text.assemble((mark, "bold"), self._labels[key])

    @on(OptionList.OptionSelected)
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        """Tick or untick the chosen option; the dialog hears of the ticks when it asks."""
        event.stop()
        key = event.option.id
        if key is None:
            return
        self._ticked ^= {key}
        self.replace_option_prompt(key, self._prompt(key))

    @property
    def ticked(self) -> list[str]:
        """The keys ticked, in the list's order."""
        return [key for key in self._labels if key in self._ticked]
