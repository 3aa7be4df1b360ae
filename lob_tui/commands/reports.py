"""``lob-tui compare`` and ``lob-tui team``: reports over several notes files.

Both read other people's notes files as arguments rather than ``--notes``,
and write like the export does (see ``commands.output``). The report code
itself is imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lob_tui.commands.output import write_report
from lob_tui.commands.parsing import EXIT_FOUT, DutchParser, Subcommands
from lob_tui.commands.selection import choose_role, load_framework


def _add_files_options(parser: DutchParser) -> None:
    """--framework, --role and -o; not --notes, since the files are named as arguments."""
    parser.opties.add_argument(
        "--framework",
        type=Path,
        metavar="PAD",
        default=argparse.SUPPRESS,
        help="een ander raamwerkbestand dan het meegeleverde raamwerk.toml",
    )
    parser.opties.add_argument(
        "--role",
        metavar="ID",
        default=argparse.SUPPRESS,
        help="de rol (id uit het raamwerk); standaard die van het eerste bestand",
    )
    parser.opties.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="BESTAND",
        help="schrijf naar dit bestand, alleen voor jou leesbaar; - (of geen -o) is het scherm",
    )


def add(commands: Subcommands) -> None:
    """``compare`` and ``team``: reports over several notes files (lob_tui/compare.py, team.py)."""
    compare = commands.add_parser(
        "compare",
        help="vergelijk twee notitiebestanden van dezelfde rol",
        description=(
            "Vergelijk twee notitiebestanden van dezelfde rol: vorig jaar en dit jaar, of jij\n"
            "en een collega. Eerst wat er veranderde, dan per item beide statussen en notities."
        ),
    )
    bestanden = compare.add_argument_group("bestanden")
    bestanden.add_argument("a", type=Path, metavar="A.toml", help="het eerste notitiebestand")
    bestanden.add_argument("b", type=Path, metavar="B.toml", help="het tweede notitiebestand")
    compare.opties.add_argument(
        "--format",
        choices=("markdown", "html"),
        default="markdown",
        help="markdown (standaard) of html: een losse pagina om af te drukken",
    )
    _add_files_options(compare)

    team = commands.add_parser(
        "team",
        help="tel de statussen van een heel team, per item en per aandachtsgebied",
        description=(
            "Tel de notitiebestanden van collega's met dezelfde rol: per item hoe vaak elke\n"
            "status gekozen is, wat het meest ontwikkeld of besproken wil worden eerst.\n"
            "Zonder --names anoniem. Een bestand dat niet te lezen is, wordt genoemd en\n"
            "overgeslagen."
        ),
    )
    team.add_argument_group("bestanden").add_argument(
        "files", type=Path, nargs="+", metavar="BESTAND", help="de notitiebestanden van het team"
    )
    team.opties.add_argument(
        "--names",
        action="store_true",
        help="zet de namen uit de bestanden erbij (of de bestandsnaam als er geen naam is)",
    )
    _add_files_options(team)


def run_compare(args: argparse.Namespace) -> int:
    """Compare two notes files and write the report."""
    # Imported here, as in _team: only these commands need the report code.
    from lob_tui import compare

    raamwerk = load_framework(args)
    # Without --role the first file names the role, so a file of an unknown role says so.
    rol = choose_role(raamwerk, args.role) if args.role else None
    text = compare.compare_files(raamwerk, args.a, args.b, rol, args.format)
    return write_report(text, args, "Vergelijking", [args.a, args.b])


def run_team(args: argparse.Namespace) -> int:
    """Count a team's notes files and write the overview."""
    from lob_tui import team

    raamwerk = load_framework(args)
    rol = choose_role(raamwerk, args.role) if args.role else None
    geteld = team.load_team(raamwerk, args.files, rol)

    # Every file left out is named, and the count said, before anything is written.
    for probleem in geteld.skipped:
        print(f"lob-tui: {probleem}", file=sys.stderr)
    if geteld.skipped or not geteld.files:
        print(f"lob-tui: {team.skipped_summary(geteld, len(args.files))}", file=sys.stderr)
    if not geteld.files:
        return EXIT_FOUT

    text = team.render_markdown_team(raamwerk, geteld, names=args.names)
    return write_report(text, args, "Teamoverzicht", args.files)
