"""The filter dialog: which statuses and which sources the tree should show.

Two short lists to tick: the statuses (including *nog niet bekeken*) and the
legend's sources, each with its title and how many items cite it, so the
user does not need to know what ``F`` stands for. The answer is a
``filters.Filter``, the very value the export filters with; an empty one
means "show everything".
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from lob_tui.filters import STATUS_KEUZES, Filter
from lob_tui.framework import Raamwerk, Rol
from lob_tui.notes import Notities
from lob_tui.overview import label
from lob_tui.widgets.labels import status_mark
from lob_tui.widgets.literal import one_line
from lob_tui.widgets.tick_list import TickList

Choice = tuple[str, Text]


class FilterDialog(ModalScreen[Filter | None]):
    """Tick statuses and sources; ``t`` applies, ``w`` clears, Escape changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "apply", "Toepassen", id="filter-toepassen"),
        Binding("w", "clear", "Filter wissen", id="filter-dialoog-wissen"),
        Binding("escape", "cancel", "Annuleren", id="filter-annuleren"),
    ]

    def __init__(self, raamwerk: Raamwerk, rol: Rol, notities: Notities, huidig: Filter) -> None:
        super().__init__(classes="dialog")
        self.raamwerk, self.rol, self.notities = raamwerk, rol, notities
        self.huidig = huidig

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box filter-box"):
            yield Static("Filter: welke items toont de boom?", classes="dialog-title")
            yield Static("Met een van deze statussen:", classes="filter-kop")
            statussen = [k for k, s in STATUS_KEUZES.items() if s in self.huidig.statussen]
            yield TickList(self._status_choices(), statussen, id="filter-statussen")
            yield Static("Uit een van deze bronnen:", classes="filter-kop")
            yield TickList(self._bron_choices(), self.huidig.bronnen, id="filter-bronnen")
            yield Static(
                "Spatie: aan of uit · niets aangevinkt: alles van die soort",
                classes="filter-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("t  Toepassen", variant="primary", id="toepassen", compact=True)
                yield Button("w  Wissen", id="wissen", compact=True)
                yield Button("Esc  Annuleren", id="annuleren", compact=True)

    def _status_choices(self) -> list[Choice]:
        """Each status with its tree mark and how many items have it now."""
        counts = Counter(self.notities.item(item.id).status for item in self.rol.items())
        return [
            (key, Text.assemble(status_mark(status), f" {label(status)} ({counts[status]})"))
            for key, status in STATUS_KEUZES.items()
        ]

    def _bron_choices(self) -> list[Choice]:
        """Each source the role cites, as the legend spells it, with its number of items."""
        counts = Counter(letter for item in self.rol.items() for letter in item.bronnen)
        choices = []
        for letter, bron in sorted(self.raamwerk.bronnen.items()):
            if counts[letter]:
                prompt = Text(f"{letter}  ", style="bold", end="")
                prompt.append_text(one_line(bron.titel))
                prompt.append(f" ({counts[letter]})", style="dim")
                choices.append((letter, prompt))
        return choices

    def on_mount(self) -> None:
        """Start in the statuses: the filter most people want."""
        self.query_one("#filter-statussen").focus()

    def chosen(self) -> Filter:
        """The filter the ticks describe."""
        statussen = self.query_one("#filter-statussen", TickList).ticked
        bronnen = self.query_one("#filter-bronnen", TickList).ticked
        return Filter(tuple(STATUS_KEUZES[key] for key in statussen), tuple(bronnen))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The buttons do what their keys do, for a user with a mouse."""
        if event.button.id == "toepassen":
            self.action_apply()
        elif event.button.id == "wissen":
            self.action_clear()
        else:
            self.action_cancel()

    def action_apply(self) -> None:
        """Show only the ticked items."""
        self.dismiss(self.chosen())

    def action_clear(self) -> None:
        """Show every item again."""
        self.dismiss(Filter())

    def action_cancel(self) -> None:
        """Leave the filter as it was."""
        self.dismiss(None)
