"""What the right-hand side shows besides one node: the whole role at a glance, and
another person's notes beside the user's own.

Part of the main screen (``MainScreen`` mixes it in). The overview (``o``)
takes the place of the detail pane and the editor while the tree keeps the
focus, so a user can walk the items, press 1, 2 or 3, and watch the bars
change. A comparison (``v``) opens a second notes file read-only; from then
on the detail pane shows its status and note under the user's own, until
``V`` closes it. That file is read once and never written.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.screen import Screen

from lob_tui.framework import Raamwerk, Rol
from lob_tui.notes import Notities
from lob_tui.report import NotesFile
from lob_tui.store import NotesStore
from lob_tui.widgets.framework_tree import FrameworkTree, Knoop
from lob_tui.widgets.glance import GlanceView
from lob_tui.widgets.literal import tell
from lob_tui.widgets.status_line import StatusLine

WIDE_ENOUGH = 110
"""A screen this wide shows the overview beside the tree, its names and bars on one line."""


class PanesMixin(Screen[None]):
    """``o`` toggles the overview; ``v`` opens a comparison and ``V`` closes it."""

    # Set by MainScreen.
    raamwerk: Raamwerk
    rol: Rol
    notities: Notities
    framework_tree: FrameworkTree
    status_line: StatusLine
    current: Knoop | None
    store: NotesStore

    ander: NotesFile | None = None
    overview_shown: bool = False

    def show(self, knoop: Knoop) -> None:
        """Show a node; MainScreen provides this."""
        raise NotImplementedError

    def show_details(self, shown: bool) -> None:
        """Show or hide the node's details and note; MainScreen provides this."""
        raise NotImplementedError

    def action_toggle_overview(self) -> None:
        """``o``: the role's bars instead of the details, or the details again."""
        self.set_overview(not self.overview_shown)

    def set_overview(self, shown: bool) -> None:
        """Show the overview (True) or the node's details and note (False)."""
        self.overview_shown = shown
        self.show_details(not shown)
        self.query_one(GlanceView).display = shown
        self._fit_overview()
        self.update_overview()

    def _fit_overview(self) -> None:
        """Beside the tree when there is room, else over the whole width.

        Beside the tree the bars change as the user sets statuses; on a narrow
        screen that would leave them no room for the areas' names.
        """
        alone = self.overview_shown and self.size.width < WIDE_ENOUGH
        self.set_class(alone, "-overzicht-alleen")
        if alone:
            self.query_one(GlanceView).focus()
        elif self.overview_shown or self.focused is self.query_one(GlanceView):
            self.framework_tree.focus()  # the editor is hidden under the overview

    def on_resize(self) -> None:
        """Place the overview again for the new width."""
        if self.overview_shown:
            self._fit_overview()

    def update_overview(self) -> None:
        """Draw the overview again from the notes, if it is on screen."""
        if self.overview_shown:
            others = [] if self.ander is None else [(self.ander.naam, self.ander.notities)]
            self.query_one(GlanceView).show(self.notities, others)

    def action_compare(self) -> None:
        """``v``: ask for a second notes file and open it read-only."""
        from lob_tui.screens.compare_dialog import CompareDialog

        dialog = CompareDialog(self.raamwerk, self.rol, self.store.path)
        self.app.push_screen(dialog, self.compare_with)

    def compare_with(self, ander: NotesFile | None) -> None:
        """Show this file's notes beside the user's own (None: the dialog was cancelled)."""
        if ander is None:
            return
        self.ander = ander
        self.set_class(True, "-vergelijken")
        self.status_line.set_compare(ander.naam)
        self._show_again()
        tell(
            self,
            f"Naast je eigen notities staan nu die uit {ander.path} (alleen lezen). V sluit.",
            title=f"Vergelijken met {ander.naam}",
            timeout=6,
        )

    def action_close_compare(self) -> None:
        """``V``: only the user's own notes again."""
        if self.ander is None:
            tell(self, "Er is geen vergelijking open (v opent er een).")
            return
        self.ander = None
        self.set_class(False, "-vergelijken")
        self.status_line.set_compare("")
        self._show_again()

    def _show_again(self) -> None:
        if self.current is not None:
            self.show(self.current)
        self.update_overview()

    def pane_commands(self) -> Iterable[SystemCommand]:
        """The overview's and the comparison's entries in the command palette."""
        yield SystemCommand(
            "Overzicht", "Alle aandachtsgebieden in één beeld (o)", self.action_toggle_overview
        )
        yield SystemCommand(
            "Vergelijken", "Een ander notitiebestand ernaast, alleen lezen (v)", self.action_compare
        )
        yield SystemCommand(
            "Vergelijking sluiten", "Alleen je eigen notities (V)", self.action_close_compare
        )
