"""Where someone stands at a glance: status bars for the role, its areas and sections.

The numbers and the bar's characters come from ``overview`` (the export and
the team report draw from the same), so the app shows exactly what a printout
shows. A bar is read by the *shape* of its characters (``█ ▒ ░ ·``) and the
counts beside it; colour only repeats that, and comes from the stylesheet
through component classes, so a theme or ``NO_COLOR=1`` changes nothing
that matters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from lob_tui.framework import Rol
from lob_tui.notes import Notities, Status
from lob_tui.overview import GLYPHS, STATUSES, Row, StatusCounts, bar, label, overview
from lob_tui.widgets.literal import one_line

Styles = Mapping[Status | None, Style]
"""The colour of each status's glyph (empty: no colour at all)."""

CLASS_OF: dict[Status | None, str] = {
    Status.BEHEERS_IK: "glance--beheers-ik",
    Status.WIL_IK_ONTWIKKELEN: "glance--wil-ik-ontwikkelen",
    Status.BESPREKEN: "glance--bespreken",
    None: "glance--nog-niet-bekeken",
}
"""The component class that colours each status's glyph (see ``styles/main.tcss``)."""

GLANCE_CLASSES = set(CLASS_OF.values())

ONE_LINE_WIDTH = 56
"""From this width on, a row's name, bar and counts share one line."""

BAR_LIMIT = 30
"""The widest a bar gets in the detail pane: beyond, it is scaled rather than one per item."""

_STATUS_OF_GLYPH = {glyph: status for status, glyph in GLYPHS.items()}


def glance_styles(widget: Widget) -> dict[Status | None, Style]:
    """The glyph colours the stylesheet gives ``widget``'s component classes."""
    return {s: widget.get_component_rich_style(c, partial=True) for s, c in CLASS_OF.items()}


def styled_bar(counts: StatusCounts, width: int | None, styles: Styles) -> Text:
    """The bar of ``overview.bar`` with each run of one glyph in its status's colour."""
    text = Text(end="", no_wrap=True)
    for glyph, run in groupby(bar(counts, width)):
        text.append(glyph * len(list(run)), styles.get(_STATUS_OF_GLYPH[glyph]))
    return text


def counts_line(counts: StatusCounts, styles: Styles) -> Text:
    """One exact bar (a glyph per item, scaled only past ``BAR_LIMIT``) and the counts."""
    width = None if counts.total <= BAR_LIMIT else BAR_LIMIT
    text = styled_bar(counts, width, styles)
    text.append(f"  {counts.compact()}")
    return text


def legend_text(styles: Styles, width: int) -> Text:
    """What the glyphs mean, as many entries a line as fit ``width``."""
    text = Text(end="")
    used = 0
    for status in STATUSES:
        entry = f"{GLYPHS[status]} {label(status)}"
        if used and used + 2 + len(entry) > width:
            text.append("\n")
            used = 0
        elif used:
            text.append("  ")
            used += 2
        text.append(GLYPHS[status], styles.get(status))
        text.append(f" {label(status)}", "dim")
        used += len(entry)
    return text


def glance_lines(rows: Sequence[Row], width: int, styles: Styles) -> Text:
    """The rows as name, bar and counts; where the pane is narrow, the bar goes under the name.

    Every bar has the same width, so areas of different sizes compare by
    proportion, as in ``overview.render_text``.
    """
    counts_width = max(len(r.counts.compact()) for r in rows)
    most = max(r.counts.total for r in rows)
    one_line_each = width >= ONE_LINE_WIDTH
    if one_line_each:  # the names in full if the bars can stay ten wide, else cut short
        longest = max(len("  " * r.level + r.naam) for r in rows)
        bar_width = min(most, width // 3, max(10, width - counts_width - 4 - longest))
        name_width = max(8, width - bar_width - counts_width - 4)
    else:
        bar_width = min(most, max(4, width - counts_width - 8))

    text = Text(end="", no_wrap=True, overflow="ellipsis")
    for row in rows:
        indent = "  " * row.level
        name = one_line(indent + row.naam, "bold" if row.level < 2 else "")
        if one_line_each:
            name.truncate(name_width, overflow="ellipsis", pad=True)
            text.append_text(name)
            text.append("  ")
        else:
            text.append_text(name)
            text.append(f"\n{indent}  ")
        text.append_text(styled_bar(row.counts, bar_width, styles))
        text.append(" " * (bar_width - len(bar(row.counts, bar_width))))
        text.append(f"  {row.counts.compact()}\n")
    return text


class GlanceView(VerticalScroll):
    """The whole role at a glance: a bar per area and section, kept up to date by the screen."""

    COMPONENT_CLASSES: ClassVar[set[str]] = GLANCE_CLASSES
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o,escape", "screen.toggle_overview", "Terug naar de details", id="overzicht-uit"),
    ]

    def __init__(self, rol: Rol, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rol = rol
        self.notities: Notities | None = None
        self.others: list[tuple[str, Notities]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="glance-text")

    def show(self, notities: Notities, others: Sequence[tuple[str, Notities]] = ()) -> None:
        """Draw the role's picture from these notes (and, below, from other people's)."""
        self.notities = notities
        self.others = list(others)
        self._draw()

    def on_resize(self) -> None:
        """The layout depends on the width: draw again."""
        self._draw()

    def _draw(self) -> None:
        if self.notities is None:
            return
        width = max(20, self.scrollable_content_region.width)
        styles = glance_styles(self)
        text = Text("Overzicht", style="bold underline", end="")
        text.append("  (o: terug naar de details)\n", style="dim")
        text.append_text(glance_lines(overview(self.rol, self.notities), width, styles))
        for naam, notities in self.others:
            text.append("\nBij ", style="bold underline")
            text.append_text(one_line(naam, "bold underline"))
            text.append(" (alleen lezen)\n", style="dim")
            text.append_text(glance_lines(overview(self.rol, notities), width, styles))
        text.append("\n")
        text.append_text(legend_text(styles, width))
        self.query_one("#glance-text", Static).update(text)
