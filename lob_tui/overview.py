"""Where someone stands at a glance: status counts per role, area and section.

The framework has 38 items; reading them one by one does not show that a
whole area is still untouched or that most of "Organisatie" is something to
develop. This module counts the statuses and draws them as a bar of
characters whose *shapes* differ (``█ ▒ ░ ·``), so the picture reads the same
without colour, in a terminal with ``NO_COLOR=1``, on paper and to anyone who
cannot tell colours apart. The counts are plain data, so the app, the export
and the team overview all draw from the same numbers.

This module never imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from lob_tui.framework import Item, Rol
from lob_tui.mdtext import literal_inline
from lob_tui.notes import Notities, Status

STATUSES: tuple[Status | None, ...] = (*Status, None)
"""Every status an item can be in, ``None`` (not yet looked at) last: the bar's order."""

NOG_NIET_BEKEKEN = "nog niet bekeken"

GLYPHS: dict[Status | None, str] = {
    Status.BEHEERS_IK: "█",
    Status.WIL_IK_ONTWIKKELEN: "▒",
    Status.BESPREKEN: "░",
    None: "·",
}
"""One character per status, from solid to empty, told apart by shape alone."""


def label(status: Status | None) -> str:
    """The status as the user reads it, including the absence of one."""
    return NOG_NIET_BEKEKEN if status is None else status.value


def legend() -> str:
    """One line explaining the bar's characters, e.g. ``█ beheers ik, ▒ wil ik …``."""
    return ", ".join(f"{GLYPHS[s]} {label(s)}" for s in STATUSES)


@dataclass(frozen=True)
class StatusCounts:
    """How many items (or marks, in a team) have each status, in ``STATUSES`` order."""

    counts: tuple[int, ...] = (0,) * len(STATUSES)

    @classmethod
    def of(cls, statuses: Iterable[Status | None]) -> StatusCounts:
        """Count a sequence of statuses."""
        values = list(statuses)
        return cls(tuple(values.count(s) for s in STATUSES))

    def __getitem__(self, status: Status | None) -> int:
        return self.counts[STATUSES.index(status)]

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(tuple(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    @property
    def total(self) -> int:
        """All items counted, with or without a status."""
        return sum(self.counts)

    @property
    def wanted(self) -> int:
        """Marked for development or discussion: what a team would organise training for."""
        return self[Status.WIL_IK_ONTWIKKELEN] + self[Status.BESPREKEN]

    def summary(self) -> str:
        """The counts in words, e.g. ``3 beheers ik, 1 wil ik ontwikkelen, …``."""
        return ", ".join(f"{self[s]} {label(s)}" for s in STATUSES)

    def compact(self) -> str:
        """The counts behind their glyphs, e.g. ``█3 ▒1 ░0 ·4``: fits beside a bar."""
        return " ".join(f"{GLYPHS[s]}{self[s]}" for s in STATUSES)


def count_items(notities: Notities, items: Iterable[Item]) -> StatusCounts:
    """The statuses one person gave these items."""
    return StatusCounts.of(notities.item(item.id).status for item in items)


class Row(NamedTuple):
    """One line of the at-a-glance picture: the role (level 0), an area (1) or a section (2).

    A NamedTuple, immutable like a frozen dataclass but cheaper to define at
    every start: a dataclass compiles each method it generates with exec.
    """

    id: str
    naam: str
    level: int
    counts: StatusCounts


def overview(rol: Rol, notities: Notities) -> list[Row]:
    """Counts for the role, then each area followed by its two sections, in framework order."""
    rows = [Row(rol.id, rol.naam, 0, count_items(notities, rol.items()))]
    for gebied in rol.aandachtsgebieden:
        rows.append(Row(gebied.id, gebied.naam, 1, count_items(notities, gebied.items)))
        for sectie in gebied.secties:
            rows.append(Row(sectie.id, sectie.titel, 2, count_items(notities, sectie.items)))
    return rows


def _shares(counts: StatusCounts, width: int) -> list[int]:
    """Split ``width`` cells over the counts by largest remainder, so they add up exactly.

    A status that occurs at all keeps at least one cell while there is room,
    because a bar that hides the one item still to discuss would mislead.
    Ties go to the status earlier in ``STATUSES``, which keeps the result
    deterministic.
    """
    total = counts.total
    exact = [c * width / total for c in counts.counts]
    cells = [int(x) for x in exact]
    order = sorted(range(len(cells)), key=lambda i: (-(exact[i] - cells[i]), i))
    for i in order[: width - sum(cells)]:
        cells[i] += 1

    # Lend a cell to a present but rounded-away status from the largest share.
    for i, count in enumerate(counts.counts):
        if count and not cells[i]:
            largest = max(range(len(cells)), key=lambda j: (cells[j], -j))
            if cells[largest] > 1:
                cells[largest] -= 1
                cells[i] += 1
    return cells


def bar(counts: StatusCounts, width: int | None = None) -> str:
    """The counts as characters, e.g. ``███▒▒░░····``.

    Without ``width`` every item gets one character, which is exact and fits
    a role of 38 items in a terminal; with ``width`` the bar is scaled to that
    many characters. An empty set of items gives an empty bar.
    """
    if counts.total == 0:
        return ""
    cells = list(counts.counts) if width is None else _shares(counts, width)
    return "".join(GLYPHS[s] * n for s, n in zip(STATUSES, cells, strict=True))


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, then padded."""
    if len(text) > width:
        text = text[: max(0, width - 1)] + "…"
    return text.ljust(width)


def render_text(rows: list[Row], width: int = 80, bar_width: int | None = None) -> list[str]:
    """The picture as plain lines no wider than ``width``: name, bar, counts.

    Every bar has the same width, so areas of different sizes compare by
    proportion; names are indented by level and shortened when needed, so
    the picture of a role (13 lines for the standard framework) fits 80 by 24.
    """
    bar_width = bar_width or min(max(r.counts.total for r in rows), width // 3)
    counts_width = max(len(r.counts.compact()) for r in rows)
    name_width = max(8, width - bar_width - counts_width - 4)
    lines = []
    for row in rows:
        name = _fit("  " * row.level + row.naam, name_width)
        picture = bar(row.counts, bar_width).ljust(bar_width)
        lines.append(f"{name}  {picture}  {row.counts.compact()}".rstrip())
    return lines


def render_markdown(rows: list[Row], bar_width: int | None = None) -> str:
    """The picture as a Markdown table (GFM) with a legend line, for exports.

    The bar sits in a code span so a Markdown viewer keeps its characters
    one width; the numbers stand in their own columns for anyone reading
    with a screen reader or copying them into a spreadsheet. ``bar_width``
    scales the bars, for counts too large for one character each.
    """
    header = ["onderdeel", "beeld", *(label(s) for s in STATUSES)]
    lines = [
        f"Legenda: {legend()}",
        "",
        "| " + " | ".join(header) + " |",
        "|---|---|" + "--:|" * len(STATUSES),
    ]
    for row in rows:
        # Indentation by level: sections read as part of the area above them.
        naam = "&#160;&#160;" * row.level + literal_inline(row.naam)
        naam = f"**{naam}**" if row.level == 0 else naam
        cells = [naam, f"`{bar(row.counts, bar_width)}`", *(str(c) for c in row.counts.counts)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


__all__ = [
    "GLYPHS",
    "NOG_NIET_BEKEKEN",
    "STATUSES",
    "Row",
    "StatusCounts",
    "bar",
    "count_items",
    "label",
    "legend",
    "overview",
    "render_markdown",
    "render_text",
]
