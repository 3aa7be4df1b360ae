"""Frameworks of any size, and notes on every item, written to a folder.

The generated framework has the shape of the real one: one role, areas of
ten items (five rolbeschrijvingen, five deskundigheden), texts of about the
real length citing sources and now and then a footnote. Every item gets a
status and a note of two lines, every section an aandachtsveld, so a load,
save or export handles as much text as a diligent user would write.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lob_tui import notes
from lob_tui.framework import Rol, Soort, load_raamwerk

ROL_ID = "decaan-slb-coordinator"
ITEMS_PER_AREA = 10
_WORDS = [
    "loopbaanoriëntatie",
    "begeleiding",
    "leerlingen",
    "ouders",
    "mentoren",
    "beleid",
    "visie",
    "netwerk",
    "keuzeproces",
    "gesprekken",
    "curriculum",
    "vervolgonderwijs",
    "arbeidsmarkt",
    "reflectie",
    "kwaliteiten",
    "motieven",
    "werkexploratie",
    "decaan",
    "coördinatie",
    "scholing",
    "collega's",
]
_STATUSES = tuple(notes.Status)
_WHEN = datetime(2026, 12, 3, 10, 15, tzinfo=timezone(timedelta(hours=1)))


def _sentence(seed: int, words: int) -> str:
    picked = (_WORDS[(seed * 7 + i * 13) % len(_WORDS)] for i in range(words))
    return " ".join(picked).capitalize()


def area_sizes(item_count: int) -> list[int]:
    """How many items each area gets: tens, and the remainder in the last one."""
    full, rest = divmod(item_count, ITEMS_PER_AREA)
    return [ITEMS_PER_AREA] * full + ([rest] if rest else [])


def framework_text(item_count: int) -> str:
    """A valid framework file with ``item_count`` items in one role."""
    out = [
        "formaat = 1",
        'titel = "Gegenereerd raamwerk"',
        "",
        "[bronnen]",
        *(f'{letter} = "Brondocument {letter}"' for letter in "ABCDEFGHIJK"),
        "",
        "[voetnoten]",
        '14 = "Een voetnoot bij sommige items."',
        "",
        "[[rollen]]",
        f'id = "{ROL_ID}"',
        'naam = "Decaan/SLB-coördinator"',
        'doelgroep = "Gegenereerd voor de benchmarks"',
    ]
    counter = itertools.count()
    for area, size in enumerate(area_sizes(item_count), start=1):
        out += ["", "[[rollen.aandachtsgebieden]]", f'id = "g{area}"']
        out.append(f'naam = "Aandachtsgebied {area}: {_sentence(area, 3)}"')
        half = (size + 1) // 2
        for soort, count in ((Soort.ROLBESCHRIJVINGEN, half), (Soort.DESKUNDIGHEDEN, size - half)):
            for number in range(1, count + 1):
                seed = next(counter)
                out += ["", f"[[rollen.aandachtsgebieden.{soort.value}]]"]
                out.append(f'id = "g{area}-{soort.value[0]}{number}"')
                out.append(f'tekst = "{_sentence(seed, 12)} (item {seed + 1})"')
                out.append(f'bronnen = ["{"ABCDEFGHIJK"[seed % 11]}", "C"]')
                if seed % 17 == 0:
                    out.append("voetnoot = 14")
    return "\n".join(out) + "\n"


def every_item_noted(rol: Rol) -> notes.Notities:
    """Notes with a status and a two-line note on every item, a field on every section."""
    notities = notes.Notities(rol.id, naam="Sam de Vries")
    for seed, item in enumerate(rol.items()):
        tekst = f"{_sentence(seed + 3, 10)}.\n{_sentence(seed + 5, 8)}: eerst overleggen."
        notities.items[item.id] = notes.ItemNotitie(_STATUSES[seed % 3], tekst, _WHEN)
    for gebied in rol.aandachtsgebieden:
        for seed, sectie in enumerate(gebied.secties):
            notities.velden[sectie.id] = notes.Aandachtsveld(_sentence(seed, 15) + ".", _WHEN)
    return notities


@dataclass(frozen=True)
class Case:
    """A framework file and a notes file on every item of its one role."""

    item_count: int
    framework: Path
    notes: Path


def write_case(folder: Path, item_count: int) -> Case:
    """Generate a framework of ``item_count`` items and its notes into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    framework = folder / f"raamwerk-{item_count}.toml"
    framework.write_text(framework_text(item_count), encoding="utf-8")
    return _with_notes(folder, item_count, framework, f"notities-{item_count}.toml")


def real_case(folder: Path, framework: Path) -> Case:
    """The real framework file, with notes on every one of its items."""
    folder.mkdir(parents=True, exist_ok=True)
    rol = load_raamwerk(framework).rollen[0]
    return _with_notes(folder, rol.item_count, framework, "notities-echt.toml")


def _with_notes(folder: Path, item_count: int, framework: Path, name: str) -> Case:
    rol = load_raamwerk(framework).rollen[0]
    path = folder / name
    path.write_text(notes.dumps(every_item_noted(rol)), encoding="utf-8")
    return Case(item_count, framework, path)
