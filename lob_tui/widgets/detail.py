"""The right-hand pane: what the node under the cursor says, in full.

For an item: its text, its sources spelled out from the legend, its footnote
and its status. For a section: its items in short. For an area: the progress
and status bars of both sections and their aandachtsvelden, read-only. While
another notes file is open for comparison (``ander``), its status, note or
aandachtsveld follows the user's own. Every framework text and note is shown
literally (see ``literal``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from lob_tui.framework import Aandachtsgebied, Item, Raamwerk, Sectie
from lob_tui.notes import Notities
from lob_tui.overview import count_items, label
from lob_tui.report import NotesFile
from lob_tui.widgets.framework_tree import Knoop
from lob_tui.widgets.glance import (
    GLANCE_CLASSES,
    Styles,
    counts_line,
    glance_styles,
    legend_text,
)
from lob_tui.widgets.labels import item_label, progress, status_mark, status_words
from lob_tui.widgets.literal import literal

SECTION_LIMIT = 200
"""How many items a section lists in short; a huge framework must not stall a keypress."""

_SOORT_ENKELVOUD = {"rolbeschrijvingen": "Rolbeschrijving", "deskundigheden": "Deskundigheid"}


def describe(
    knoop: Knoop | None,
    raamwerk: Raamwerk,
    notities: Notities,
    *,
    styles: Styles | None = None,
    ander: NotesFile | None = None,
    width: int = 40,
) -> Text:
    """The pane's text for a node of the tree; ``ander``'s notes follow the user's own.

    ``styles`` colours the status bars (none: no colour); ``width`` is the
    pane's, so the bars' legend can wrap between its entries.
    """
    styles = styles or {}
    if isinstance(knoop, Item):
        return _item(knoop, raamwerk, notities, ander)
    if isinstance(knoop, Sectie):
        return _section(knoop, notities, styles, ander)
    if isinstance(knoop, Aandachtsgebied):
        return _area(knoop, notities, styles, ander, width)
    return Text("Kies links een aandachtsgebied, onderdeel of item.", end="")


def _item(item: Item, raamwerk: Raamwerk, notities: Notities, ander: NotesFile | None) -> Text:
    text = Text(end="")
    text.append(f"{_SOORT_ENKELVOUD[item.soort.value]}\n", style="dim")
    text.append_text(literal(item.tekst, "bold"))
    text.append("\n\n")
    if ander is not None:  # first, so the two statuses stand together in view
        text.append_text(_status_line(notities, item))
        text.append_text(_heading_of(ander))
        text.append_text(_status_line(ander.notities, item, keys=False))
        text.append("\nNotitie: ", style="underline")
        text.append_text(_note_or_empty(ander.notities.item(item.id).tekst, "(geen notitie)"))
        text.append("\n" + "─" * 20 + "\n\n", style="dim")

    bronnen = raamwerk.bronnen_van(item)
    if bronnen:
        text.append("Bronnen\n", style="underline")
        for bron in bronnen:
            text.append(f"{bron.letter}  ", style="bold")
            text.append_text(literal(bron.titel))
            text.append("\n")
        text.append("\n")

    voetnoot = raamwerk.voetnoten.get(item.voetnoot) if item.voetnoot is not None else None
    if voetnoot is not None:
        text.append(f"Voetnoot {voetnoot.nummer}: ", style="underline")
        text.append_text(literal(voetnoot.tekst))
        text.append("\n\n")

    if ander is None:
        text.append_text(_status_line(notities, item))
    return text


def _status_line(notities: Notities, item: Item, *, keys: bool = True) -> Text:
    """``Status: ✓ beheers ik``, with the key that sets it where the user can set it."""
    status = notities.item(item.id).status
    text = Text(end="")
    text.append("Status: ", style="underline")
    text.append_text(status_mark(status))
    text.append(f" {status_words(status) if keys else label(status)}")
    return text


def _heading_of(ander: NotesFile) -> Text:
    """The line that says whose notes follow: they are not the user's own."""
    text = Text("\n── Bij ", style="bold", end="")
    text.append_text(literal(ander.naam, "bold", multiline=False))
    text.append(" (alleen lezen) ──\n", style="bold")
    return text


def _note_or_empty(tekst: str, leeg: str) -> Text:
    if not tekst:
        return Text(leeg, style="dim italic", end="")
    text = Text("\n", end="")
    text.append_text(literal(tekst))
    return text


def _section(sectie: Sectie, notities: Notities, styles: Styles, ander: NotesFile | None) -> Text:
    text = Text(end="")
    text.append(f"{sectie.titel}  {progress(sectie.items, notities)}\n", style="bold")
    text.append_text(counts_line(count_items(notities, sectie.items), styles))
    text.append("\n")
    if ander is not None:  # before the items, which may run past the pane's bottom
        text.append_text(_heading_of(ander))
        text.append_text(counts_line(count_items(ander.notities, sectie.items), styles))
        text.append("\nAandachtsveld: ", style="underline")
        text.append_text(_note_or_empty(ander.notities.veld(sectie.id).tekst, "(leeg)"))
        text.append("\n" + "─" * 20 + "\n", style="dim")
    text.append("\n")
    for item in sectie.items[:SECTION_LIMIT]:
        text.append_text(item_label(item, notities))
        text.append("\n")
    hidden = len(sectie.items) - SECTION_LIMIT
    if hidden > 0:
        text.append(f"… en nog {hidden} items (open het onderdeel in de boom)\n", style="dim")
    return text


def _area(
    gebied: Aandachtsgebied,
    notities: Notities,
    styles: Styles,
    ander: NotesFile | None,
    width: int,
) -> Text:
    text = Text(end="")
    text.append_text(literal(gebied.naam, "bold"))
    text.append(f"  {progress(gebied.items, notities)}\n", style="bold")
    text.append_text(counts_line(count_items(notities, gebied.items), styles))
    text.append("\n")
    for sectie in gebied.secties:
        text.append(f"\n{sectie.titel}  {progress(sectie.items, notities)}\n", style="underline")
        text.append_text(counts_line(count_items(notities, sectie.items), styles))
        veld = notities.veld(sectie.id).tekst
        text.append("\nAandachtsveld: ", style="dim")
        if veld:
            text.append("\n")
            text.append_text(literal(veld))
        else:
            text.append("(nog leeg; kies het onderdeel en druk Enter)", style="dim italic")
        text.append("\n")
    if ander is not None:
        text.append("\n")
        text.append_text(_heading_of(ander))
        for sectie in gebied.secties:
            text.append(f"{sectie.titel}: ")
            text.append_text(counts_line(count_items(ander.notities, sectie.items), styles))
            text.append("\n")
    text.append("\n")
    text.append_text(legend_text(styles, width))
    return text


class DetailPane(VerticalScroll):
    """A scrollable pane showing one node's details."""

    COMPONENT_CLASSES: ClassVar[set[str]] = GLANCE_CLASSES

    def compose(self) -> ComposeResult:
        yield Static(id="detail-text")

    def show(
        self,
        knoop: Knoop | None,
        raamwerk: Raamwerk,
        notities: Notities,
        ander: NotesFile | None = None,
    ) -> None:
        """Show the node's details and scroll back to the top."""
        width = self.scrollable_content_region.width or 40  # not laid out yet: a guess
        styles = glance_styles(self)
        text = describe(knoop, raamwerk, notities, styles=styles, ander=ander, width=width)
        self.query_one("#detail-text", Static).update(text)
        self.scroll_home(animate=False)
