"""The ``lob-tui`` command line: start the app, or run one of the subcommands.

``check`` and ``export`` must start fast, so this module and the command
modules import only the data core at the top; Textual is imported in
``_run_app`` alone, and markdown-it only by the commands that write Markdown.
Every fault the user can mend ends in Dutch lines on stderr and exit code 1,
wrong usage in exit code 2, and no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from lob_tui import __version__, resources
from lob_tui.commands import check, export, reports
from lob_tui.commands.parsing import EXIT_FOUT, EXIT_OK, DutchParser, add_common
from lob_tui.commands.selection import choose_role, framework_path
from lob_tui.errors import LobFout

__all__ = ["build_parser", "choose_role", "main"]

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": check.run,
    "compare": reports.run_compare,
    "team": reports.run_team,
    "export": export.run,
}


def build_parser() -> DutchParser:
    """The whole command line, with a Dutch help text for each command."""
    parser = DutchParser(
        prog="lob-tui",
        description=(
            "Loop het Raamwerk voor loopbaanbegeleiding jongeren door, geef per item aan\n"
            "waar je staat, schrijf aantekeningen en exporteer een overzicht voor een\n"
            "gesprek met een collega. Zonder opdracht start de app."
        ),
    )
    add_common(parser.opties, top=True)
    parser.opties.add_argument(
        "--version",
        action="version",
        version=f"lob-tui {__version__}",
        help="toon het versienummer en stop",
    )
    commands = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT")
    check.add(commands)
    reports.add(commands)
    export.add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS.get(args.command, _run_app)(args)
    except LobFout as fout:
        for probleem in fout.problemen:
            print(f"lob-tui: {probleem}", file=sys.stderr)
        return EXIT_FOUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (say, `lob-tui check | head`) stopped early: not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _run_app(args: argparse.Namespace) -> int:
    """Start the app; it reads the framework and the notes behind its first frame."""
    from lob_tui.app import run_app  # Textual loads only when the app starts.
    from lob_tui.opening import StartFiles

    files = StartFiles(
        framework_path(args),
        args.role,
        args.notes.expanduser() if args.notes else None,
    )
    return run_app(files, settings=resources.settings_path())
