"""``lob-tui check``: is the framework file in order, and what does it hold?"""

from __future__ import annotations

import argparse

from lob_tui.commands.parsing import EXIT_OK, Subcommands, add_common
from lob_tui.commands.selection import load_framework
from lob_tui.framework import summary


def add(commands: Subcommands) -> None:
    """Declare ``check`` and its options."""
    parser = commands.add_parser(
        "check",
        help="controleer het raamwerkbestand en toon een samenvatting",
        description="Controleer een raamwerkbestand: elke fout met bestand en regel.",
    )
    add_common(parser.opties, top=False)


def run(args: argparse.Namespace) -> int:
    """Print the summary; a framework with errors raises them all before this."""
    raamwerk = load_framework(args)
    print("\n".join(summary(raamwerk)))
    print("In orde.")
    return EXIT_OK
