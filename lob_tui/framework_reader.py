"""Reading a framework file's parsed data into the model, collecting every problem.

The reader walks the parsed TOML once. Each value is addressed by its path in
the data, which the line index turns into the line it was written on, so every
problem can name its line; all problems are collected, because a person
fixing a hand-edited file wants the whole list at once. The model it builds
lives in ``lob_tui.framework``, which is what the rest of lob-tui imports.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lob_tui import tomlfile
from lob_tui.errors import Probleem
from lob_tui.framework import (
    FORMAAT,
    ID_PATTERN,
    Aandachtsgebied,
    Bron,
    Item,
    Raamwerk,
    Rol,
    Sectie,
    Soort,
    Voetnoot,
)
from lob_tui.tomlfile import KeyPath

if TYPE_CHECKING:
    from lob_tui.tomllines import LineIndex

# The keys each table may hold; any other key is most likely a typo that would
# otherwise be ignored without a word (a misspelled "bronnen" loses the sources).
_KEYS = {
    "het raamwerk": ("formaat", "titel", "bronnen", "voetnoten", "rollen"),
    "rol": ("id", "naam", "doelgroep", "aandachtsgebieden"),
    "aandachtsgebied": ("id", "naam", *(s.value for s in Soort)),
    "item": ("id", "tekst", "bronnen", "voetnoot"),
}


def _dotted(at: KeyPath) -> str:
    """A path as a header names it: ``("rollen", 0, "x")`` is ``rollen.x``."""
    return ".".join(part for part in at if isinstance(part, str))


class Reader:
    """Walks the parsed data once, building the model and collecting problems.

    Every value is addressed by its path in the parsed data, which the line
    index turns into the line it was written on (or its table's line when it
    is missing). A plain class, not a dataclass: nothing compares or prints
    a reader, and each generated method would be compiled at every start.
    """

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problemen: list[Probleem] = []

    @cached_property
    def lines(self) -> LineIndex:
        """Where each key stands, built only when a problem needs a line.

        Indexing reads the whole text a second time: for a file that is in
        order it would be half the cost of loading it, and the indexer's own
        module loads with the first problem too.
        """
        from lob_tui.tomllines import LineIndex

        return LineIndex.of(self.text)

    def problem(self, melding: str, at: KeyPath) -> None:
        self.problemen.append(Probleem(self.path, melding, self.lines.line(*at)))

    def value(
        self,
        table: dict[str, Any],
        key: str,
        kind: type,
        where: str,
        at: KeyPath,
        required: bool = True,
    ) -> Any:
        """Fetch ``table[key]`` of type ``kind``; report it missing, mistyped or empty."""
        if key not in table:
            if required:
                self.problem(f"{where}: de sleutel '{key}' ontbreekt; voeg die toe", at)
            return None
        value: Any = table[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.problem(self.wrong_type(key, kind, value, where, (*at, key)), (*at, key))
            return None
        if isinstance(value, str) and not value.strip():
            self.problem(f"{where}: '{key}' is leeg; vul een tekst in", (*at, key))
            return None
        return value

    @staticmethod
    def wrong_type(key: str, kind: type, value: object, where: str, at: KeyPath) -> str:
        expected, found = tomlfile.kind_name(kind), tomlfile.type_name(value)
        melding = f"{where}: '{key}' moet {expected} zijn, niet {found}"
        if kind is list and isinstance(value, dict):
            melding += f"; schrijf [[{_dotted(at)}]] met dubbele haken"
        elif kind is str and not isinstance(value, dict | list):
            melding += "; zet de tekst tussen aanhalingstekens"
        return melding

    def unknown_keys(self, table: dict[str, Any], soort: str, where: str, at: KeyPath) -> None:
        """Report keys lob-tui does not read, suggesting the one probably meant."""
        allowed = _KEYS[soort]
        for key in table:
            if key in allowed:
                continue
            import difflib  # only a file with a mistake pays for loading it

            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; bedoel je '{close[0]}'?" if close else f" (wel: {', '.join(allowed)})"
            self.problem(f"{where}: onbekende sleutel '{key}'{hint}", (*at, key))

    def check_id(self, value: Any, seen: dict[str, KeyPath], where: str, at: KeyPath) -> None:
        """Report an id that is malformed or used twice."""
        if not isinstance(value, str):
            return
        if not ID_PATTERN.fullmatch(value):
            self.problem(
                f"{where}: id '{value}' mag alleen kleine letters, cijfers en '-' bevatten "
                "en begint met een letter of cijfer",
                at,
            )
        if value in seen:
            first = self.lines.line(*seen[value])
            self.problem(
                f"{where}: id '{value}' komt twee keer voor (eerder op regel {first}); "
                "kies een andere",
                at,
            )
        else:
            seen[value] = at

    def raamwerk(self, data: dict[str, Any]) -> Raamwerk | None:
        self.unknown_keys(data, "het raamwerk", "het raamwerk", ())
        formaat = self.value(data, "formaat", int, "het raamwerk", ())
        if isinstance(formaat, int) and formaat != FORMAAT:
            self.problem(
                f"formaat {formaat} wordt niet ondersteund (deze versie leest formaat {FORMAAT})",
                ("formaat",),
            )
        titel = self.value(data, "titel", str, "het raamwerk", ())
        bronnen = self.bronnen(data)
        voetnoten = self.voetnoten(data)
        rollen = self.rollen(data, bronnen, voetnoten)
        if titel is None:
            return None
        return Raamwerk(titel, bronnen, voetnoten, tuple(rollen), self.path)

    def bronnen(self, data: dict[str, Any]) -> dict[str, Bron]:
        table = self.value(data, "bronnen", dict, "het raamwerk", (), required=False) or {}
        result = {}
        for letter, titel in table.items():
            at = ("bronnen", letter)
            if not re.fullmatch(r"[A-Z]", letter):
                self.problem(f"bron '{letter}': een bron heet naar één hoofdletter (A-Z)", at)
            elif not isinstance(titel, str) or not titel.strip():
                self.problem(f"bron '{letter}': de titel moet een niet-lege tekst zijn", at)
            else:
                result[letter] = Bron(letter, titel)
        return result

    def voetnoten(self, data: dict[str, Any]) -> dict[int, Voetnoot]:
        table = self.value(data, "voetnoten", dict, "het raamwerk", (), required=False) or {}
        result: dict[int, Voetnoot] = {}
        for nummer, tekst in table.items():
            at = ("voetnoten", nummer)
            if not re.fullmatch(r"[0-9]+", nummer):
                self.problem(f"voetnoot '{nummer}': een voetnoot heet naar een getal", at)
            elif int(nummer) in result:
                self.problem(f"voetnoot {int(nummer)} staat er twee keer", at)
            elif not isinstance(tekst, str) or not tekst.strip():
                self.problem(f"voetnoot {nummer}: de tekst moet een niet-lege tekst zijn", at)
            else:
                result[int(nummer)] = Voetnoot(int(nummer), tekst)
        return result

    def rollen(
        self, data: dict[str, Any], bronnen: dict[str, Bron], voetnoten: dict[int, Voetnoot]
    ) -> list[Rol]:
        tables = self.value(data, "rollen", list, "het raamwerk", (), required=False)
        if not tables and ("rollen" not in data or tables == []):
            self.problem(
                "het raamwerk heeft geen rollen; voeg een [[rollen]]-blok toe", ("rollen",)
            )
        seen: dict[str, KeyPath] = {}
        rollen = []
        for number, table in enumerate(tables or []):
            at = ("rollen", number)
            if not isinstance(table, dict):
                self.problem("elke rol moet een tabel [[rollen]] zijn", at)
                continue
            rol = self.rol(table, at, seen, bronnen, voetnoten)
            if rol is not None:
                rollen.append(rol)
        return rollen

    def rol(
        self,
        table: dict[str, Any],
        at: KeyPath,
        seen: dict[str, KeyPath],
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> Rol | None:
        rol_id = self.value(table, "id", str, "een rol", at)
        where = f"rol '{rol_id}'" if rol_id else "een rol"
        self.unknown_keys(table, "rol", where, at)
        self.check_id(rol_id, seen, where, (*at, "id"))
        naam = self.value(table, "naam", str, where, at)
        doelgroep = self.value(table, "doelgroep", str, where, at, required=False) or ""
        gebieden = self.gebieden(table, at, where, bronnen, voetnoten)
        if rol_id is None or naam is None:
            return None
        return Rol(rol_id, naam, doelgroep, tuple(gebieden))

    def gebieden(
        self,
        table: dict[str, Any],
        at: KeyPath,
        where: str,
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> list[Aandachtsgebied]:
        """The role's areas; ids of areas, and of items, are unique within the role."""
        tables = self.value(table, "aandachtsgebieden", list, where, at, required=False)
        if not tables and ("aandachtsgebieden" not in table or tables == []):
            self.problem(
                f"{where} heeft geen aandachtsgebieden; voeg een [[rollen.aandachtsgebieden]] toe",
                at,
            )
        ids = _Ids()
        gebieden = []
        for number, gebied_table in enumerate(tables or []):
            gebied_at = (*at, "aandachtsgebieden", number)
            if not isinstance(gebied_table, dict):
                self.problem(f"{where}: elk aandachtsgebied moet een tabel zijn", gebied_at)
                continue
            gebied = self.gebied(gebied_table, gebied_at, ids, bronnen, voetnoten)
            if gebied is not None:
                gebieden.append(gebied)
        return gebieden

    def gebied(
        self,
        table: dict[str, Any],
        at: KeyPath,
        ids: _Ids,
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> Aandachtsgebied | None:
        gebied_id = self.value(table, "id", str, "een aandachtsgebied", at)
        where = f"aandachtsgebied '{gebied_id}'" if gebied_id else "een aandachtsgebied"
        self.unknown_keys(table, "aandachtsgebied", where, at)
        self.check_id(gebied_id, ids.gebieden, where, (*at, "id"))
        naam = self.value(table, "naam", str, where, at)
        secties = {}
        for soort in Soort:
            items = self.items(table, at, where, soort, gebied_id or "", ids, bronnen, voetnoten)
            secties[soort] = Sectie(gebied_id or "", soort, tuple(items))
        if gebied_id is None or naam is None:
            return None
        return Aandachtsgebied(
            gebied_id, naam, secties[Soort.ROLBESCHRIJVINGEN], secties[Soort.DESKUNDIGHEDEN]
        )

    def items(
        self,
        table: dict[str, Any],
        at: KeyPath,
        where: str,
        soort: Soort,
        gebied_id: str,
        ids: _Ids,
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> list[Item]:
        """The items of one section of an area."""
        items = []
        for number, item_table in enumerate(
            self.value(table, soort.value, list, where, at, required=False) or []
        ):
            item_at = (*at, soort.value, number)
            if not isinstance(item_table, dict):
                self.problem(f"{where}: elk item van {soort.value} moet een tabel zijn", item_at)
                continue
            item = self.item(item_table, item_at, gebied_id, soort, ids, bronnen, voetnoten)
            if item is not None:
                items.append(item)
        return items

    def item(
        self,
        table: dict[str, Any],
        at: KeyPath,
        gebied_id: str,
        soort: Soort,
        ids: _Ids,
        bronnen: dict[str, Bron],
        voetnoten: dict[int, Voetnoot],
    ) -> Item | None:
        item_id = self.value(table, "id", str, f"een item van {soort.value}", at)
        where = f"item '{item_id}'" if item_id else f"een item van {soort.value}"
        self.unknown_keys(table, "item", where, at)
        self.check_id(item_id, ids.items, where, (*at, "id"))
        tekst = self.value(table, "tekst", str, where, at)
        letters = self.letters(table, at, where, bronnen)
        voetnoot = self.value(table, "voetnoot", int, where, at, required=False)
        if voetnoot is not None and voetnoot not in voetnoten:
            bekend = ", ".join(str(n) for n in sorted(voetnoten)) or "geen"
            self.problem(
                f"{where}: voetnoot {voetnoot} bestaat niet (bekend: {bekend}); "
                "voeg die toe aan [voetnoten]",
                (*at, "voetnoot"),
            )
        if item_id is None or tekst is None:
            return None
        return Item(item_id, tekst, gebied_id, soort, letters, voetnoot)

    def letters(
        self, table: dict[str, Any], at: KeyPath, where: str, bronnen: dict[str, Bron]
    ) -> tuple[str, ...]:
        """The item's source letters, each checked against the legend."""
        letters = self.value(table, "bronnen", list, where, at, required=False) or []
        for number, letter in enumerate(letters):
            letter_at = (*at, "bronnen", number)
            if not isinstance(letter, str):
                self.problem(
                    f"{where}: elke bron is een letter tussen aanhalingstekens, "
                    f"niet {tomlfile.type_name(letter)}",
                    letter_at,
                )
            elif letter not in bronnen:
                bekend = ", ".join(sorted(bronnen)) or "geen"
                self.problem(
                    f"{where}: bron '{letter}' staat niet in de legenda [bronnen] "
                    f"(bekend: {bekend})",
                    letter_at,
                )
        return tuple(letter for letter in letters if isinstance(letter, str))


class _Ids:
    """The area and item ids seen so far in one role, with where they stand."""

    def __init__(self) -> None:
        self.gebieden: dict[str, KeyPath] = {}
        self.items: dict[str, KeyPath] = {}
