"""A person's notes on one role of the framework: statuses, notes, aandachtsvelden.

This is the model the app edits and the export reads. It knows how to turn
itself into TOML text and back, and checks every value it reads, because the
notes file is the user's own: they may open it in any text editor, and a
mistake there must be reported with its line, never papered over.

Line ends are normalised to ``\\n`` on the way in; everything else a note holds
round-trips exactly. Notes for items that are no longer in the framework are
kept as they are and reported, never dropped. This module never imports
Textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from lob_tui import tomlfile
from lob_tui.errors import NotitieFout, Probleem

SCHEMA = 1
"""The version of the notes file layout this code writes."""

HEADER = (
    "# Notities bij het Raamwerk voor loopbaanbegeleiding jongeren, bewaard door lob-tui.\n"
    "# Je mag dit bestand met de hand bewerken (bewaar het als UTF-8), maar liever niet\n"
    "# terwijl lob-tui het open heeft. Schrijf geen namen van leerlingen in je notities.\n"
)

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Status(StrEnum):
    """Where the person stands on an item; no status means not yet assessed."""

    BEHEERS_IK = "beheers ik"
    WIL_IK_ONTWIKKELEN = "wil ik ontwikkelen"
    BESPREKEN = "bespreken met collega"

    @property
    def toets(self) -> str:
        """The key that sets this status in the app (1, 2 or 3)."""
        return str(list(Status).index(self) + 1)


def normalise(text: str) -> str:
    """Make every line end ``\\n``, as the README promises, and refuse what TOML cannot hold.

    TOML stores any Unicode scalar value, so the only characters refused are
    lone surrogates, which no UTF-8 file can hold.
    """
    if _LONE_SURROGATE.search(text):
        raise NotitieFout(
            "deze tekst bevat een ongeldig teken (een losse surrogaat) dat niet bewaard kan "
            "worden; verwijder het en probeer opnieuw"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def now() -> datetime:
    """The local time to the second, with its offset: what 'gewijzigd' records."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass
class ItemNotitie:
    """The status and note of one item."""

    status: Status | None = None
    tekst: str = ""
    gewijzigd: datetime | None = None

    def __post_init__(self) -> None:
        # Every way in normalises, so what is saved always reads back the same.
        self.tekst = normalise(self.tekst)

    @property
    def is_leeg(self) -> bool:
        """Neither a status nor a note: the item has not been looked at."""
        return self.status is None and not self.tekst


@dataclass
class Aandachtsveld:
    """The free notes field of one section, as on the framework's web page."""

    tekst: str = ""
    gewijzigd: datetime | None = None

    def __post_init__(self) -> None:
        self.tekst = normalise(self.tekst)


@dataclass
class Notities:
    """Everything one person wrote about one role.

    ``revisie`` goes up with every change, so the app can tell whether what is
    on screen has been saved without comparing texts. It is a counter of this
    session, not content: two ``Notities`` with the same content are equal
    whatever their revisions.
    """

    rol_id: str
    naam: str = ""
    items: dict[str, ItemNotitie] = field(default_factory=dict)
    velden: dict[str, Aandachtsveld] = field(default_factory=dict)
    revisie: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        # The role id comes from the framework and never holds a line end, but
        # normalising it too keeps the promise that a save reads back the same.
        self.rol_id = normalise(self.rol_id)
        self.naam = normalise(self.naam)

    def item(self, item_id: str) -> ItemNotitie:
        """The item's notes; an empty one (not stored) when there are none."""
        return self.items.get(item_id) or ItemNotitie()

    def veld(self, sectie_id: str) -> Aandachtsveld:
        """The section's aandachtsveld; an empty one when there is none."""
        return self.velden.get(sectie_id) or Aandachtsveld()

    def set_status(self, item_id: str, status: Status | None, when: datetime | None = None) -> bool:
        """Set or clear an item's status; return whether anything changed."""
        current = self.item(item_id)
        if current.status == status:
            return False
        self._store_item(item_id, ItemNotitie(status, current.tekst, when or now()))
        return True

    def set_tekst(self, item_id: str, tekst: str, when: datetime | None = None) -> bool:
        """Set an item's note; return whether anything changed."""
        tekst = normalise(tekst)
        current = self.item(item_id)
        if current.tekst == tekst:
            return False
        self._store_item(item_id, ItemNotitie(current.status, tekst, when or now()))
        return True

    def set_veld(self, sectie_id: str, tekst: str, when: datetime | None = None) -> bool:
        """Set a section's aandachtsveld; return whether anything changed."""
        tekst = normalise(tekst)
        if self.veld(sectie_id).tekst == tekst:
            return False
        if tekst:
            self.velden[sectie_id] = Aandachtsveld(tekst, when or now())
        else:
            self.velden.pop(sectie_id, None)
        self.revisie += 1
        return True

    def set_naam(self, naam: str) -> bool:
        """Set the person's name shown on exports; return whether it changed."""
        naam = normalise(naam).strip()
        if naam == self.naam:
            return False
        self.naam = naam
        self.revisie += 1
        return True

    def _store_item(self, item_id: str, notitie: ItemNotitie) -> None:
        if notitie.is_leeg:
            self.items.pop(item_id, None)
        else:
            self.items[item_id] = notitie
        self.revisie += 1

    def heeft_iets(self, item_id: str) -> bool:
        """Whether the item has a status or a note: what progress counts."""
        return not self.item(item_id).is_leeg

    def voortgang(self, item_ids: Iterable[str]) -> tuple[int, int]:
        """How many of these items have a status or note, out of how many."""
        ids = list(item_ids)
        return sum(1 for i in ids if self.heeft_iets(i)), len(ids)

    @property
    def is_leeg(self) -> bool:
        """No status, no note and no aandachtsveld: the web page's 'nothing to download'."""
        return not self.items and not any(v.tekst for v in self.velden.values())

    def onbekend(self, item_ids: Iterable[str], sectie_ids: Iterable[str]) -> list[str]:
        """Ids in these notes that the framework does not have (kept, never dropped)."""
        known_items, known_sections = set(item_ids), set(sectie_ids)
        unknown = [i for i in self.items if i not in known_items]
        unknown += [s for s in self.velden if s not in known_sections]
        return unknown

    def copy(self) -> Notities:
        """A snapshot to save in the background while the user goes on typing.

        Entries are copied too, so a change made to the original after the
        snapshot (even by assigning to an entry's field) cannot reach the save.
        The UI thread takes it at every save, so entries are copied field by
        field, not built anew: their texts are normalised already, and doing
        that again for 10,000 items kept the first key after ctrl+s 40 ms waiting.
        """
        items = {key: _twin(value) for key, value in self.items.items()}
        velden = {key: _twin(value) for key, value in self.velden.items()}
        return Notities(self.rol_id, self.naam, items, velden, self.revisie)


_Entry = TypeVar("_Entry", ItemNotitie, Aandachtsveld)


def _twin(entry: _Entry) -> _Entry:
    """A shallow copy of an entry (its fields are immutable values) without ``__init__``."""
    twin = object.__new__(type(entry))
    twin.__dict__.update(entry.__dict__)
    return twin


def dumps(notities: Notities) -> str:
    """The notes as TOML text, items and fields sorted by id so diffs stay small."""
    data: dict[str, Any] = {"schema": SCHEMA, "rol": notities.rol_id}
    if notities.naam:
        data["naam"] = notities.naam
    items: dict[str, Any] = {}
    for item_id in sorted(notities.items):
        notitie = notities.items[item_id]
        entry: dict[str, Any] = {}
        if notitie.status is not None:
            entry["status"] = notitie.status.value
        if notitie.tekst:
            entry["notitie"] = notitie.tekst
        if notitie.gewijzigd is not None:
            entry["gewijzigd"] = notitie.gewijzigd
        items[item_id] = entry
    velden: dict[str, dict[str, Any]] = {}
    for sectie_id in sorted(notities.velden):
        veld = notities.velden[sectie_id]
        gebied_id, _, soort = sectie_id.partition("/")
        entry = {"tekst": veld.tekst}
        if veld.gewijzigd is not None:
            entry["gewijzigd"] = veld.gewijzigd
        velden.setdefault(gebied_id, {})[soort] = entry
    if items:
        data["items"] = items
    if velden:
        data["aandachtsvelden"] = velden
    import tomli_w  # reading notes, as check and export do, never needs the writer

    # multiline_strings keeps a note's lines on lines of their own in the file;
    # it would drop a "\r", which normalise() has already turned into "\n".
    return HEADER + "\n" + tomli_w.dumps(data, multiline_strings=True)


Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

UPGRADES: dict[int, Upgrade] = {}
"""Steps that turn the parsed data of schema ``n`` into schema ``n + 1``.

Empty: schema 1 is the first. When the layout changes, ``SCHEMA`` goes up and
one step is added here; a file of an older schema is then upgraded as it is
read, and the store's first save keeps the old file as its backup copy.
"""


def loads(text: str, path: Path) -> Notities:
    """Parse and check the text of a notes file; raise ``NotitieFout`` naming file and line."""
    parsed = tomlfile.parse(text, path)
    if isinstance(parsed, Probleem):
        raise NotitieFout(parsed)
    # The reader builds the model defined in this module, so it is imported here.
    from lob_tui.notes_reader import Reader

    return Reader(path, text).notities(parsed)


def to_bytes(notities: Notities) -> bytes:
    """The notes file's bytes; refuses (in Dutch) what a UTF-8 file cannot hold.

    Texts are checked as they are set, but an id or name could still hold a
    lone surrogate; that must be a message, not a crash in the middle of a save.
    """
    try:
        return dumps(notities).encode("utf-8")
    except UnicodeEncodeError:
        raise NotitieFout(
            "een id of naam in de notities bevat een ongeldig teken (een losse surrogaat) "
            "dat niet bewaard kan worden"
        ) from None


def parse_bytes(data: bytes, path: Path) -> Notities:
    """Decode and parse the bytes of a notes file."""
    text = tomlfile.decode_utf8(data, path)
    if isinstance(text, Probleem):
        raise NotitieFout(text)
    return loads(text, path)


__all__ = [
    "SCHEMA",
    "Aandachtsveld",
    "ItemNotitie",
    "Notities",
    "Status",
    "dumps",
    "loads",
    "normalise",
    "parse_bytes",
    "to_bytes",
]
