"""``lob-tui check``: are the framework and the notes file in order, and what do they hold?

The notes file invites editing by hand, so ``check`` reads it as the app
would and names a mistake with its file and line before the app has to refuse
the file. It checks the role's own file, or the one ``--notes`` names.
"""

from __future__ import annotations

import argparse

from lob_tui.commands.parsing import EXIT_OK, Subcommands, add_common
from lob_tui.commands.selection import (
    choose_role,
    load_framework,
    notes_path,
    require_role,
    unknown_notes,
)
from lob_tui.framework import Raamwerk, summary
from lob_tui.notes import Notities
from lob_tui.printable import printable
from lob_tui.store import NotesStore


def add(commands: Subcommands) -> None:
    """Declare ``check`` and its options."""
    parser = commands.add_parser(
        "check",
        help="controleer het raamwerk en je notitiebestand en toon een samenvatting",
        description=(
            "Controleer het raamwerkbestand en je notitiebestand: elke fout met bestand en "
            "regel. Zonder --notes is dat het notitiebestand van de rol in je gegevensmap."
        ),
    )
    add_common(parser.opties, top=False)


def run(args: argparse.Namespace) -> int:
    """Print what both files hold; the first problem raises, with its file and line."""
    raamwerk = load_framework(args)
    print("\n".join(summary(raamwerk)))
    print("\n".join(printable(line) for line in _notes_lines(args, raamwerk)))
    print("In orde.")
    return EXIT_OK


def _notes_lines(args: argparse.Namespace, raamwerk: Raamwerk) -> list[str]:
    """What the selected notes file holds, or why it was not read."""
    asked = getattr(args, "notes", None) is not None
    rol_id = getattr(args, "role", None)
    # A file asked for is checked against a role, so the role must be clear; without
    # --notes, a framework of several roles leaves nothing to pick a file by.
    rol = require_role(raamwerk, rol_id) if asked else choose_role(raamwerk, rol_id)
    if rol is None:
        return ["Notities: niet gecontroleerd; kies een rol met --role of een bestand met --notes"]
    pad = notes_path(args, rol)
    if not pad.exists():
        return [f"Notities: {pad} bestaat nog niet; lob-tui maakt het zodra er iets te bewaren is"]
    notities = NotesStore(pad).read(rol.id)
    lines = [f"Notities: {pad}", f"- {_counts(notities)}"]
    onbekend = unknown_notes(notities, rol)
    if onbekend:
        lines.append(f"- let op: {onbekend}; lob-tui laat ze in het bestand staan")
    return lines


def _counts(notities: Notities) -> str:
    """How much of the assessment is filled in, in the words of the app."""
    statussen = sum(1 for n in notities.items.values() if n.status is not None)
    teksten = sum(1 for n in notities.items.values() if n.tekst)
    velden = sum(1 for v in notities.velden.values() if v.tekst)
    return (
        f"items met een status: {statussen}, met een notitie: {teksten}; "
        f"aandachtsvelden ingevuld: {velden}"
    )
