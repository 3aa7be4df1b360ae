"""Where lob-tui finds its own files and keeps the user's.

``raamwerk.toml`` and ``styles/`` sit at the top of the checkout, where a school
edits them; an installed wheel carries them inside the package. Both layouts
are looked up here, so nothing else needs to know which one is running.
The user's notes and settings go to the folders platformdirs names for this
platform (``$XDG_DATA_HOME`` and ``$XDG_CONFIG_HOME`` on Linux). Nothing here
creates a folder or reads a file: that waits until something is saved.

platformdirs is imported only by the two functions that ask it: it brings
``tempfile``, ``shutil`` and ``random`` along (about 10 ms), which ``check``
and ``export`` with ``--notes`` never need.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "lob-tui"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """``name`` inside the installed package, or at the top of the checkout."""
    inside = _PACKAGE / name
    return inside if inside.exists() else _PACKAGE.parent / name


def default_framework_path() -> Path:
    """The framework file that ships with lob-tui."""
    return _bundled("raamwerk.toml")


def styles_path() -> Path:
    """The folder with the app's ``.tcss`` stylesheets."""
    return _bundled("styles")


def data_dir() -> Path:
    """The user's lob-tui data folder (not created here)."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_notes_path(rol_id: str) -> Path:
    """The notes file for one role when ``--notes`` is not given."""
    return data_dir() / f"notities-{rol_id}.toml"


def settings_path() -> Path:
    """The small settings file (theme, last position) in the user's config folder."""
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "instellingen.toml"
