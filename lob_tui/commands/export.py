"""``lob-tui export``: the overview as Markdown or printable HTML (see ``lob_tui/export.py``).

The original web page's "Download je overzicht". The export itself, and the
markdown-it it needs, are imported when the command runs, not when the
parser is built, so ``lob-tui --help`` and the app start without them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from lob_tui.commands.output import refuse_own_files, to_stdout
from lob_tui.commands.parsing import EXIT_OK, Subcommands, add_common
from lob_tui.commands.selection import (
    framework_path,
    load_framework,
    notes_path,
    require_role,
    unknown_notes,
)
from lob_tui.export_plan import FORMATEN
from lob_tui.filters import STATUS_KEUZES
from lob_tui.framework import Rol
from lob_tui.notes import Notities
from lob_tui.store import NotesStore


def add(commands: Subcommands) -> None:
    """``lob-tui export``: the overview as Markdown or HTML (see lob_tui/export.py)."""
    parser = commands.add_parser(
        "export",
        help="exporteer je overzicht als Markdown of afdrukbare HTML",
        description=(
            "Schrijf het raamwerk met je statussen en notities als overzicht voor een gesprek\n"
            "met een collega. Zonder -o komt het naast je notitiebestand, met de datum in de\n"
            "naam; met -o - gaat het naar het scherm."
        ),
        # In the epilog, not the option's help, so no line break splits a status name.
        epilog=(
            "statussen voor --status:\n"
            "  beheers-ik, wil-ik-ontwikkelen, bespreken-met-collega, geen (nog niet bekeken)\n"
            "bronnen voor --source: de letters uit de legenda van het raamwerk (A tot en met K\n"
            "in het meegeleverde); de export noemt de titel van de gekozen bron bovenaan."
        ),
    )
    opties = parser.opties
    add_common(opties, top=False)
    opties.add_argument(
        "--format",
        choices=FORMATEN,
        default="markdown",
        help="markdown (standaard) of html: een losse pagina om af te drukken of te mailen",
    )
    _add_selection(opties)
    keuze = opties.add_mutually_exclusive_group()
    keuze.add_argument(
        "--only-noted",
        action="store_true",
        help="alleen items en onderdelen met een status, notitie of aandachtsveld",
    )
    keuze.add_argument(
        "--blank",
        action="store_true",
        help="het lege raamwerk als formulier om af te drukken; je notities blijven erbuiten",
    )
    opties.add_argument(
        "-o",
        "--output",
        metavar="BESTAND",
        help="schrijf naar dit bestand (of deze map); - schrijft naar het scherm",
    )


def _add_selection(opties: argparse._ArgumentGroup) -> None:
    """--area, --status and --source: which items the overview keeps."""
    opties.add_argument(
        "--area",
        nargs="+",
        action="extend",
        default=[],
        metavar="ID",
        help="alleen deze aandachtsgebieden (id uit het raamwerk); mag vaker",
    )
    opties.add_argument(
        "--status",
        nargs="+",
        action="extend",
        default=[],
        choices=list(STATUS_KEUZES),
        metavar="STATUS",
        help="alleen items met deze status (zie onder); mag vaker",
    )
    opties.add_argument(
        "--source",
        nargs="+",
        action="extend",
        default=[],
        metavar="LETTER",
        help="alleen items die deze bron noemen, bijvoorbeeld F (zie onder); mag vaker",
    )


def run(args: argparse.Namespace) -> int:
    """Render the overview and write it where the options say."""
    from lob_tui import export  # markdown-it loads only for this command

    raamwerk = load_framework(args)
    rol = require_role(raamwerk, args.role)
    pad = notes_path(args, rol)
    # A blank form needs no notes, so a damaged notes file does not stand in its way.
    notities = Notities(rol.id) if args.blank else NotesStore(pad).read(rol.id)
    opties = export.Opties(
        args.format,
        tuple(args.area),
        args.only_noted,
        args.blank,
        statussen=tuple(STATUS_KEUZES[naam] for naam in args.status),
        bronnen=tuple(args.source),
    )
    datum = date.today()

    text = export.render(raamwerk, rol, notities, opties, datum)
    if not args.blank:
        warn_unknown(notities, rol)
    if args.output == "-":
        return to_stdout(text)

    target = export_target(args.output, pad, opties.formaat, datum)
    refuse_own_files(target, pad, framework_path(args))
    export.write_export(text, target)
    print(f"Overzicht geschreven naar {target.absolute()}")
    return EXIT_OK


def export_target(output: str | None, pad: Path, formaat: str, datum: date) -> Path:
    """``-o``'s file; a folder gets the default name; no ``-o`` means beside the notes."""
    from lob_tui import export

    if output is None:
        target = export.default_export_path(pad, formaat, datum)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return target
    target = Path(output).expanduser()
    if target.is_dir():
        return target / export.default_export_path(pad, formaat, datum).name
    return target


def warn_unknown(notities: Notities, rol: Rol) -> None:
    """Notes on items the framework no longer has are kept, but are not in the overview."""
    onbekend = unknown_notes(notities, rol)
    if onbekend:
        print(f"lob-tui: let op: {onbekend}. Ze staan niet in het overzicht.", file=sys.stderr)
