"""Allow ``python -m lob_tui`` as well as the ``lob-tui`` console script."""

from lob_tui.cli import program

raise SystemExit(program())
