"""The main screen: the tree on the left, the detail pane and the note on the right.

This screen owns the notes while the app runs. Widgets show them and report
what the user did; every change goes through here into the ``Notities``
model, which tells the ``Autosave`` that there is something to save.
Searching and filtering the tree (``filtering``), the overview and the
comparison with another file (``panes``) are mixed in from modules of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantBlur
from textual.screen import Screen
from textual.widgets import Static, TextArea, Tree
from textual.widgets.tree import TreeNode

from lob_tui.errors import LobFout, NotitieFout
from lob_tui.framework import Aandachtsgebied, Item, Raamwerk, Rol, Sectie
from lob_tui.notes import Notities, Status
from lob_tui.screens.autosave import FOR_PEOPLE, Autosave, Timing
from lob_tui.screens.conflict import ConflictMixin
from lob_tui.screens.filtering import FilterMixin
from lob_tui.screens.panes import PanesMixin
from lob_tui.store import NotesStore
from lob_tui.widgets.detail import DetailPane
from lob_tui.widgets.footer import KeyFooter
from lob_tui.widgets.framework_tree import FrameworkTree, Knoop, node_key
from lob_tui.widgets.glance import GlanceView
from lob_tui.widgets.literal import tell
from lob_tui.widgets.note_editor import (
    FIELD_PROMPT,
    NoteEditor,
    edit_externally,
    editor_command,
)
from lob_tui.widgets.search_bar import SearchBar
from lob_tui.widgets.status_line import Bewaarstand, StatusLine
from lob_tui.widgets.title_bar import TitleBar


def find_knoop(rol: Rol, key: str | None) -> Knoop | None:
    """The model object a remembered node key names, if the framework still has it."""
    soort, _, ident = (key or "").partition(":")
    found: Knoop | None = None
    if soort == "gebied":
        found = rol.gebied(ident)
    elif soort == "sectie":
        found = rol.sectie(ident)
    elif soort == "item":
        found = rol.item(ident)
    return found


class MainScreen(FilterMixin, PanesMixin, ConflictMixin, Screen[None]):
    """Walk the framework, set statuses and write notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the note editor itself binds ctrl+e to "end of line" (End does that too).
        Binding(
            "ctrl+e",
            "external_editor",
            "Eigen editor",
            show=False,
            priority=True,
            id="eigen-editor",
        ),
    ]

    def __init__(
        self,
        raamwerk: Raamwerk,
        rol: Rol,
        store: NotesStore,
        notities: Notities,
        *,
        start: str | None = None,
        timing: Timing = FOR_PEOPLE,
    ) -> None:
        super().__init__()
        self.raamwerk = raamwerk
        self.rol = rol
        self.store = store
        self.notities = notities
        self.current: Knoop | None = find_knoop(rol, start)
        self.framework_tree = FrameworkTree(notities, id="tree", on_move=self._moved)
        self._moved_to: TreeNode[Knoop] | None = None
        self.editor = NoteEditor(id="editor")
        self.status_line = StatusLine(store.path, id="status")
        self.autosave = Autosave(
            self,
            store,
            notities,
            on_state=self._show_state,
            on_conflict=self.ask_conflict,
            timing=timing,
        )
        self.title = "lob-tui"
        self.sub_title = rol.naam
        self._editor_title = ""

    @property
    def notes_path(self) -> Path:
        """The notes file this screen saves to."""
        return self.store.path

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title or "", self.sub_title or "")
        with Horizontal(id="body"):
            with Vertical(id="tree-pane"):
                yield Static(id="filter-banner")
                yield self.framework_tree
                yield SearchBar(id="search")
            with Vertical(id="detail-pane"):
                yield DetailPane(id="detail-text")
                yield Static(id="editor-title", markup=False)
                yield self.editor
                yield GlanceView(self.rol, id="glance")
        yield self.status_line
        yield KeyFooter()

    def on_mount(self) -> None:
        self.framework_tree.show_areas(self.rol.aandachtsgebieden)
        start = self.current or self.rol.aandachtsgebieden[0]
        self.framework_tree.reveal(start)
        self.show(start)
        self.framework_tree.focus()
        self._report_unknown()

    def _report_unknown(self) -> None:
        """Notes for ids the framework no longer has are kept in the file; say so once."""
        item_ids = (item.id for item in self.rol.items())
        sectie_ids = (s.id for gebied in self.rol.aandachtsgebieden for s in gebied.secties)
        unknown = self.notities.onbekend(item_ids, sectie_ids)
        if unknown:
            shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
            tell(
                self,
                f"{len(unknown)} notitie(s) horen bij id's die dit raamwerk niet kent ({shown}). "
                "Ze blijven in het bestand staan, maar lob-tui toont ze niet.",
                title="Notities zonder item",
                severity="warning",
                timeout=10,
            )

    # -- showing a node ---------------------------------------------------------------

    def _moved(self, node: TreeNode[Knoop]) -> None:
        """The tree's cursor is on another node: show it in the frame that draws the move."""
        if self.is_mounted:  # else the message below shows it, once everything is there
            self._moved_to = node
            self._reached(node)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Knoop]) -> None:
        """The same news as ``_moved``, a frame later: only what it has not shown yet.

        A message about a node the cursor has already left is old news.
        """
        node = event.node
        if node is self.framework_tree.cursor_node and node is not self._moved_to:
            self._moved_to = node
            self._reached(node)

    def _reached(self, node: TreeNode[Knoop]) -> None:
        """Moving to another node saves the note just left, then shows the new one."""
        self.commit_editor()
        self.autosave.save_now()
        if node.data is not None:
            self.show(node.data)

    def show(self, knoop: Knoop) -> None:
        """Show the node in the detail pane and its note, if it has one, in the editor."""
        self.current = knoop
        self.query_one(DetailPane).show_node(knoop, self.raamwerk, self.notities, self.ander)
        self.update_overview()

        title = self.query_one("#editor-title", Static)
        if isinstance(knoop, Item):
            self._title_editor(title, "Notitie bij dit item")
            self.editor.show(knoop, self.notities.item(knoop.id).tekst)
        elif isinstance(knoop, Sectie):
            # The question goes in the empty field, not the title: a title of one line
            # keeps the editor in its place from an item to a section and back.
            self._title_editor(title, f"Aandachtsveld {knoop.titel.lower()}")
            self.editor.show(knoop, self.notities.veld(knoop.id).tekst, FIELD_PROMPT)
        else:
            self.editor.show(None, "")
        self._show_editor(title, not self.overview_shown)

    def show_details(self, shown: bool) -> None:
        """The detail pane and, where the node has a note, the editor; or neither.

        They are hidden one by one rather than in a container: every container
        on the screen costs each key a little (see ``widgets/footer.py``).
        """
        self.query_one(DetailPane).display = shown
        self._show_editor(self.query_one("#editor-title", Static), shown)

    def _show_editor(self, title: Static, shown: bool) -> None:
        """The editor and its title, while the details are shown and the node has a note."""
        title.display = self.editor.display = shown and self.editor.doel is not None

    def _title_editor(self, title: Static, tekst: str) -> None:
        """Put ``tekst`` above the editor, laying out the screen only if its height changes.

        The same text again would only cost a layout; another text of the same
        number of lines changes no widget's place.
        """
        if tekst == self._editor_title:
            return
        width = title.content_region.width
        same_height = width > 0 and self._title_lines(self._editor_title, width) == (
            self._title_lines(tekst, width)
        )
        self._editor_title = tekst
        title.update(tekst, layout=not same_height)

    def _title_lines(self, tekst: str, width: int) -> int:
        return len(Text(tekst).wrap(self.app.console, width))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Knoop]) -> None:
        """Enter or a click: write the note of an item or section; a click opens or closes
        an area (Enter does that in the tree)."""
        if isinstance(event.node.data, Aandachtsgebied):
            self.framework_tree.open_or_close(event.node)
        else:
            self.set_overview(False)  # the editor is under the overview
            self.editor.focus()

    def refresh_node(self, knoop: Knoop) -> None:
        """Show a change of the notes in the tree and, if it is on screen, the pane."""
        self.framework_tree.relabel(knoop)
        if self.current is not None:
            pane = self.query_one(DetailPane)
            pane.show_node(self.current, self.raamwerk, self.notities, self.ander)
        self.update_overview()

    # -- writing notes ----------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _typed(self) -> None:
        self.commit_editor()

    def commit_editor(self) -> None:
        """Put the editor's text into the notes if it differs from what they hold.

        Comparing, rather than counting ``Changed`` events, ignores the event
        that loading a text fires, and catches a change not yet reported.
        """
        doel, tekst = self.editor.doel, self.editor.text
        if doel is None:
            return
        had_note = bool(self._text_of(doel))
        try:
            if isinstance(doel, Item):
                changed = self.notities.set_tekst(doel.id, tekst)
            else:
                changed = self.notities.set_veld(doel.id, tekst)
        except NotitieFout as fout:
            tell(self, fout.eerste.melding, title="Niet overgenomen", severity="error")
            return
        if changed:
            self.autosave.changed()
            if had_note != bool(tekst):
                self.framework_tree.relabel(doel)

    def _text_of(self, doel: Item | Sectie) -> str:
        if isinstance(doel, Item):
            return self.notities.item(doel.id).tekst
        return self.notities.veld(doel.id).tekst

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        """Leaving the editor saves at once, without waiting for the timer."""
        if event.widget is self.editor:
            self.commit_editor()
            self.autosave.save_now()

    def action_focus_tree(self) -> None:
        """Escape: back to the tree."""
        self.framework_tree.focus()

    def action_set_status(self, number: int) -> None:
        """1, 2, 3 set the item's status; 0 clears it."""
        item = self.framework_tree.current
        if not isinstance(item, Item):
            tell(self, "Een status geef je aan een item: kies eerst een item.", severity="warning")
            return
        status = list(Status)[number - 1] if number else None
        if self.notities.set_status(item.id, status):
            self.autosave.changed()
            self.refresh_node(item)

    # -- saving -----------------------------------------------------------------------

    def _show_state(self, stand: Bewaarstand, opmerking: str) -> None:
        if self.is_mounted:
            self.status_line.set_stand(stand, opmerking)

    def save(self) -> None:
        """Ctrl+S: save now and say where; in a conflict, ask again what to do."""
        self.commit_editor()
        if self.autosave.stand is Bewaarstand.CONFLICT:
            self.ask_conflict()
            return
        if not self.autosave.dirty and self.autosave.stand is Bewaarstand.BEWAARD:
            tell(self, f"Alles is al bewaard in {self.notes_path}")
            return
        self.autosave.save_now()
        self.run_worker(self._say_saved(), group="melden")

    async def _say_saved(self) -> None:
        if await self.autosave.flush():
            tell(self, f"Bewaard in {self.notes_path}", title="Bewaard")

    async def flush(self) -> bool:
        """Before quitting: take the editor's text and save it; True when all is saved."""
        self.commit_editor()
        return await self.autosave.flush()

    # -- the note in the user's own editor ----------------------------------------------

    def action_external_editor(self) -> None:
        """Ctrl+E: edit the current note in $VISUAL / $EDITOR, then take the text back."""
        doel = self.editor.doel
        if doel is None:
            tell(self, "Kies eerst een item of onderdeel; een aandachtsgebied heeft geen notitie.")
            return
        command = editor_command()
        if command is None:
            tell(self, "Geen editor gevonden: stel $VISUAL of $EDITOR in.", severity="error")
            return

        self.commit_editor()
        try:
            with self.app.suspend():
                outcome = _edit_outside(self.editor.text, command)
        except SuspendNotSupported:
            tell(self, "Deze terminal kan niet tijdelijk naar een editor.", severity="error")
            return
        if isinstance(outcome, LobFout):
            tell(self, outcome.eerste.melding, title="Notitie niet veranderd", severity="error")
            return
        tekst = outcome

        # Loading fires TextArea.Changed, but commit now so the save need not wait for it.
        self.editor.load_text(tekst)
        self.commit_editor()
        self.autosave.save_now()
        self.refresh_node(doel)

    def action_export(self) -> None:
        """``e``: preview the overview with its options, and write it from there."""
        from lob_tui.screens.export import ExportScreen  # markdown-it loads only when asked

        self.commit_editor()
        knoop = self.current or self.rol.aandachtsgebieden[0]
        gebied = knoop if isinstance(knoop, Aandachtsgebied) else self.rol.gebied(knoop.gebied_id)
        assert gebied is not None
        snapshot = self.notities.copy()
        self.app.push_screen(
            ExportScreen(
                self.raamwerk, self.rol, snapshot, self.notes_path, gebied, self.item_filter
            )
        )

    def commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        yield SystemCommand("Bewaren", "Je notities nu bewaren", self.save)
        yield SystemCommand("Zoeken", "Items zoeken op woorden (/)", self.action_search)
        for status in Status:
            yield SystemCommand(
                f"Status: {status.value}",
                f"Geef het item deze status (toets {status.toets})",
                partial(self.action_set_status, int(status.toets)),
            )
        yield SystemCommand(
            "Status wissen", "Het item zonder status (toets 0)", partial(self.action_set_status, 0)
        )
        yield SystemCommand(
            "Alle of één aandachtsgebied",
            "Wissel tussen alle en alleen dit (a)",
            self.action_toggle_area,
        )
        yield SystemCommand(
            "Notitie in eigen editor",
            "Open de notitie in $VISUAL of $EDITOR (ctrl+e)",
            self.action_external_editor,
        )
        yield from self.filter_commands()
        yield from self.pane_commands()
        yield SystemCommand(
            "Exporteren", "Voorbeeld van het overzicht, en wegschrijven (e)", self.action_export
        )
        yield SystemCommand(
            "Naar de boom", "Terug van de notitie naar de boom (Esc)", self.action_focus_tree
        )

    @property
    def position(self) -> str | None:
        """The current node's key, for the settings file."""
        return None if self.current is None else node_key(self.current)


def _edit_outside(tekst: str, command: list[str]) -> str | LobFout:
    """The text back from the user's editor, or why there is none.

    Returned, not raised: Textual gives the terminal back to the app only when
    the ``suspend()`` block around this ends normally, so an exception from an
    editor that would not start left the app frozen on a blank screen.
    """
    try:
        return edit_externally(tekst, command)
    except LobFout as fout:
        return fout
