"""The right-hand pane: what the node under the cursor says, in full.

For an item: its text, its sources spelled out from the legend, its footnote
and its status. For a section: its items in short. For an area: the progress
and status bars of both sections and their aandachtsvelden, read-only. While
another notes file is open for comparison (``ander``), its status, note or
aandachtsveld follows the user's own. Every framework text and note is shown
literally (see ``literal``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize

from lob_tui.framework import Aandachtsgebied, Item, Raamwerk, Sectie
from lob_tui.notes import Notities
from lob_tui.overview import count_items, label
from lob_tui.report import NotesFile
from lob_tui.widgets.fixed_size import FixedSizeScrollView
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

LINE_CACHE_SIZE = 2000
"""Wrapped lines the pane keeps (a few hundred nodes' worth); then it starts again."""

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


def changed_runs(before: list[Strip], after: list[Strip]) -> list[tuple[int, int]]:
    """The runs of lines (first line, count) that differ between two wrapped texts."""
    runs: list[tuple[int, int]] = []
    for y in range(max(len(before), len(after))):
        same = y < len(before) and y < len(after) and before[y] == after[y]
        if same:
            continue
        if runs and runs[-1][0] + runs[-1][1] == y:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((y, 1))
    return runs


class DetailText(FixedSizeScrollView):
    """The pane's text, drawn line by line and scrolled by itself.

    Moving the cursor changes this text on every key. In a ``Static`` inside
    a scrolling container each change altered the Static's height and so
    asked Textual to lay out the whole screen again; here the text is wrapped
    to the width once, and only this widget repaints.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text(end="")
        self._lines: list[Strip] = []
        self._wrapped_at = -1
        self._least_height = 0
        self._line_cache: dict[Hashable, list[Strip]] = {}
        self._wrapped_for: tuple[int, VisualStyle] | None = None

    def render(self) -> Text:
        """The whole text, unwrapped (the screen draws it through ``render_line``)."""
        return self.text

    def show(self, text: Text) -> None:
        """Show this text from its first line, repainting only the lines that changed.

        Two nodes' texts often share lines (a heading, the sources, the
        status), and below the text the pane stays blank; a status key changes
        a single line. Unchanged lines keep what the screen already has.
        """
        before, wrapped_at = self._lines, self._wrapped_at
        self.text = text
        self._wrap()
        if self.scroll_offset != (0, 0) or self._wrapped_at != wrapped_at or wrapped_at < 0:
            self.scroll_to(0, 0, animate=False, immediate=True)
            self.refresh()
            return
        for start, count in changed_runs(before, self._lines):
            self.refresh_lines(start, count)

    def on_resize(self) -> None:
        """Wrap the text again for the new width; a new height changes the scroll range."""
        if self.scrollable_content_region.width != self._wrapped_at:
            self._wrap()
            self.refresh()
        else:
            self._fit_range()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:  # not laid out yet: wrapped on the first resize
            self._lines, self._wrapped_at = [], -1
            return
        style = self.visual_style
        if (width, style) != self._wrapped_for:
            self._wrapped_for = (width, style)
            self._line_cache.clear()
        lines: list[Strip] = []
        for line in self.text.split("\n", allow_blank=True):
            lines.extend(self._wrap_line(line, width, style))
        self._lines = lines
        self._wrapped_at = width
        self._fit_range()

    def _wrap_line(self, line: Text, width: int, style: VisualStyle) -> list[Strip]:
        """One line of the text wrapped to the width, as it was last time if it was there.

        A move or a status key changes a few of the pane's lines; the rest (a
        heading, the sources, an item's text) were wrapped before, and
        wrapping is most of what showing a node costs. A line wraps the same
        on its own as within the whole text.
        """
        key = (line.plain, tuple(line.spans), line.style)
        strips = self._line_cache.get(key)
        if strips is None:
            if len(self._line_cache) >= LINE_CACHE_SIZE:
                self._line_cache.clear()
            visual = visualize(self, line, markup=False)
            strips = self._line_cache[key] = Visual.to_strips(self, visual, width, None, style)
        return strips

    def _fit_range(self) -> None:
        """Scroll through the text, or through a few blank lines if the text is shorter.

        Most texts fit: then the range stays the same from one node to the
        next, and the scrollbar, which Textual draws anew whenever the range
        changes (dearer than the text itself), keeps what the screen has. The
        blank lines are as many as the pane's lowest height so far, so there
        is never anything to scroll to below a short text; only in the frame
        in which the pane first gets lower than that, the scrollbar is wrong
        until ``on_resize`` sets the range again.
        """
        height = self.scrollable_content_region.height
        if height > 0:
            self._least_height = min(self._least_height or height, height)
        virtual = Size(self._wrapped_at, max(len(self._lines), self._least_height))
        if self._wrapped_at > 0 and virtual != self.virtual_size:
            # Without the reactive's repaint of every line: show() repaints what changed.
            self.set_reactive(DetailText.virtual_size, virtual)
            self.watch_virtual_size(virtual)

    def render_line(self, y: int) -> Strip:
        """One line of the pane, as scrolled; Textual pads it to the width itself."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if width != self._wrapped_at:  # a scrollbar came or went since the text was wrapped
            self._wrap()
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip([])
        return self._lines[index].crop(scroll_x, scroll_x + width).apply_offsets(scroll_x, index)


class DetailPane(DetailText):
    """The pane showing one node's details, scrollable when they run long.

    It is the scrolling text itself, not a container around it: a container
    lays the screen out a second time whenever its size changes (Textual
    gives it a new virtual size), and the pane's size changes when the editor
    below it comes or goes.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = GLANCE_CLASSES

    def show_node(
        self,
        knoop: Knoop | None,
        raamwerk: Raamwerk,
        notities: Notities,
        ander: NotesFile | None = None,
    ) -> None:
        """Show the node's details from the top."""
        width = self.scrollable_content_region.width or 40  # not laid out yet: a guess
        # An item has no bars to colour; looking the colours up costs a move a little.
        styles = None if isinstance(knoop, Item) else glance_styles(self)
        self.show(describe(knoop, raamwerk, notities, styles=styles, ander=ander, width=width))
