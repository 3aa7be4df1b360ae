"""The Raamwerk voor loopbaanbegeleiding jongeren as data, read from ``raamwerk.toml``.

A framework has roles (rollen); a role has aandachtsgebieden; each area has
two sections, its Rolbeschrijvingen and its Deskundigheden, and each section
its items. Items cite sources by letter (the legend, ``bronnen``) and maybe a
footnote. Every role, area and item carries an id written in the file, and the
notes refer to those ids only, so a school can correct an item's wording
without losing anyone's notes.

Loading validates the whole file (``framework_reader`` walks it) and reports
*every* problem at once, each in Dutch with its line, because a person fixing
a hand-edited file wants the full list rather than one error per attempt.
This module never imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from lob_tui import tomlfile
from lob_tui.errors import Probleem, RaamwerkFout, describe_read_error
from lob_tui.printable import printable

FORMAAT = 1
"""The version of the framework file format this code reads."""

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*\Z")
"""What an id may look like: safe in a file name and as a bare TOML key."""


class Soort(StrEnum):
    """The two sections every aandachtsgebied has, in the framework's order."""

    ROLBESCHRIJVINGEN = "rolbeschrijvingen"
    DESKUNDIGHEDEN = "deskundigheden"

    @property
    def titel(self) -> str:
        """The heading as the framework spells it (the web page misspells the first)."""
        return self.value.capitalize()


# The model is immutable: built on the app's reading thread, then shared by its screens.
# dataclasses compiles every method it generates with exec at each start, some 0.1 ms
# apiece, which a command line that starts in 0.1 s feels. So the two plain records of
# the legend are NamedTuples, and only Item, Sectie and Aandachtsgebied, which are
# compared (the app's cursor is one of them), generate __eq__ and __hash__.
class Bron(NamedTuple):
    """A source document of the legend, cited by its letter."""

    letter: str
    titel: str


class Voetnoot(NamedTuple):
    """A footnote of the framework page, cited by its number."""

    nummer: int
    tekst: str


@dataclass(frozen=True)
class Item:
    """One rolbeschrijving or deskundigheid."""

    id: str
    tekst: str
    gebied_id: str
    soort: Soort
    bronnen: tuple[str, ...] = ()
    voetnoot: int | None = None


@dataclass(frozen=True)
class Sectie:
    """The Rolbeschrijvingen or the Deskundigheden of one area."""

    gebied_id: str
    soort: Soort
    items: tuple[Item, ...]

    @property
    def id(self) -> str:
        """``<area id>/<soort>``: the key of the section's aandachtsveld in the notes."""
        return f"{self.gebied_id}/{self.soort.value}"

    @property
    def titel(self) -> str:
        """The section's heading."""
        return self.soort.titel


@dataclass(frozen=True)
class Aandachtsgebied:
    """An area of the role with its two sections."""

    id: str
    naam: str
    rolbeschrijvingen: Sectie
    deskundigheden: Sectie

    @property
    def secties(self) -> tuple[Sectie, Sectie]:
        """Both sections in the framework's order."""
        return (self.rolbeschrijvingen, self.deskundigheden)

    @property
    def items(self) -> tuple[Item, ...]:
        """All items of the area, rolbeschrijvingen first."""
        return self.rolbeschrijvingen.items + self.deskundigheden.items


@dataclass(frozen=True, eq=False)
class Rol:
    """A role of the framework, such as Decaan/SLB-coördinator."""

    id: str
    naam: str
    doelgroep: str
    aandachtsgebieden: tuple[Aandachtsgebied, ...]
    _items: dict[str, Item] = field(init=False, repr=False)
    _secties: dict[str, Sectie] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        items = {item.id: item for gebied in self.aandachtsgebieden for item in gebied.items}
        secties = {s.id: s for gebied in self.aandachtsgebieden for s in gebied.secties}
        object.__setattr__(self, "_items", items)
        object.__setattr__(self, "_secties", secties)

    def items(self) -> Iterator[Item]:
        """Every item of the role in framework order."""
        for gebied in self.aandachtsgebieden:
            yield from gebied.items

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return self._items.get(item_id)

    def sectie(self, sectie_id: str) -> Sectie | None:
        """The section with this id (``<area>/<soort>``), or None."""
        return self._secties.get(sectie_id)

    def gebied(self, gebied_id: str) -> Aandachtsgebied | None:
        """The area with this id, or None."""
        return next((g for g in self.aandachtsgebieden if g.id == gebied_id), None)

    @property
    def item_count(self) -> int:
        """How many items the role has."""
        return len(self._items)


@dataclass(frozen=True, eq=False)
class Raamwerk:
    """A whole framework file: its title, legend, footnotes and roles."""

    titel: str
    bronnen: dict[str, Bron]
    voetnoten: dict[int, Voetnoot]
    rollen: tuple[Rol, ...]
    pad: Path | None = None

    def rol(self, rol_id: str) -> Rol | None:
        """The role with this id, or None."""
        return next((r for r in self.rollen if r.id == rol_id), None)

    def bronnen_van(self, item: Item) -> list[Bron]:
        """The item's sources spelled out, in the order it cites them."""
        return [self.bronnen[letter] for letter in item.bronnen]


def load_raamwerk(path: Path) -> Raamwerk:
    """Read and validate a framework file; raise ``RaamwerkFout`` listing every problem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RaamwerkFout(Probleem(path, "het raamwerkbestand bestaat niet")) from None
    except OSError as error:
        raise RaamwerkFout(
            Probleem(path, f"kan het bestand niet lezen ({describe_read_error(error)})")
        ) from None
    return parse_raamwerk(data, path)


def parse_raamwerk(data: bytes, path: Path) -> Raamwerk:
    """Validate the bytes of a framework file and build the model."""
    text = tomlfile.decode_utf8(data, path)
    if isinstance(text, Probleem):
        raise RaamwerkFout(text)
    parsed = tomlfile.parse(text, path)
    if isinstance(parsed, Probleem):
        raise RaamwerkFout(parsed)

    # The reader builds the model defined in this module, so it is imported here.
    from lob_tui.framework_reader import Reader

    reader = Reader(path, text)
    raamwerk = reader.raamwerk(parsed)
    if reader.problemen or raamwerk is None:
        # In file order, so the list reads top to bottom like the file being fixed.
        raise RaamwerkFout(sorted(reader.problemen, key=lambda p: p.regel or 0))
    return raamwerk


def summary(raamwerk: Raamwerk) -> list[str]:
    """The lines ``lob-tui check`` prints for a framework that is in order.

    The texts come from the file, so they are made printable: a title holding
    an escape sequence must not clear the user's terminal.
    """
    lines = [f"{raamwerk.titel}", f"Bestand: {raamwerk.pad}", f"Rollen: {len(raamwerk.rollen)}"]
    for rol in raamwerk.rollen:
        lines.append(
            f"- {rol.naam} ({rol.id}): {len(rol.aandachtsgebieden)} aandachtsgebieden, "
            f"{rol.item_count} items"
        )
        for gebied in rol.aandachtsgebieden:
            counts = ", ".join(f"{len(s.items)} {s.soort.value}" for s in gebied.secties)
            lines.append(f"  - {gebied.naam}: {counts}")
    used = sorted({letter for rol in raamwerk.rollen for i in rol.items() for letter in i.bronnen})
    lines.append(f"Bronnen gebruikt: {', '.join(used) or 'geen'} (van {len(raamwerk.bronnen)})")
    return [printable(line) for line in lines]
