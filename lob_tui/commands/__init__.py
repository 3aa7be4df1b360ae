"""The subcommands of ``lob-tui``, one module each, and what they share.

Each command module offers ``add(commands)`` to declare its options and
``run(args)`` to carry it out. Options are declared with only light imports,
so that ``lob-tui --help`` or ``check`` never loads what ``export`` needs,
and none of them loads Textual.
"""
