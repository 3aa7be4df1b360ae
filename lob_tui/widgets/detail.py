"""The right-hand pane: what the node under the cursor says, in full.

For an item: its text, its sources spelled out from the legend, its footnote
and its status. For a section: its items in short. For an area: the progress
of both sections and their aandachtsvelden, read-only. Every framework text
and note is shown literally (see ``literal``).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from lob_tui.framework import Aandachtsgebied, Item, Raamwerk, Sectie
from lob_tui.notes import Notities
from lob_tui.widgets.framework_tree import Knoop
from lob_tui.widgets.labels import item_label, progress, status_mark, status_words
from lob_tui.widgets.literal import literal

SECTION_LIMIT = 200
"""How many items a section lists in short; a huge framework must not stall a keypress."""

_SOORT_ENKELVOUD = {"rolbeschrijvingen": "Rolbeschrijving", "deskundigheden": "Deskundigheid"}


def describe(knoop: Knoop | None, raamwerk: Raamwerk, notities: Notities) -> Text:
    """The pane's text for a node of the tree."""
    if isinstance(knoop, Item):
        return _item(knoop, raamwerk, notities)
    if isinstance(knoop, Sectie):
        return _section(knoop, notities)
    if isinstance(knoop, Aandachtsgebied):
        return _area(knoop, notities)
    return Text("Kies links een aandachtsgebied, onderdeel of item.", end="")


def _item(item: Item, raamwerk: Raamwerk, notities: Notities) -> Text:
    text = Text(end="")
    text.append(f"{_SOORT_ENKELVOUD[item.soort.value]}\n", style="dim")
    text.append_text(literal(item.tekst, "bold"))
    text.append("\n\n")

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

    status = notities.item(item.id).status
    text.append("Status: ", style="underline")
    text.append_text(status_mark(status))
    text.append(f" {status_words(status)}")
    return text


def _section(sectie: Sectie, notities: Notities) -> Text:
    text = Text(end="")
    text.append(f"{sectie.titel}  {progress(sectie.items, notities)}\n\n", style="bold")
    for item in sectie.items[:SECTION_LIMIT]:
        text.append_text(item_label(item, notities))
        text.append("\n")
    hidden = len(sectie.items) - SECTION_LIMIT
    if hidden > 0:
        text.append(f"… en nog {hidden} items (open het onderdeel in de boom)\n", style="dim")
    return text


def _area(gebied: Aandachtsgebied, notities: Notities) -> Text:
    text = Text(end="")
    text.append_text(literal(gebied.naam, "bold"))
    text.append(f"  {progress(gebied.items, notities)}\n", style="bold")
    for sectie in gebied.secties:
        text.append(f"\n{sectie.titel}  {progress(sectie.items, notities)}\n", style="underline")
        veld = notities.veld(sectie.id).tekst
        text.append("Aandachtsveld: ", style="dim")
        if veld:
            text.append("\n")
            text.append_text(literal(veld))
        else:
            text.append("(nog leeg; kies het onderdeel en druk Enter)", style="dim italic")
        text.append("\n")
    return text


class DetailPane(VerticalScroll):
    """A scrollable pane showing one node's details."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-text")

    def show(self, knoop: Knoop | None, raamwerk: Raamwerk, notities: Notities) -> None:
        """Show the node's details and scroll back to the top."""
        self.query_one("#detail-text", Static).update(describe(knoop, raamwerk, notities))
        self.scroll_home(animate=False)
