"""The editor for one note: an item's own note, or a section's aandachtsveld.

The editor only shows and edits text; the screen decides what it belongs to
and writes it into the notes. ``doel`` says whose text is loaded, so a change
can be compared with the model rather than counted (``TextArea.Changed`` also
fires when a text is loaded).

For longer writing the user can take the note to their own editor
(``$VISUAL`` or ``$EDITOR``); ``edit_externally`` does the file round trip.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from lob_tui.errors import LobFout, describe_read_error
from lob_tui.framework import Item, Sectie
from lob_tui.widgets.fixed_size import FixedSizeScrollView
from lob_tui.widgets.literal import visible

NOTE_PROMPT = "Schrijf hier je notitie. Geen namen van leerlingen."
"""What an item's empty note says."""

FIELD_PROMPT = "Wat pak je op, wat bespreek je? Geen namen van leerlingen."
"""What a section's empty aandachtsveld says."""


class NoteEditor(TextArea, FixedSizeScrollView):
    """A plain-text editor whose text belongs to ``doel``.

    Every move through the tree loads another note, of another length; the
    editor's place on the screen stays the same (``FixedSizeScrollView``).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.focus_tree", "Terug naar de boom", id="terug"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus")
        self.placeholder = NOTE_PROMPT
        self.doel: Item | Sectie | None = None

    def show(self, doel: Item | Sectie | None, tekst: str, prompt: str = NOTE_PROMPT) -> None:
        """Load the text of ``doel``; the undo history starts afresh.

        ``prompt`` is what the field says while it is empty.
        """
        self.doel = doel
        self.placeholder = prompt
        self.load_text(tekst)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Keep the cursor's moves to the editor: nothing above it uses them.

        Every typed character and arrow key moves the cursor; passed on, the
        message would be handled in turn by the two panes, the screen and the app.
        """
        event.stop()

    def get_line(self, line_index: int) -> Text:
        """The line as shown: control characters visible, the document untouched.

        Built here rather than from ``super()``, whose ``Text`` drops a few
        control characters and so would no longer line up with the document.
        """
        return Text(visible(self.document.get_line(line_index)), end="", no_wrap=True)


def editor_command() -> list[str] | None:
    """The user's editor: ``$VISUAL``, ``$EDITOR``, or a common one that is installed."""
    for variable in ("VISUAL", "EDITOR"):
        command = os.environ.get(variable, "").strip()
        if command:
            return shlex.split(command)
    for fallback in ("nano", "vi"):
        found = shutil.which(fallback)
        if found:
            return [found]
    return None


def edit_externally(tekst: str, command: list[str]) -> str:
    """Let ``command`` edit ``tekst`` in a private temporary file; return the new text.

    Raises ``LobFout`` in Dutch when the editor cannot start, fails, or leaves
    text that is not UTF-8; the note then stays as it was.
    """
    handle, name = tempfile.mkstemp(prefix="lob-tui-notitie-", suffix=".txt")  # mode 0600
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(tekst)
        _run(command, path)
        edited = _read_utf8(path)
    finally:
        path.unlink(missing_ok=True)

    # Most editors end a file with a newline the user never typed.
    if edited.endswith("\n") and not tekst.endswith("\n"):
        edited = edited[:-1]
    return edited


def _run(command: list[str], path: Path) -> None:
    try:
        result = subprocess.run([*command, str(path)], check=False)
    except OSError as error:
        raise LobFout(
            f"de editor '{command[0]}' start niet ({_why_not_started(error)}); "
            "stel $VISUAL of $EDITOR in op een editor die er is"
        ) from None
    if result.returncode != 0:
        raise LobFout(
            f"de editor stopte met foutcode {result.returncode}; de notitie is niet veranderd"
        )


def _read_utf8(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise LobFout(
            "de editor bewaarde tekst die geen UTF-8 is; de notitie is niet veranderd"
        ) from None


def _why_not_started(error: OSError) -> str:
    """Why a program did not start, in Dutch for the usual reasons."""
    if isinstance(error, FileNotFoundError):
        return "niet gevonden"
    if isinstance(error, PermissionError):
        return "geen toestemming om het te starten"
    return describe_read_error(error)
