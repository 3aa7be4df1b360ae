"""Reading what the app opens: the framework, the role and the notes.

The app reads these on a thread behind its first frame (a framework of
tens of thousands of items takes seconds to parse), so the reading lives
here, free of Textual, and hands back either what it read or the Dutch
problems that stop the start. A notes file that cannot be read is not such
a problem: the app shows it in a dialog and never writes over the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lob_tui import resources
from lob_tui.errors import NotitieFout
from lob_tui.framework import Raamwerk, Rol, load_raamwerk
from lob_tui.notes import Notities
from lob_tui.store import NotesStore


@dataclass(frozen=True)
class StartFiles:
    """The files a real start reads: the framework, and the role and notes asked for."""

    framework: Path
    role_id: str | None
    notes: Path | None
    """``--notes``; None: the role's own file in the user's data folder."""


@dataclass(frozen=True)
class NotesRead:
    """The store for a notes file, and its notes or why they could not be read."""

    store: NotesStore
    notities: Notities | None
    fout: NotitieFout | None


@dataclass(frozen=True)
class Opened:
    """What a start read: the framework, the role (None: the user chooses) and its notes."""

    raamwerk: Raamwerk
    rol: Rol | None
    notes: NotesRead | None


def notes_path(option: Path | None, rol: Rol) -> Path:
    """The notes file for ``rol``: the one asked for, or the role's own."""
    return option if option is not None else resources.default_notes_path(rol.id)


def read_notes(path: Path, rol: Rol) -> NotesRead:
    """Read the notes for ``rol``; a file that cannot be read is reported, not raised."""
    store = NotesStore(path)
    try:
        return NotesRead(store, store.load(rol.id), None)
    except NotitieFout as fout:
        return NotesRead(store, None, fout)


def open_files(files: StartFiles) -> Opened:
    """Read the framework, pick the role and read its notes.

    Raises ``LobFout`` when the framework cannot be read or has no such
    role: then there is nothing to show, and the start stops with the
    problems, as ``lob-tui check`` would print them.
    """
    from lob_tui.commands.selection import choose_role  # the rules every command shares

    raamwerk = load_raamwerk(files.framework)
    rol = choose_role(raamwerk, files.role_id)
    if rol is None:
        return Opened(raamwerk, None, None)
    return Opened(raamwerk, rol, read_notes(notes_path(files.notes, rol), rol))
