"""Where a command's text goes: the screen, or a private file that is never an input.

Exports and reports hold the user's notes, so a file is written atomically
and readable by the owner alone, and never over the notes, the framework or
a colleague's file that the command is reading.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lob_tui.commands.parsing import EXIT_OK
from lob_tui.commands.selection import framework_path
from lob_tui.errors import LobFout, Probleem


def to_stdout(text: str) -> int:
    """Write as UTF-8 whatever the terminal's encoding; a closed pipe is no error."""
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


def refuse_own_files(target: Path, *inputs: Path) -> None:
    """Output written over an input (notes, framework) would destroy it."""
    for path in inputs:
        if target.resolve() == path.expanduser().resolve():
            raise LobFout(
                Probleem(
                    target,
                    "hier zou de uitvoer een invoerbestand overschrijven; kies een ander "
                    "bestand voor -o",
                )
            )


def write_report(text: str, args: argparse.Namespace, wat: str, inputs: list[Path]) -> int:
    """To the screen without ``-o`` (or with ``-o -``), else to that file, and say where."""
    from lob_tui.export import write_export  # the atomic, private writer exports use

    if args.output is None or str(args.output) == "-":
        return to_stdout(text)
    target = Path(args.output).expanduser()
    refuse_own_files(target, *inputs, framework_path(args))
    write_export(text, target)
    print(f"{wat} geschreven naar {target.absolute()}")
    return EXIT_OK
