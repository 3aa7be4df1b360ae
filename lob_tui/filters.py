"""Which items to show: only those with a given status, or citing a given source.

A professional preparing a conversation rarely needs all 38 items: they want
what they marked *wil ik ontwikkelen*, or every item that comes from one
source (the NICE framework, ``F``) to see how their work fits it. The export
and the app both narrow the items the same way, so the rule lives here, once,
as a small pure value: a ``Filter`` says whether an item passes, given its notes.

Within one kind, the choices are alternatives (status A *or* B); the two kinds
combine (one of these statuses *and* one of these sources). An empty choice
means "no filter of that kind". This module never imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lob_tui.errors import LobFout
from lob_tui.framework import Item, Raamwerk
from lob_tui.notes import ItemNotitie, Notities, Status
from lob_tui.overview import STATUSES, label

GEEN = "geen"
"""The command-line name of "no status yet" (the overview calls it *nog niet bekeken*)."""

STATUS_KEUZES: dict[str, Status | None] = {
    **{status.value.replace(" ", "-"): status for status in Status},
    GEEN: None,
}
"""``--status`` values: each status with hyphens for spaces, so no quoting is needed."""


@dataclass(frozen=True)
class Filter:
    """A choice of statuses and source letters; an item passes when it matches both.

    ``statussen`` may hold ``None`` for items without a status. ``bronnen``
    holds letters of the framework's legend, as ``resolve_bronnen`` returns them.
    """

    statussen: tuple[Status | None, ...] = ()
    bronnen: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # One order whatever order the choices came in, so the same choice
        # always describes itself, and exports, the same way.
        statussen = tuple(s for s in STATUSES if s in self.statussen)
        object.__setattr__(self, "statussen", statussen)
        object.__setattr__(self, "bronnen", tuple(sorted(set(self.bronnen))))

    @property
    def is_active(self) -> bool:
        """Whether the filter leaves anything out at all."""
        return bool(self.statussen or self.bronnen)

    def matches(self, item: Item, notitie: ItemNotitie) -> bool:
        """Whether this item, with these notes, is one to show."""
        if self.statussen and notitie.status not in self.statussen:
            return False
        return not self.bronnen or any(letter in self.bronnen for letter in item.bronnen)

    def select(self, items: Iterable[Item], notities: Notities) -> list[Item]:
        """The items that pass, in the order given."""
        return [item for item in items if self.matches(item, notities.item(item.id))]

    def describe(self, raamwerk: Raamwerk) -> list[str]:
        """One Dutch line per kind of filter, e.g. ``Alleen items uit bron F: Nice Framework``.

        A reader of a filtered overview must see that it is not the whole
        framework, and what a letter stands for without looking it up.
        """
        lines = []
        if self.statussen:
            namen = " of ".join(f"'{label(s)}'" for s in self.statussen)
            lines.append(f"Alleen items met de status {namen}")
        if self.bronnen:
            bronnen = [f"bron {b}: {raamwerk.bronnen[b].titel}" for b in self.bronnen]
            lines.append("Alleen items uit " + "\nof uit ".join(bronnen))
        return lines


def resolve_bronnen(raamwerk: Raamwerk, letters: Iterable[str]) -> tuple[str, ...]:
    """The legend's letters for ``letters`` (``f`` finds ``F``), in legend order, once each.

    Raises ``LobFout`` naming every letter the legend lacks and listing those it has.
    """
    gevonden: set[str] = set()
    onbekend: list[str] = []
    for letter in letters:
        sleutel = _legend_key(raamwerk, letter.strip())
        if sleutel is None:
            onbekend.append(letter)
        else:
            gevonden.add(sleutel)

    if onbekend:
        namen = ", ".join(f"'{letter}'" for letter in dict.fromkeys(onbekend))
        bekend = ", ".join(sorted(raamwerk.bronnen)) or "geen"
        raise LobFout(f"onbekende bron {namen}; de legenda van dit raamwerk kent: {bekend}")
    return tuple(sorted(gevonden))


def _legend_key(raamwerk: Raamwerk, letter: str) -> str | None:
    """The legend letter meant by ``letter``: as written, else ignoring case when unambiguous."""
    if letter in raamwerk.bronnen:
        return letter
    matches = [key for key in raamwerk.bronnen if key.casefold() == letter.casefold()]
    return matches[0] if len(matches) == 1 else None


__all__ = ["GEEN", "STATUS_KEUZES", "Filter", "resolve_bronnen"]
