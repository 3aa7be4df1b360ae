"""What one export shows: the chosen areas, sections and items, with their notes.

``export`` writes Markdown; this module decides *what* goes in, so the options
can be read in one place: ``--area`` chooses the areas, and within them
``--only-noted``, ``--status`` and ``--source`` narrow the items. A section or
area that a narrowing leaves without items is dropped, so a filtered overview
holds no empty headings.

The at-a-glance summary is deliberately not narrowed by the item filters: it
counts every item of the chosen areas, so it shows where someone stands
while the list below shows only what they chose to discuss. This module never
imports Textual or Rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from lob_tui.errors import LobFout
from lob_tui.export_literal import visible
from lob_tui.filters import Filter, resolve_bronnen
from lob_tui.framework import Aandachtsgebied, Item, Raamwerk, Rol, Sectie
from lob_tui.notes import ItemNotitie, Notities, Status
from lob_tui.overview import Row, StatusCounts, overview

BESPREEKPUNTEN = (Status.BESPREKEN, Status.WIL_IK_ONTWIKKELEN)
"""The statuses the Bespreekpunten gather, in the order they are listed there."""

FORMATEN = ("markdown", "html")
"""The export formats, as ``--format`` and ``Opties.formaat`` name them."""


@dataclass(frozen=True, eq=False)  # read and replaced, never compared
class Opties:
    """What to export: the format, which areas and items, and whether notes or a blank form.

    ``gebieden`` holds area ids; empty means all. ``alleen_ingevuld`` keeps only
    items and sections with a status, note or aandachtsveld. ``statussen`` keeps
    only items with one of these statuses (``None``: no status yet) and
    ``bronnen`` only items citing one of these source letters; empty means no
    such filter. ``blanco`` ignores the notes and gives the empty framework as a
    form to print: it overrides ``alleen_ingevuld``, which would leave nothing,
    and cannot go with ``statussen``, since a blank form has none.
    """

    formaat: str = "markdown"
    gebieden: tuple[str, ...] = ()
    alleen_ingevuld: bool = False
    blanco: bool = False
    statussen: tuple[Status | None, ...] = ()
    bronnen: tuple[str, ...] = ()


class Plan:
    """The areas, sections and items that go into one export, with their notes.

    Raises ``LobFout`` for an area id the role lacks, a source letter the
    legend lacks, or a status filter on a blank form. A plain class with
    ``Final`` attributes, not a frozen dataclass: one export builds it and
    reads it, and the methods a dataclass generates would be compiled at
    every start for nothing.
    """

    def __init__(self, raamwerk: Raamwerk, rol: Rol, notities: Notities, opties: Opties) -> None:
        gekozen = tuple(chosen_areas(rol, opties.gebieden))
        bronnen = resolve_bronnen(raamwerk, opties.bronnen)
        if opties.blanco and opties.statussen:
            raise LobFout(
                "een leeg formulier heeft geen statussen om op te filteren; "
                "gebruik --status zonder --blank"
            )
        self.raamwerk: Final = raamwerk
        self.rol: Final = rol
        self.notities: Final = notities
        self.opties: Final = opties
        self.filter: Final = Filter(opties.statussen, bronnen)
        self.gekozen: Final = gekozen
        # Last: which areas keep a section depends on everything above.
        self.gebieden: Final = tuple(g for g in gekozen if self.secties(g))

    @property
    def alleen_ingevuld(self) -> bool:
        return self.opties.alleen_ingevuld and not self.opties.blanco

    def notitie(self, item: Item) -> ItemNotitie:
        return ItemNotitie() if self.opties.blanco else self.notities.item(item.id)

    def veld(self, sectie: Sectie) -> str:
        return "" if self.opties.blanco else visible(self.notities.veld(sectie.id).tekst)

    def shows(self, item: Item) -> bool:
        """Whether the item passes ``--only-noted`` and the status and source filters."""
        notitie = self.notitie(item)
        if self.alleen_ingevuld and notitie.is_leeg:
            return False
        return self.filter.matches(item, notitie)

    def items(self, sectie: Sectie) -> list[Item]:
        return [item for item in sectie.items if self.shows(item)]

    def secties(self, gebied: Aandachtsgebied) -> list[Sectie]:
        """The sections to show: all, unless a narrowing leaves some empty.

        Under ``--only-noted`` alone an aandachtsveld keeps its section; a status
        or source filter is about items, so there a section needs an item.
        """
        if self.filter.is_active:
            return [s for s in gebied.secties if self.items(s)]
        if self.alleen_ingevuld:
            return [s for s in gebied.secties if self.items(s) or self.veld(s)]
        return list(gebied.secties)

    def met_status(self, status: Status) -> list[tuple[Aandachtsgebied, Item]]:
        """The exported items marked with this status, in framework order."""
        return [
            (gebied, item)
            for gebied in self.gebieden
            for sectie in self.secties(gebied)
            for item in self.items(sectie)
            if self.notitie(item).status is status
        ]

    @property
    def heeft_bespreekpunten(self) -> bool:
        return any(self.met_status(status) for status in BESPREEKPUNTEN)

    def h2_ids(self) -> list[str]:
        """An id for each level-2 heading, in order: what the HTML page styles."""
        ids = [f"gebied-{g.id}" for g in self.gebieden]
        ids += ["bespreekpunten"] if self.heeft_bespreekpunten else []
        return [*ids, "bronnen", "noten"]

    def summary_rows(self) -> list[Row]:
        """The role and each chosen area with their status counts, as the app shows them.

        With ``--area`` the role's row adds up the chosen areas only, so the
        overview tells nothing about the areas its owner left out.
        """
        ids = {g.id for g in self.gekozen}
        gebieden = [r for r in overview(self.rol, self.notities) if r.level == 1 and r.id in ids]
        totaal = sum((r.counts for r in gebieden), StatusCounts())
        return [Row(self.rol.id, self.rol.naam, 0, totaal), *gebieden]


def chosen_areas(rol: Rol, gekozen: tuple[str, ...]) -> list[Aandachtsgebied]:
    """The areas ``gekozen`` names, in framework order; every area when it is empty."""
    bekend = [g.id for g in rol.aandachtsgebieden]
    onbekend = [g for g in dict.fromkeys(gekozen) if g not in bekend]
    if onbekend:
        namen = ", ".join(f"'{g}'" for g in onbekend)
        raise LobFout(
            f"onbekend aandachtsgebied {namen} in de rol '{rol.id}'; kies uit: {', '.join(bekend)}"
        )
    return [g for g in rol.aandachtsgebieden if not gekozen or g.id in gekozen]


__all__ = ["BESPREEKPUNTEN", "Opties", "Plan", "chosen_areas"]
