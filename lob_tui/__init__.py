"""lob-tui: het Raamwerk voor loopbaanbegeleiding jongeren in de terminal.

The package is split in two layers. The data core (``framework``, ``notes``,
``store``, ``export`` and the modules they use) never imports Textual or Rich,
so the command line's ``check`` and ``export`` start fast and can be tested
without a terminal. The user interface (``app``, ``screens``, ``widgets``)
builds on that core and is only imported when the app starts.
"""

__version__ = "0.1.0"
"""The one place the version is written; pyproject.toml reads it from here."""

__all__ = ["__version__"]
