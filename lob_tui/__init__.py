"""lob-tui: het Raamwerk voor loopbaanbegeleiding jongeren in de terminal.

The package is split in two layers. The data core (``framework``, ``notes``,
``store``, ``export`` and the modules they use) never imports Textual or Rich,
so the command line's ``check`` and ``export`` start fast and can be tested
without a terminal. The user interface (``app``, ``screens``, ``widgets``)
builds on that core and is only imported when the app starts.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lob-tui")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0+onbekend"

__all__ = ["__version__"]
