"""The line above the footer: is everything saved, and where.

A user who is about to close the laptop wants to see at a glance that the
last sentence is on disk, and a user who wonders where the notes went wants
the path; both stay in view all the time.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from lob_tui.widgets.literal import one_line


class Bewaarstand(Enum):
    """Where the notes stand with respect to the file on disk."""

    BEWAARD = ("✓ Alles bewaard", "")
    GEWIJZIGD = ("● Nog niet bewaard", "")
    BEZIG = ("… Bezig met bewaren", "")
    MISLUKT = ("⚠ Niet bewaard", "bold")
    CONFLICT = ("⚠ Bestand buiten lob-tui gewijzigd", "bold")

    @property
    def tekst(self) -> str:
        """What the status line says for this state."""
        return self.value[0]


class StatusLine(Static):
    """Save state, remarks (error, filters, comparison, search) and the notes file's path."""

    def __init__(self, path: Path, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.path = path
        self.stand = Bewaarstand.BEWAARD
        self.opmerking = ""
        self.filter = ""
        self.item_filter = False
        self.vergelijk = ""
        self.treffer: tuple[str, int, int] | None = None
        self._shown: tuple[object, ...] | None = None

    def on_mount(self) -> None:
        self._render_line()

    def set_stand(self, stand: Bewaarstand, opmerking: str = "") -> None:
        """Show a new save state, with a reason when saving failed."""
        self.stand, self.opmerking = stand, opmerking
        self.set_class(stand in (Bewaarstand.MISLUKT, Bewaarstand.CONFLICT), "-fout")
        self._render_line()

    def set_filter(self, gebied_naam: str) -> None:
        """Say which area alone is shown, or nothing when all are."""
        self.filter = gebied_naam
        self._render_line()

    def set_item_filter(self, active: bool) -> None:
        """Say that a filter hides items, and which key shows them all again."""
        self.item_filter = active
        self._render_line()

    def set_compare(self, naam: str) -> None:
        """Say whose notes are shown beside the user's own, or nothing."""
        self.vergelijk = naam
        self._render_line()

    def set_match(self, zoekterm: str, nummer: int, aantal: int) -> None:
        """Say which match of a search the cursor is on: a line, not a notification.

        ``n`` is pressed again and again; a notification per press would mount
        and lay out a new toast each time, and hide the one before.
        """
        self.treffer = (zoekterm, nummer, aantal)
        self._render_line()

    def clear_match(self) -> None:
        """No search to step through (any more)."""
        self.treffer = None
        self._render_line()

    def _render_line(self) -> None:
        # Every keystroke may end up here: redraw only when the line would say something else.
        shown = (
            self.stand,
            self.opmerking,
            self.filter,
            self.item_filter,
            self.vergelijk,
            self.treffer,
        )
        if shown == self._shown:
            return
        self._shown = shown

        text = Text(self.stand.tekst, style=self.stand.value[1], end="")
        if self.opmerking:
            text.append(": ")
            text.append_text(one_line(self.opmerking))
        if self.filter:
            text.append("  ·  alleen ")
            text.append_text(one_line(self.filter, "italic"))
        if self.item_filter:
            text.append("  ·  ")
            text.append("gefilterd (F wist)", style="bold")
        if self.vergelijk:
            text.append("  ·  naast ")
            text.append_text(one_line(self.vergelijk, "italic"))
            text.append(" (V sluit)")
        if self.treffer is not None:
            zoekterm, nummer, aantal = self.treffer
            text.append(f"  ·  treffer {nummer} van {aantal} voor ")
            text.append_text(one_line(zoekterm, "italic"))
            text.append(" (n, N)")
        text.append("  ·  ")
        text.append_text(one_line(str(self.path), "dim"))
        self.update(text, layout=False)  # always one row high: no new layout needed
