"""Reading the parsed data of a notes file into the model, checking every value.

The notes file is the user's own: they may open it in any text editor, and a
mistake there must be reported with its file and line, never papered over or
silently dropped at the next save. The first problem ends the check, because
nothing is opened over a file that is not entirely understood. The model
lives in ``lob_tui.notes``, which is what the rest of lob-tui imports; the
schema version and its upgrade steps are there too, and are looked up there
at each read (as ``notes.SCHEMA``), so that a test can pretend a newer schema.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lob_tui import notes, tomlfile
from lob_tui.errors import NotitieFout, Probleem
from lob_tui.notes import Aandachtsveld, ItemNotitie, Notities, Status, normalise

if TYPE_CHECKING:
    from lob_tui.tomllines import LineIndex

_STATUS_VALUES = ", ".join(f"'{s.value}'" for s in Status)

# The keys each table of a notes file may hold. Anything else is refused rather
# than ignored: ignoring it would drop it at the next save, and it may be text
# the user typed by hand under a misspelled key.
_KEYS = {
    "top": ("schema", "rol", "naam", "items", "aandachtsvelden"),
    "item": ("status", "notitie", "gewijzigd"),
    "veld": ("tekst", "gewijzigd"),
}


class Reader:
    """Checks a parsed notes file key by key, so a message can name the line.

    The first problem ends the check: nothing is opened over a notes file that
    is not entirely understood, so one message that says where is enough.
    A plain class, as the framework's reader is: nothing compares or prints it.
    """

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    @cached_property
    def lines(self) -> LineIndex:
        """Where each key stands, built only when a message needs a line.

        Indexing reads the whole text a second time; for a file that is in
        order (every load, and every save's read-back) it would be half the
        cost, and the indexer's own module loads with the first problem too.
        """
        from lob_tui.tomllines import LineIndex

        return LineIndex.of(self.text)

    def fail(self, melding: str, *at: str | int) -> NotitieFout:
        return NotitieFout(Probleem(self.path, melding, self.lines.line(*at)))

    def expect(self, value: Any, kind: type, *at: str | int) -> Any:
        """``value`` if it has type ``kind``; else fail naming the key."""
        if isinstance(value, kind) and not isinstance(value, bool):
            return value
        wat = ".".join(str(part) for part in at)
        raise self.fail(
            f"'{wat}' moet {tomlfile.kind_name(kind)} zijn, niet {tomlfile.type_name(value)}",
            *at,
        )

    def known_keys(self, table: dict[str, Any], soort: str, *at: str | int) -> None:
        for key in table:
            if key not in _KEYS[soort]:
                import difflib  # only a file with a mistake pays for loading it

                close = difflib.get_close_matches(key, _KEYS[soort], n=1)
                hint = f" (bedoel je '{close[0]}'?)" if close else ""
                raise self.fail(
                    f"onbekende sleutel '{key}'{hint}: lob-tui zou die bij het bewaren "
                    "weglaten; haal hem weg of geef hem de goede naam",
                    *at,
                    key,
                )

    def notities(self, data: dict[str, Any]) -> Notities:
        data = self.upgraded(data)
        self.known_keys(data, "top")
        if "rol" not in data:
            raise self.fail("de sleutel 'rol' ontbreekt; zet bovenaan: rol = \"<id van de rol>\"")
        notities = Notities(
            self.expect(data["rol"], str, "rol"), self.expect(data.get("naam", ""), str, "naam")
        )
        items = self.expect(data.get("items", {}), dict, "items")
        for item_id, entry in items.items():
            notities.items[item_id] = self.item(item_id, entry)
        velden = self.expect(data.get("aandachtsvelden", {}), dict, "aandachtsvelden")
        for gebied_id, secties in velden.items():
            self.expect(secties, dict, "aandachtsvelden", gebied_id)
            for soort, entry in secties.items():
                notities.velden[f"{gebied_id}/{soort}"] = self.veld(gebied_id, soort, entry)
        return notities

    def upgraded(self, data: dict[str, Any]) -> dict[str, Any]:
        """Check the schema version and bring older data up to the current layout."""
        if "schema" not in data:
            raise self.fail(
                "de sleutel 'schema' ontbreekt; is dit wel een notitiebestand van lob-tui?"
            )
        schema = self.expect(data["schema"], int, "schema")
        if schema > notes.SCHEMA:
            raise self.fail(
                f"dit bestand heeft schema {schema} en is gemaakt door een nieuwere lob-tui "
                f"(deze versie kent schema {notes.SCHEMA}); werk lob-tui bij",
                "schema",
            )
        if schema < 1 or any(step not in notes.UPGRADES for step in range(schema, notes.SCHEMA)):
            raise self.fail(
                f"schema {schema} bestaat niet (deze versie kent schema {notes.SCHEMA})", "schema"
            )
        for step in range(schema, notes.SCHEMA):
            data = notes.UPGRADES[step](data)
        return data

    def item(self, item_id: str, entry: Any) -> ItemNotitie:
        at = ("items", item_id)
        self.expect(entry, dict, *at)
        self.known_keys(entry, "item", *at)
        status = self.expect(entry.get("status", ""), str, *at, "status")
        if status and status not in {s.value for s in Status}:
            raise self.fail(f"'{status}' is geen status; kies uit {_STATUS_VALUES}", *at, "status")
        tekst = self.expect(entry.get("notitie", ""), str, *at, "notitie")
        gewijzigd = self.when(entry, *at)
        return ItemNotitie(Status(status) if status else None, normalise(tekst), gewijzigd)

    def veld(self, gebied_id: str, soort: str, entry: Any) -> Aandachtsveld:
        at = ("aandachtsvelden", gebied_id, soort)
        self.expect(entry, dict, *at)
        self.known_keys(entry, "veld", *at)
        tekst = self.expect(entry.get("tekst", ""), str, *at, "tekst")
        return Aandachtsveld(normalise(tekst), self.when(entry, *at))

    def when(self, entry: dict[str, Any], *at: str | int) -> datetime | None:
        """The ``gewijzigd`` moment; a bare date (typed by hand) counts as its midnight."""
        value = entry.get("gewijzigd")
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return datetime(value.year, value.month, value.day)
        return self.expect(value, datetime, *at, "gewijzigd")  # type: ignore[no-any-return]
