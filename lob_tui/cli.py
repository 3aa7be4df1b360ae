"""The ``lob-tui`` command line: start the app, check a framework, export notes.

``check`` and ``export`` must start fast, so this module imports only the data
core at the top; Textual is imported inside ``_run_app`` alone. Every fault
the user can mend ends in Dutch lines on stderr and exit code 1, wrong usage
in exit code 2, and no traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from lob_tui import __version__, export, filters, resources
from lob_tui.errors import LobFout, Probleem
from lob_tui.framework import Raamwerk, Rol, load_raamwerk, summary
from lob_tui.notes import Notities
from lob_tui.store import NotesStore

EXIT_OK, EXIT_FOUT, EXIT_GEBRUIK = 0, 1, 2

# argparse speaks English; these are the messages a mistyped command meets.
_ARGPARSE_NL = [
    (r"^unrecognized arguments: (.*)$", r"onbekende argumenten: \1"),
    (r"^the following arguments are required: (.*)$", r"deze argumenten ontbreken: \1"),
    (
        r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$",
        r"\1: ongeldige keuze \2 (kies uit \3)",
    ),
    (r"^argument (\S+): expected one argument$", r"\1 verwacht een waarde"),
    (r"^argument (\S+): expected at least one argument$", r"\1 verwacht minstens één waarde"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"\1 gaat niet samen met \2"),
    (r"^argument (\S+): invalid (\w+) value: (.*)$", r"\1: ongeldige waarde \3"),
    (r"^ambiguous option: (.*)$", r"dubbelzinnige optie: \1"),
]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self, usage: str | None, actions: object, groups: object, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)  # type: ignore[arg-type]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Dutch."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.opties = self.add_argument_group("opties")
        self.opties.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, dutch in _ARGPARSE_NL:
            if re.match(pattern, message):
                message = re.sub(pattern, dutch, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_GEBRUIK, f"{self.prog}: {message}\n")


def _add_common(group: argparse._ArgumentGroup, *, top: bool) -> None:
    """The options every command takes; on subcommands they keep the top level's value."""
    default = None if top else argparse.SUPPRESS
    group.add_argument(
        "--notes",
        type=Path,
        metavar="PAD",
        default=default,
        help="het notitiebestand (standaard in je gegevensmap, zie README)",
    )
    group.add_argument(
        "--framework",
        type=Path,
        metavar="PAD",
        default=default,
        help="een ander raamwerkbestand dan het meegeleverde raamwerk.toml",
    )
    group.add_argument(
        "--role",
        metavar="ID",
        default=default,
        help="de rol (id uit het raamwerk); nodig als het raamwerk meer rollen heeft",
    )


def build_parser() -> _Parser:
    """The whole command line, with a Dutch help text for each command."""
    parser = _Parser(
        prog="lob-tui",
        description=(
            "Loop het Raamwerk voor loopbaanbegeleiding jongeren door, geef per item aan\n"
            "waar je staat, schrijf aantekeningen en exporteer een overzicht voor een\n"
            "gesprek met een collega. Zonder opdracht start de app."
        ),
    )
    _add_common(parser.opties, top=True)
    parser.opties.add_argument(
        "--version",
        action="version",
        version=f"lob-tui {__version__}",
        help="toon het versienummer en stop",
    )
    commands = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT")

    check = commands.add_parser(
        "check",
        help="controleer het raamwerkbestand en toon een samenvatting",
        description="Controleer een raamwerkbestand: elke fout met bestand en regel.",
    )
    _add_common(check.opties, top=False)
    _add_compare_and_team(commands)
    _add_export(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "compare":
            return _compare(args)
        if args.command == "team":
            return _team(args)
        if args.command == "export":
            return _export(args)
        return _run_app(args)
    except LobFout as fout:
        for probleem in fout.problemen:
            print(f"lob-tui: {probleem}", file=sys.stderr)
        return EXIT_FOUT
    except KeyboardInterrupt:
        return 130


def framework_path(args: argparse.Namespace) -> Path:
    """The framework file the options select."""
    return args.framework or resources.default_framework_path()


def load_framework(args: argparse.Namespace) -> Raamwerk:
    """Load the selected framework, or raise its Dutch problems."""
    return load_raamwerk(framework_path(args))


def choose_role(raamwerk: Raamwerk, rol_id: str | None) -> Rol | None:
    """The role ``--role`` names, the only role, or None when the user must choose."""
    if rol_id is not None:
        rol = raamwerk.rol(rol_id)
        if rol is None:
            bekend = ", ".join(r.id for r in raamwerk.rollen)
            raise LobFout(Probleem(raamwerk.pad, f"de rol '{rol_id}' bestaat niet (wel: {bekend})"))
        return rol
    return raamwerk.rollen[0] if len(raamwerk.rollen) == 1 else None


def require_role(raamwerk: Raamwerk, rol_id: str | None) -> Rol:
    """Like ``choose_role``, but a command line without a dialog needs an answer now."""
    rol = choose_role(raamwerk, rol_id)
    if rol is None:
        bekend = ", ".join(r.id for r in raamwerk.rollen)
        raise LobFout(f"dit raamwerk heeft meer rollen; kies er een met --role ({bekend})")
    return rol


def notes_path(args: argparse.Namespace, rol: Rol) -> Path:
    """The notes file the options select for this role."""
    path: Path | None = args.notes
    return path.expanduser() if path else resources.default_notes_path(rol.id)


def _check(args: argparse.Namespace) -> int:
    raamwerk = load_framework(args)
    print("\n".join(summary(raamwerk)))
    print("In orde.")
    return EXIT_OK


# --- compare and team ----------------------------------------------------------------------------


def _add_files_options(parser: _Parser) -> None:
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


def _add_compare_and_team(commands: argparse._SubParsersAction[_Parser]) -> None:
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


def _compare(args: argparse.Namespace) -> int:
    # Imported here, as in _team: only these commands need the report code.
    from lob_tui import compare

    raamwerk = load_framework(args)
    # Without --role the first file names the role, so a file of an unknown role says so.
    rol = choose_role(raamwerk, args.role) if args.role else None
    text = compare.compare_files(raamwerk, args.a, args.b, rol, args.format)
    return _write_report(text, args, "Vergelijking", [args.a, args.b])


def _team(args: argparse.Namespace) -> int:
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
    return _write_report(text, args, "Teamoverzicht", args.files)


def _write_report(text: str, args: argparse.Namespace, wat: str, inputs: list[Path]) -> int:
    """To the screen, or to ``-o`` as the export writes: atomic, private, never over an input."""
    if args.output is None or str(args.output) == "-":
        return _to_stdout(text)
    target = args.output.expanduser()
    _refuse_own_files(target, *inputs, framework_path(args))
    export.write_export(text, target)
    print(f"{wat} geschreven naar {target.absolute()}")
    return EXIT_OK


def _run_app(args: argparse.Namespace) -> int:
    raamwerk = load_framework(args)
    rol = choose_role(raamwerk, args.role)
    from lob_tui.app import run_app  # Textual loads only when the app starts.

    return run_app(
        raamwerk,
        rol,
        notes=args.notes.expanduser() if args.notes else None,
        settings=resources.settings_path(),
    )


# --- export ------------------------------------------------------------------------------------


def _add_export(commands: argparse._SubParsersAction[_Parser]) -> None:
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
    _add_common(opties, top=False)
    opties.add_argument(
        "--format",
        choices=export.FORMATEN,
        default="markdown",
        help="markdown (standaard) of html: een losse pagina om af te drukken of te mailen",
    )
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
        choices=list(filters.STATUS_KEUZES),
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


def _export(args: argparse.Namespace) -> int:
    raamwerk = load_framework(args)
    rol = require_role(raamwerk, args.role)
    pad = notes_path(args, rol)
    # A blank form needs no notes, so a damaged notes file does not stand in its way.
    notities = Notities(rol.id) if args.blank else NotesStore(pad).load(rol.id)
    opties = export.Opties(
        args.format,
        tuple(args.area),
        args.only_noted,
        args.blank,
        statussen=tuple(filters.STATUS_KEUZES[naam] for naam in args.status),
        bronnen=tuple(args.source),
    )
    datum = date.today()

    text = export.render(raamwerk, rol, notities, opties, datum)
    if not args.blank:
        _warn_unknown(notities, rol)
    if args.output == "-":
        return _to_stdout(text)

    target = _export_target(args.output, pad, opties.formaat, datum)
    _refuse_own_files(target, pad, framework_path(args))
    export.write_export(text, target)
    print(f"Overzicht geschreven naar {target.absolute()}")
    return EXIT_OK


def _export_target(output: str | None, pad: Path, formaat: str, datum: date) -> Path:
    """``-o``'s file; a folder gets the default name; no ``-o`` means beside the notes."""
    if output is None:
        target = export.default_export_path(pad, formaat, datum)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return target
    target = Path(output).expanduser()
    if target.is_dir():
        return target / export.default_export_path(pad, formaat, datum).name
    return target


def _refuse_own_files(target: Path, *own: Path) -> None:
    """An export written over the notes or the framework would destroy them."""
    for path in own:
        if target.resolve() == path.expanduser().resolve():
            raise LobFout(
                Probleem(
                    target,
                    "hier zou de uitvoer een invoerbestand overschrijven; kies een ander "
                    "bestand voor -o",
                )
            )


def _warn_unknown(notities: Notities, rol: Rol) -> None:
    """Notes on items the framework no longer has are kept, but are not in the overview."""
    sectie_ids = [s.id for gebied in rol.aandachtsgebieden for s in gebied.secties]
    onbekend = notities.onbekend((i.id for i in rol.items()), sectie_ids)
    if onbekend:
        ids = ", ".join(export.visible(i).replace("\n", " ") for i in onbekend)
        print(
            f"lob-tui: let op: {len(onbekend)} notitie(s) bij items of onderdelen die niet in "
            f"dit raamwerk staan, staan niet in het overzicht: {ids}",
            file=sys.stderr,
        )


def _to_stdout(text: str) -> int:
    """Write the export as UTF-8 whatever the terminal's encoding; a closed pipe is no error."""
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:
            buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (say, `head`) stopped early; keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK
