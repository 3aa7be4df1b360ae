"""The Raamwerk voor loopbaanbegeleiding jongeren as data, read from ``raamwerk.toml``.

A framework has roles (rollen); a role has aandachtsgebieden; each area has
two sections, its Rolbeschrijvingen and its Deskundigheden, and each section
its items. Items cite sources by letter (the legend, ``bronnen``) and maybe a
footnote. Every role, area and item carries an id written in the file, and the
notes refer to those ids only, so a school can correct an item's wording
without losing anyone's notes.

Loading validates the whole file and reports *every* problem at once, each in
Dutch with its line, because a person fixing a hand-edited file wants the full
list rather than one error per attempt. This module never imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from lob_tui import tomlfile
from lob_tui.errors import Probleem, RaamwerkFout

FORMAAT = 1
"""The version of the framework file format this code reads."""

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Soort(StrEnum):
    """The two sections every aandachtsgebied has, in the framework's order."""

    ROLBESCHRIJVINGEN = "rolbeschrijvingen"
    DESKUNDIGHEDEN = "deskundigheden"

    @property
    def titel(self) -> str:
        """The heading as the framework spells it (the web page misspells the first)."""
        return self.value.capitalize()


@dataclass(frozen=True)
class Bron:
    """A source document of the legend, cited by its letter."""

    letter: str
    titel: str


@dataclass(frozen=True)
class Voetnoot:
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


@dataclass(frozen=True)
class Rol:
    """A role of the framework, such as Decaan/SLB-coördinator."""

    id: str
    naam: str
    doelgroep: str
    aandachtsgebieden: tuple[Aandachtsgebied, ...]
    _items: dict[str, Item] = field(init=False, repr=False, compare=False)
    _secties: dict[str, Sectie] = field(init=False, repr=False, compare=False)

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


@dataclass(frozen=True)
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
            Probleem(path, f"kan het bestand niet lezen ({error.strerror})")
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

    reader = _Reader(path, tomlfile.LineIndex.of(text))
    raamwerk = reader.raamwerk(parsed)
    if reader.problemen or raamwerk is None:
        raise RaamwerkFout(reader.problemen)
    return raamwerk


_TYPE_NAMES = {str: "tekst", int: "geheel getal", list: "lijst", dict: "tabel"}


@dataclass
class _Reader:
    """Walks the parsed data once, building the model and collecting problems."""

    path: Path
    lines: tomlfile.LineIndex
    problemen: list[Probleem] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=dict)

    def problem(self, melding: str, line: int | None) -> None:
        self.problemen.append(Probleem(self.path, melding, line))

    def next_header(self, name: str) -> int | None:
        """The line of the next ``[[name]]`` table met in document order."""
        position = self._counters.get(name, 0)
        self._counters[name] = position + 1
        return self.lines.header(name, position)

    def value(
        self,
        table: dict[str, Any],
        key: str,
        kind: type,
        where: str,
        line: int | None,
        required: bool = True,
    ) -> Any:
        """Fetch ``table[key]`` of type ``kind``; report it missing, mistyped or empty."""
        at = self.lines.key(line, key) if line is not None else None
        if key not in table:
            if required:
                self.problem(f"{where}: de sleutel '{key}' ontbreekt; voeg die toe", line)
            return None
        value = table[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.problem(
                f"{where}: '{key}' moet {_TYPE_NAMES[kind]} zijn, "
                f"niet {_TYPE_NAMES.get(type(value), type(value).__name__)}",
                at,
            )
            return None
        if kind is str and not str(value).strip():
            self.problem(f"{where}: '{key}' is leeg; vul een tekst in", at)
            return None
        return value

    def check_id(self, value: Any, seen: dict[str, int | None], where: str, at: int | None) -> None:
        """Report an id that is malformed or used twice."""
        if not isinstance(value, str):
            return
        if not ID_PATTERN.match(value):
            self.problem(
                f"{where}: id '{value}' mag alleen kleine letters, cijfers en '-' bevatten",
                at,
            )
        if value in seen:
            first = seen[value]
            eerder = f" (eerder op regel {first})" if first else ""
            self.problem(f"{where}: id '{value}' komt twee keer voor{eerder}; kies een ander", at)
        else:
            seen[value] = at

    def raamwerk(self, data: dict[str, Any]) -> Raamwerk | None:
        formaat = self.value(data, "formaat", int, "het raamwerk", 0)
        if isinstance(formaat, int) and formaat != FORMAAT:
            self.problem(
                f"formaat {formaat} wordt niet ondersteund (deze versie leest formaat {FORMAAT})",
                self.lines.key(0, "formaat"),
            )
        titel = self.value(data, "titel", str, "het raamwerk", 0)
        bronnen = self.bronnen(data)
        voetnoten = self.voetnoten(data)
        rollen = self.rollen(data, bronnen, voetnoten)
        if titel is None or bronnen is None or voetnoten is None:
            return None
        return Raamwerk(titel, bronnen, voetnoten, tuple(rollen), self.path)

    def bronnen(self, data: dict[str, Any]) -> dict[str, Bron] | None:
        table = self.value(data, "bronnen", dict, "het raamwerk", 0, required=False) or {}
        line = self.lines.header("bronnen", 0)
        result = {}
        for letter, titel in table.items():
            at = self.lines.key(line, letter)
            if not re.fullmatch(r"[A-Z]", letter):
                self.problem(f"bron '{letter}': een bron heet naar één hoofdletter", at)
            elif not isinstance(titel, str) or not titel.strip():
                self.problem(f"bron '{letter}': de titel moet een niet-lege tekst zijn", at)
            else:
                result[letter] = Bron(letter, titel)
        return result

    def voetnoten(self, data: dict[str, Any]) -> dict[int, Voetnoot] | None:
        table = self.value(data, "voetnoten", dict, "het raamwerk", 0, required=False) or {}
        line = self.lines.header("voetnoten", 0)
        result = {}
        for nummer, tekst in table.items():
            at = self.lines.key(line, nummer)
            if not nummer.isdigit():
                self.problem(f"voetnoot '{nummer}': een voetnoot heet naar een getal", at)
            elif not isinstance(tekst, str) or not tekst.strip():
                self.problem(f"voetnoot {nummer}: de tekst moet een niet-lege tekst zijn", at)
            else:
                result[int(nummer)] = Voetnoot(int(nummer), tekst)
        return result

    def rollen(
        self, data: dict[str, Any], bronnen: dict[str, Bron] | None, voetnoten: Any
    ) -> list[Rol]:
        tables = self.value(data, "rollen", list, "het raamwerk", 0)
        if tables is not None and not tables:
            self.problem("het raamwerk heeft geen rollen; voeg een [[rollen]] toe", None)
        seen: dict[str, int | None] = {}
        rollen = []
        for table in tables or []:
            line = self.next_header("rollen")
            if not isinstance(table, dict):
                self.problem("elke rol moet een tabel [[rollen]] zijn", None)
                continue
            rol = self.rol(table, line, seen, bronnen or {}, voetnoten or {})
            if rol is not None:
                rollen.append(rol)
        return rollen

    def rol(
        self,
        table: dict[str, Any],
        line: int | None,
        seen: dict[str, int | None],
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> Rol | None:
        rol_id = self.value(table, "id", str, "een rol", line)
        where = f"rol '{rol_id}'" if rol_id else "een rol"
        self.check_id(rol_id, seen, where, self.lines.key(line, "id"))
        naam = self.value(table, "naam", str, where, line)
        doelgroep = self.value(table, "doelgroep", str, where, line, required=False) or ""
        tables = self.value(table, "aandachtsgebieden", list, where, line, required=False)
        if not tables:
            self.problem(
                f"{where} heeft geen aandachtsgebieden; voeg een [[rollen.aandachtsgebieden]] toe",
                line,
            )
            tables = []
        # Ids of areas, and of items, must be unique within the role: notes refer to them.
        area_ids: dict[str, int | None] = {}
        item_ids: dict[str, int | None] = {}
        gebieden = []
        for gebied_table in tables:
            gebied_line = self.next_header("rollen.aandachtsgebieden")
            if not isinstance(gebied_table, dict):
                self.problem(f"{where}: elk aandachtsgebied moet een tabel zijn", line)
                continue
            gebied = self.gebied(gebied_table, gebied_line, area_ids, item_ids, bronnen, voetnoten)
            if gebied is not None:
                gebieden.append(gebied)
        if rol_id is None or naam is None:
            return None
        return Rol(rol_id, naam, doelgroep, tuple(gebieden))

    def gebied(
        self,
        table: dict[str, Any],
        line: int | None,
        area_ids: dict[str, int | None],
        item_ids: dict[str, int | None],
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> Aandachtsgebied | None:
        gebied_id = self.value(table, "id", str, "een aandachtsgebied", line)
        where = f"aandachtsgebied '{gebied_id}'" if gebied_id else "een aandachtsgebied"
        self.check_id(gebied_id, area_ids, where, self.lines.key(line, "id"))
        naam = self.value(table, "naam", str, where, line)
        secties = {}
        for soort in Soort:
            items = []
            tables = self.value(table, soort.value, list, where, line, required=False) or []
            for item_table in tables:
                item_line = self.next_header(f"rollen.aandachtsgebieden.{soort.value}")
                if not isinstance(item_table, dict):
                    self.problem(f"{where}: elk item van {soort.value} moet een tabel zijn", line)
                    continue
                item = self.item(
                    item_table, item_line, gebied_id or "", soort, item_ids, bronnen, voetnoten
                )
                if item is not None:
                    items.append(item)
            secties[soort] = Sectie(gebied_id or "", soort, tuple(items))
        if gebied_id is None or naam is None:
            return None
        return Aandachtsgebied(
            gebied_id, naam, secties[Soort.ROLBESCHRIJVINGEN], secties[Soort.DESKUNDIGHEDEN]
        )

    def item(
        self,
        table: dict[str, Any],
        line: int | None,
        gebied_id: str,
        soort: Soort,
        item_ids: dict[str, int | None],
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> Item | None:
        item_id = self.value(table, "id", str, f"een item van {soort.value}", line)
        where = f"item '{item_id}'" if item_id else f"een item van {soort.value}"
        self.check_id(item_id, item_ids, where, self.lines.key(line, "id"))
        tekst = self.value(table, "tekst", str, where, line)
        letters = self.value(table, "bronnen", list, where, line, required=False) or []
        at = self.lines.key(line, "bronnen")
        for letter in letters:
            if not isinstance(letter, str):
                self.problem(f"{where}: elke bron is een letter tussen aanhalingstekens", at)
            elif letter not in bronnen:
                bekend = ", ".join(sorted(bronnen)) or "geen"
                self.problem(
                    f"{where}: bron '{letter}' staat niet in de legenda [bronnen] "
                    f"(bekend: {bekend})",
                    at,
                )
        voetnoot = self.value(table, "voetnoot", int, where, line, required=False)
        if voetnoot is not None and voetnoot not in voetnoten:
            self.problem(
                f"{where}: voetnoot {voetnoot} bestaat niet; voeg die toe aan [voetnoten]",
                self.lines.key(line, "voetnoot"),
            )
        if item_id is None or tekst is None:
            return None
        return Item(
            item_id,
            tekst,
            gebied_id,
            soort,
            tuple(str(letter) for letter in letters),
            voetnoot,
        )


def summary(raamwerk: Raamwerk) -> list[str]:
    """The lines ``lob-tui check`` prints for a framework that is in order."""
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
    return lines
