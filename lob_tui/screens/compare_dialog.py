"""Asking which notes file to compare with: last year's, or a colleague's.

The file is read by ``report.load_readonly``, the reader ``lob-tui compare``
uses, so the app refuses exactly what the command refuses (a missing file,
a broken one, another role or framework) with the same Dutch message. A
mistake keeps the dialog open with the message under the field, so the user
can mend the path instead of starting over. The file is only ever read.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from lob_tui.errors import NotitieFout
from lob_tui.framework import Raamwerk, Rol
from lob_tui.report import NotesFile, load_readonly
from lob_tui.widgets.literal import literal

MAX_PROBLEMS = 3
"""How many problems of a broken file the dialog lists; the first says the most."""


def chosen_path(typed: str) -> Path | None:
    """The path as typed, with ``~`` for the home folder; None when nothing was typed.

    The field starts with the user's notes folder. A path typed after it that
    begins anew, with ``/`` or ``~/`` (``…/lob-tui//tmp/a.toml``,
    ``…/lob-tui/~/a.toml``), counts from there, as in Emacs's file prompts:
    whoever types a whole path need not clear the folder first.
    """
    typed = typed.strip()
    restart = max(typed.rfind(os.sep + os.sep), typed.rfind(os.sep + "~" + os.sep))
    if restart >= 0:
        typed = typed[restart + 1 :]
    return Path(os.path.expanduser(typed)) if typed else None


def is_same_file(a: Path, b: Path) -> bool:
    """Whether both paths name one file (a missing file is the same as nothing)."""
    try:
        return a.samefile(b)
    except OSError:
        return False


class CompareDialog(ModalScreen[NotesFile | None]):
    """A field for the path; Enter opens the file read-only, Escape changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="vergelijken-annuleren"),
    ]

    def __init__(self, raamwerk: Raamwerk, rol: Rol, eigen: Path) -> None:
        super().__init__(classes="dialog")
        self.raamwerk, self.rol, self.eigen = raamwerk, rol, eigen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Vergelijken met een ander notitiebestand", classes="dialog-title")
            yield Static(
                "Bijvoorbeeld je notities van vorig jaar, of die van een collega met "
                "dezelfde rol. Het bestand wordt alleen gelezen, nooit veranderd. Typ een "
                "naam achter de map, of een heel pad: wat met / of ~/ begint, telt vanaf daar.",
                classes="dialog-text",
            )
            yield Input(
                str(self.eigen.parent) + os.sep,
                placeholder="Pad van het notitiebestand, bijvoorbeeld ~/notities-2024.toml",
                id="vergelijk-pad",
                select_on_focus=False,  # the folder is a start: type the name after it
            )
            yield Static(id="vergelijk-fout", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Openen (Enter)", variant="primary", id="openen", compact=True)
                yield Button("Annuleren (Esc)", id="annuleren", compact=True)

    def on_mount(self) -> None:
        """No error yet; the cursor after the folder, ready for a file name."""
        self.query_one("#vergelijk-fout").display = False
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#openen")
    def _open(self) -> None:
        """Check the path, then read the file in a thread: a network folder may be slow."""
        path = chosen_path(self.query_one(Input).value)
        if path is None:
            self.show_error("Vul het pad van een notitiebestand in.")
        elif is_same_file(path, self.eigen):
            self.show_error(
                "Dat is je eigen notitiebestand. Kies een ander, bijvoorbeeld dat van vorig jaar."
            )
        else:
            self.run_worker(self._read(path), group="vergelijken", exclusive=True)

    async def _read(self, path: Path) -> None:
        try:
            ander = await asyncio.to_thread(load_readonly, path, self.raamwerk, self.rol)
        except NotitieFout as fout:
            self.show_error("\n".join(str(p) for p in fout.problemen[:MAX_PROBLEMS]))
            return
        self.dismiss(ander)

    @on(Button.Pressed, "#annuleren")
    def action_cancel(self) -> None:
        """Close the dialog; the comparison stays as it was."""
        self.dismiss(None)

    def show_error(self, melding: str) -> None:
        """Say under the field what is wrong, literally (a path may hold anything)."""
        fout = self.query_one("#vergelijk-fout", Static)
        fout.update(literal(melding, "bold"))
        fout.display = True
