"""Choosing a role, when the framework file holds more than one.

A school may add a role (Mentor/SLB-er, say) to its framework file; each role
has its own notes file, so the choice comes before anything is loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lob_tui.framework import Raamwerk, Rol
from lob_tui.widgets.footer import KeyFooter
from lob_tui.widgets.literal import literal, one_line
from lob_tui.widgets.title_bar import TitleBar


class RoleScreen(Screen[None]):
    """A list of the framework's roles; Enter opens one."""

    def __init__(self, raamwerk: Raamwerk, on_choice: Callable[[Rol], None]) -> None:
        super().__init__()
        self.raamwerk = raamwerk
        self.on_choice = on_choice
        self.title = "lob-tui"
        self.sub_title = "kies een rol"

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title or "", self.sub_title or "")
        yield Static(
            literal(f"{self.raamwerk.titel}\n\nWelke rol wil je doorlopen?"), id="role-intro"
        )
        yield OptionList(*(self._option(rol) for rol in self.raamwerk.rollen), id="roles")
        yield KeyFooter()

    @staticmethod
    def _option(rol: Rol) -> Option:
        label = Text.assemble(one_line(rol.naam, "bold"))
        if rol.doelgroep:
            label.append("\n")
            label.append_text(one_line(rol.doelgroep, "dim"))
        return Option(label, id=rol.id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.on_choice(self.raamwerk.rollen[event.option_index])
