"""The in-app export: a preview of the overview, its options, and a key that writes it.

The overview is what the user takes to a colleague, so they should see it
before it is written: the preview is the export's own Markdown, rendered. The
options are those of ``lob-tui export``: only the current area or all, only
what has a status or note, Markdown or HTML. A filter on in the tree (``f``)
carries over: the export then lists the same items the tree shows. The file
goes beside the notes, named after them and the date, and the app says where.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from lob_tui import export
from lob_tui.errors import LobFout
from lob_tui.filters import Filter
from lob_tui.framework import Aandachtsgebied, Raamwerk, Rol
from lob_tui.notes import Notities
from lob_tui.widgets.footer import KeyFooter
from lob_tui.widgets.literal import literal, tell
from lob_tui.widgets.title_bar import TitleBar


class ExportScreen(Screen[None]):
    """Preview the overview, change the options, and write it with ``w``."""

    # Writing and going back first: a narrow footer leaves out the keys at its end, and the
    # options line above the preview names the option keys as well.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "write", "Wegschrijven", id="export-schrijven"),
        Binding("escape", "close", "Terug", id="export-terug"),
        Binding("g", "toggle_area", "Gebied: dit / alle", id="export-gebied"),
        Binding("i", "toggle_noted", "Alleen ingevuld", id="export-ingevuld"),
        Binding("f", "toggle_format", "Markdown / HTML", id="export-formaat"),
    ]

    def __init__(
        self,
        raamwerk: Raamwerk,
        rol: Rol,
        notities: Notities,
        notes_path: Path,
        gebied: Aandachtsgebied,
        item_filter: Filter | None = None,
    ) -> None:
        super().__init__()
        self.raamwerk, self.rol, self.notities = raamwerk, rol, notities
        self.notes_path = notes_path
        self.gebied = gebied
        item_filter = item_filter or Filter()
        self.opties = export.Opties(statussen=item_filter.statussen, bronnen=item_filter.bronnen)
        self.title = "lob-tui"
        self.sub_title = "overzicht exporteren"

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title or "", self.sub_title or "")
        yield Static(id="export-options")
        with VerticalScroll(id="export-scroll"):
            yield Markdown(id="export-preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._refresh_preview()
        self.query_one("#export-scroll").focus()  # arrows and Page keys scroll the preview

    @property
    def today(self) -> date:
        """The export's date (a property so a test can fix it)."""
        return date.today()

    @property
    def target(self) -> Path:
        """Where ``w`` writes the export."""
        return export.default_export_path(self.notes_path, self.opties.formaat, self.today)

    def _refresh_preview(self) -> None:
        self.query_one("#export-options", Static).update(self._describe_options())
        try:
            text = export.markdown(self.raamwerk, self.rol, self.notities, self.opties, self.today)
        except LobFout as fout:
            text = f"Geen voorbeeld: {fout.eerste.melding}"
        self.query_one(Markdown).update(text)

    def _describe_options(self) -> Text:
        opties = self.opties
        text = Text("Gebied (g): ", end="")
        if opties.gebieden:
            text.append_text(literal(self.gebied.naam, "bold"))
        else:
            text.append("alle", style="bold")
        text.append("  ·  Alleen ingevuld (i): ")
        text.append("ja" if opties.alleen_ingevuld else "nee", style="bold")
        text.append("  ·  Formaat (f): ")
        text.append("HTML" if opties.formaat == "html" else "Markdown", style="bold")
        for line in Filter(opties.statussen, opties.bronnen).describe(self.raamwerk):
            text.append("\nFilter uit de boom: ")
            text.append_text(literal(line.replace("\n", " "), "bold"))
        text.append("\nWordt geschreven naar ")
        text.append_text(literal(str(self.target), "italic"))
        return text

    def _change(self, **changes: object) -> None:
        """Change some options and keep the rest, the tree's filter among them."""
        self.opties = replace(self.opties, **changes)  # type: ignore[arg-type]
        self._refresh_preview()

    def action_toggle_area(self) -> None:
        """``g``: only the current area, or all areas."""
        self._change(gebieden=() if self.opties.gebieden else (self.gebied.id,))

    def action_toggle_noted(self) -> None:
        """``i``: only items and sections with a status or note."""
        self._change(alleen_ingevuld=not self.opties.alleen_ingevuld)

    def action_toggle_format(self) -> None:
        """``f``: Markdown or a printable HTML page."""
        self._change(formaat="markdown" if self.opties.formaat == "html" else "html")

    def action_write(self) -> None:
        """``w``: write the export beside the notes file, in a thread."""
        self.run_worker(self._write(), group="export", exclusive=True)

    async def _write(self) -> None:
        path = self.target
        try:
            text = export.render(self.raamwerk, self.rol, self.notities, self.opties, self.today)
            await asyncio.to_thread(export.write_export, text, path)
        except LobFout as fout:
            tell(self, fout.eerste.melding, title="Niet geëxporteerd", severity="error")
            return
        tell(self, f"Het overzicht staat in {path}", title="Geëxporteerd", timeout=8)

    def action_close(self) -> None:
        """Escape: back to the framework."""
        self.dismiss(None)
