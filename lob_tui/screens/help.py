"""The help screen: every key, what the marks mean, and where the files are.

The key list is built from the bindings themselves, so it cannot drift from
what the keys do. It also reminds the user of the one rule the notes file
cannot enforce: no pupils' names in notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from lob_tui import overview
from lob_tui.notes import Status
from lob_tui.widgets.labels import NO_STATUS_MARK, NOTE_MARK, STATUS_MARKS
from lob_tui.widgets.literal import literal

_KEY_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "slash": "/",
    "question_mark": "?",
    "enter": "Enter",
    "escape": "Esc",
    "home": "Home",
    "end": "End",
    "space": "spatie",
    "shift+space": "shift+spatie",
    "f1": "F1",
}

Section = tuple[str, Sequence[BindingType]]

EDITING = Text.assemble(
    ("In de notitie verder\n", "bold underline"),
    "  De gewone toetsen van een tekstvak: pijlen, Home en End, Page Up en Page Down,\n"
    "  ctrl+z ongedaan maken, ctrl+y opnieuw, ctrl+x / ctrl+c / ctrl+v knippen, kopiëren\n"
    "  en plakken, F7 alles selecteren. Je notitie wordt vanzelf bewaard.\n",
)
"""Textual's own editing keys, summarised: the editor has too many to list one by one."""


def key_names(keys: str) -> str:
    """``"up,k"`` → ``"↑ k"``: how the help screen writes a binding's keys."""
    return " ".join(_KEY_NAMES.get(key, key) for key in keys.split(","))


KEY_COLUMN = 16
"""The least width of the help's key column; a longer key name widens it for every row."""


def key_table(sections: Sequence[Section]) -> Text:
    """Every described binding, section by section, the descriptions in one column.

    A binding's tooltip follows its description: the footer has room for one
    word, the help for the exception (Enter on an area opens it).
    """
    described = [
        [(key_names(b.key), b) for b in bindings if isinstance(b, Binding) and b.description]
        for _, bindings in sections
    ]
    width = max([KEY_COLUMN - 2, *(len(name) for rows in described for name, _ in rows)]) + 2
    text = Text(end="")
    for (heading, _), rows in zip(sections, described, strict=True):
        text.append(f"{heading}\n", style="bold underline")
        for name, binding in rows:
            text.append(f"  {name:<{width}}", style="bold")
            text.append(binding.description)
            text.append(f" ({binding.tooltip})\n" if binding.tooltip else "\n")
        text.append("\n")
    return text


def legend() -> Text:
    """What the marks in the tree mean, a row each (the screen indents them)."""
    text = Text(end="")
    for status, mark in STATUS_MARKS.items():
        text.append(f"{mark}  {status.value} (toets {status.toets})\n")
    text.append(f"{NO_STATUS_MARK}  nog geen status (toets 0 wist de status)\n")
    text.append(f"{NOTE_MARK}  er staat een notitie bij\n")
    text.append("4/7  zoveel items hebben een status of notitie, van het totaal\n")
    text.append(f"Balken (o, en bij een aandachtsgebied): {overview.legend()}\n")
    assert len(STATUS_MARKS) == len(Status)
    return text


class HelpScreen(ModalScreen[None]):
    """Lists the keys and the files; any of Escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Hulp sluiten", id="hulp-sluiten"),
    ]

    def __init__(self, sections: Sequence[Section], notes_path: Path, settings_path: Path):
        super().__init__(classes="dialog")
        self.sections = sections
        self.notes_path = notes_path
        self.settings_path = settings_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box help-box"):
            yield Static("Hulp bij lob-tui (Esc sluit)", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield from self._files()
                yield Static(Text("Tekens in de boom", style="bold underline"), id="help-legend")
                yield Static(legend(), classes="help-body")
                yield Static(key_table(self.sections), id="help-keys")
                yield Static(EDITING, id="help-editing")

    def _files(self) -> ComposeResult:
        """Where the files are, each path indented: one too long for the box wraps under
        itself, not from the box's edge."""
        for heading, path in (
            ("Je notities staan in", self.notes_path),
            ("Instellingen (thema, laatste plek)", self.settings_path),
        ):
            yield Static(Text(heading, style="bold underline"))
            yield Static(literal(str(path)), classes="help-body")
        privacy = Text(
            "Schrijf geen namen van leerlingen in je notities. lob-tui bewaart alles alleen op "
            "deze computer en bewaart vanzelf, kort nadat je stopt met typen.",
            style="italic",
        )
        yield Static(privacy, id="help-privacy")

    def action_close(self) -> None:
        """Close the help screen."""
        self.dismiss(None)
