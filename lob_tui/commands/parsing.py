"""An argparse that speaks Dutch, and the options every command shares.

argparse writes its usage lines, help headings and errors in English; a
decaan reads Dutch. The parser here titles its groups in Dutch, translates
the errors a mistyped command meets, and exits 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import NoReturn, TypeAlias

EXIT_OK, EXIT_FOUT, EXIT_GEBRUIK = 0, 1, 2

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


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, the width argparse wraps help to.

    argparse imports shutil for this in every formatter it makes, and it makes
    one for each option it adds; shutil brings bz2, lzma and zlib, about 4 ms
    of every ``check`` and ``export``, which never print help. Same rules:
    ``$COLUMNS`` first, then the terminal on stdout, else 80.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    if sys.__stdout__ is None:  # no stdout at all, as under pythonw
        return 80
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse's own default, minus its import of shutil (see _terminal_columns).
        width = _terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(
        self, usage: str | None, actions: object, groups: object, prefix: str | None = None
    ) -> None:
        prefix = "gebruik: " if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)  # type: ignore[arg-type]


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Dutch.

    ``opties`` is the group every option goes into, so that no English
    heading ("options") is left in the help.
    """

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


Subcommands: TypeAlias = "argparse._SubParsersAction[DutchParser]"
"""What ``add_subparsers`` returns; each command module adds itself to it."""


def add_common(group: argparse._ArgumentGroup, *, top: bool) -> None:
    """--notes, --framework and --role; on subcommands they keep the top level's value."""
    default = None if top else argparse.SUPPRESS
    group.add_argument(
        "--notes",
        type=Path,
        metavar="PAD",
        default=default,
        help="het notitiebestand (standaard in je gegevensmap, zie README)",
    )
    add_framework_and_role(group, default, "nodig als het raamwerk meer rollen heeft")


def add_framework_and_role(group: argparse._ArgumentGroup, default: object, rol_hint: str) -> None:
    """--framework and --role, for commands that take notes files as arguments too."""
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
        help=f"de rol (id uit het raamwerk); {rol_hint}",
    )
