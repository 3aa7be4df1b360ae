"""The ``lob-tui`` command line: start the app, or run one of the subcommands.

``check`` and ``export`` must start fast, so this module and the command
modules import only the data core at the top; Textual is imported in
``_run_app`` alone, and markdown-it only by the commands that write Markdown.
Every fault the user can mend ends in Dutch lines on stderr and exit code 1,
wrong usage in exit code 2, and no traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence

from lob_tui import __version__, resources
from lob_tui.commands import check, export, reports
from lob_tui.commands.parsing import EXIT_FOUT, EXIT_OK, DutchParser, add_common
from lob_tui.commands.selection import choose_role, framework_path
from lob_tui.errors import LobFout

__all__ = ["build_parser", "choose_role", "main", "program"]

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


def main(argv: Sequence[str] | None = None, *, exits: bool = False) -> int:
    """Run the command line; return the exit code.

    ``exits`` says that the process ends when this returns, as it does for the
    ``lob-tui`` program; a batch command then runs without the garbage collector.
    """
    args = build_parser().parse_args(argv)
    batch = _COMMANDS.get(args.command)
    if batch is not None and exits:
        _stop_collecting()
    try:
        return (batch or _run_app)(args)
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


def program() -> int:
    """``lob-tui`` and ``python -m lob_tui``: ``main`` in a process that ends when it returns."""
    return main(exits=True)


def _stop_collecting() -> None:
    """Leave the cyclic garbage collector out of the rest of a batch command's process.

    ``check``, ``export``, ``compare`` and ``team`` read their files once, write
    one text and exit. Reference counting frees what they build: the model,
    the notes and the Markdown hold no reference cycles, and the only cyclic
    garbage (argparse's and markdown-it's parsers, some 250 objects) does not
    grow with the files. Collecting on the way only costs time: the collector
    would walk everything imported so far, again and again while markdown-it
    loads, and once more at shutdown, which collects even with the collector
    disabled but skips frozen objects. Together that is about 7 ms of an HTML
    export. The app is not touched: it runs for hours, and widgets form cycles.
    """
    gc.freeze()
    gc.disable()


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
