"""Small modal dialogs for what blocks: a file that cannot be opened, notes not saved,
a notes file that someone else changed.

Events go to ``notify``; these are for the moments the user must read and
decide before going on. Their texts come from ``LobFout`` problems and paths,
so they are shown literally.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from lob_tui.widgets.literal import literal


class MessageDialog(ModalScreen[None]):
    """A message with one button; Enter or Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Sluiten", id="melding-sluiten"),
    ]

    def __init__(self, title: str, message: str, *, button: str = "OK") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.message = message
        self.button = button

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.title_text), classes="dialog-title")
            yield Static(literal(self.message), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.button, variant="primary", id="sluiten")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Close the message."""
        self.dismiss(None)


class QuitDialog(ModalScreen[bool]):
    """Quitting while the notes are not saved: go back, or quit anyway."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "Terug naar de app", id="stoppen-terug"),
        Binding("s", "answer(True)", "Toch stoppen", id="stoppen-toch"),
    ]

    def __init__(self, reden: str) -> None:
        super().__init__(classes="dialog")
        self.reden = reden

    def compose(self) -> ComposeResult:
        text = literal("Je laatste wijzigingen staan nog niet in het notitiebestand.\n\n")
        text.append_text(literal(self.reden, "bold"))
        text.append(
            "\n\nGa terug en probeer het opnieuw (ctrl+s), of kopieer je tekst eerst. "
            "Stop je toch, dan ben je die wijzigingen kwijt."
        )
        with Vertical(classes="dialog-box"):
            yield Static("Niet bewaard", classes="dialog-title")
            yield Static(text, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Terug (Esc)", variant="primary", id="terug")
                yield Button("Toch stoppen (s)", variant="error", id="stoppen")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "stoppen")

    def action_answer(self, quit_anyway: bool) -> None:
        """Answer the question by key."""
        self.dismiss(quit_anyway)


class ConflictDialog(ModalScreen[str]):
    """Asks what to do with a notes file that someone else changed (see ``conflict``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "choose('laden')", "Bestand laden", id="conflict-laden"),
        Binding("m", "choose('mijn-versie')", "Mijn versie", id="conflict-mijn"),
        Binding("k", "choose('kopie')", "Allebei", id="conflict-kopie"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__(classes="dialog")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Het notitiebestand is buiten lob-tui gewijzigd", classes="dialog-title")
            text = literal(str(self.path), "bold")
            text.append(
                "\n\nIemand (of iets) heeft het bestand veranderd sinds lob-tui het las. "
                "Wat wil je doen? Tot je kiest, wordt er niets bewaard."
            )
            yield Static(text, classes="dialog-text")
            with Vertical(classes="dialog-choices"):
                # Compact buttons: all three must fit on an 80x24 screen.
                yield Button(
                    "l  Laad het bestand (mijn wijzigingen vervallen)", id="laden", compact=True
                )
                yield Button(
                    "m  Bewaar mijn versie (over het bestand heen)", id="mijn-versie", compact=True
                )
                yield Button(
                    "k  Allebei: mijn versie als kopie, dan laden", id="kopie", compact=True
                )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, keuze: str) -> None:
        """A key for one of the three choices."""
        self.dismiss(keuze)
