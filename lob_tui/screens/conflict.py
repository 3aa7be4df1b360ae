"""When the notes file changed on disk behind lob-tui's back.

Someone edited the file in another editor, a sync folder brought in another
computer's version, or a second lob-tui saved. Overwriting it silently would
lose their work, so saving stops and the user chooses: load the file from disk,
keep their own version, or keep both (their own as a copy beside the file).
"""

from __future__ import annotations

import asyncio

from textual.screen import Screen

from lob_tui.errors import LobFout, NotitieFout
from lob_tui.framework import Rol
from lob_tui.notes import Notities
from lob_tui.prepare import in_child
from lob_tui.screens.autosave import Autosave
from lob_tui.screens.dialogs import ConflictDialog
from lob_tui.store import NotesStore
from lob_tui.widgets.framework_tree import FrameworkTree, Knoop
from lob_tui.widgets.literal import tell


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
        if keuze == "mijn-versie":
            self.autosave.resume()
        elif keuze == "laden":
            self.reload()
        elif keuze == "kopie":
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
        path = self.store.copy_path()
        try:
            await asyncio.to_thread(
                self.store.save_copy, self.notities.copy(), path, prepare=in_child
            )
        except LobFout as fout:
            tell(self, str(fout.eerste), title="Kopie niet bewaard", severity="error")
            self.ask_conflict()
            return
        tell(self, f"Jouw versie staat in {path}", title="Kopie bewaard")
        self.reload()
