"""When the notes file changed on disk behind lob-tui's back.

Someone edited the file in another editor, a sync folder brought in another
computer's version, or a second lob-tui saved. Overwriting it silently would
lose their work, so saving stops and the user chooses: load the file from disk,
keep their own version, or keep both (their own as a copy beside the file).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from lob_tui.errors import LobFout, NotitieFout
from lob_tui.framework import Rol
from lob_tui.notes import Notities
from lob_tui.screens.autosave import Autosave
from lob_tui.store import NotesStore
from lob_tui.widgets.framework_tree import FrameworkTree, Knoop
from lob_tui.widgets.literal import literal, tell

LADEN, MIJN_VERSIE, KOPIE = "laden", "mijn-versie", "kopie"


def copy_path(path: Path, when: datetime | None = None) -> Path:
    """``notities.toml`` → ``notities.kopie-20261203-101500.toml``, beside the original."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.kopie-{stamp}{path.suffix or '.toml'}")


class ConflictDialog(ModalScreen[str]):
    """Asks what to do with a notes file that someone else changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", f"choose('{LADEN}')", "Bestand laden", id="conflict-laden"),
        Binding("m", f"choose('{MIJN_VERSIE}')", "Mijn versie", id="conflict-mijn"),
        Binding("k", f"choose('{KOPIE}')", "Allebei", id="conflict-kopie"),
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
                yield Button("l  Laad het bestand (mijn wijzigingen vervallen)", id=LADEN)
                yield Button("m  Bewaar mijn versie (over het bestand heen)", id=MIJN_VERSIE)
                yield Button("k  Allebei: mijn versie als kopie, dan laden", id=KOPIE)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, keuze: str) -> None:
        """A key for one of the three choices."""
        self.dismiss(keuze)


class ConflictMixin(Screen[None]):
    """The main screen's handling of a conflict reported by the autosave."""

    # Set by MainScreen.
    rol: Rol
    store: NotesStore
    notities: Notities
    autosave: Autosave
    framework_tree: FrameworkTree
    current: Knoop | None

    def show(self, knoop: Knoop) -> None:
        """Show a node; MainScreen provides this."""
        raise NotImplementedError

    def ask_conflict(self) -> None:
        """Ask the user what to do, once; the dialog's answer resolves it."""
        if not isinstance(self.app.screen, ConflictDialog):
            self.app.push_screen(ConflictDialog(self.store.path), self._resolve)

    def _resolve(self, keuze: str | None) -> None:
        if keuze == MIJN_VERSIE:
            self.autosave.resume()
        elif keuze == LADEN:
            self.reload()
        elif keuze == KOPIE:
            self.run_worker(self._copy_then_reload(), group="conflict")

    def reload(self) -> None:
        """Read the notes file again and show what it holds."""
        try:
            notities = self.store.load(self.rol.id)
        except NotitieFout as fout:
            tell(self, str(fout.eerste), title="Bestand niet te laden", severity="error")
            return
        self.notities = self.framework_tree.notities = notities
        self.autosave.reset(notities)
        self.framework_tree.relabel_all()
        if self.current is not None:
            self.show(self.current)
        tell(self, f"Geladen uit {self.store.path}")

    async def _copy_then_reload(self) -> None:
        path = copy_path(self.store.path)
        try:
            await asyncio.to_thread(self.store.save_copy, self.notities.copy(), path)
        except LobFout as fout:
            tell(self, str(fout.eerste), title="Kopie niet bewaard", severity="error")
            self.ask_conflict()
            return
        tell(self, f"Jouw versie staat in {path}", title="Kopie bewaard")
        self.reload()
