"""The one error type for faults the user can mend: a bad file, a wrong option.

Everything the user reads is Dutch, and every message says what is wrong,
where (file and line when known) and what to do. The command line prints
these as single lines and exits 1; the app shows them in a dialog. Anything
that is *not* a ``LobFout`` is a bug in lob-tui and is reported as such.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import NamedTuple

from lob_tui.printable import printable


class Probleem(NamedTuple):
    """One thing wrong in one file, with the line where it was found.

    A NamedTuple: immutable like a frozen dataclass, without the methods a
    dataclass compiles with exec at every start of every command.
    """

    pad: Path | None
    melding: str
    regel: int | None = None

    def __str__(self) -> str:
        """One line for a terminal or dialog; text from the file cannot act as control codes."""
        if self.pad is None:
            return printable(self.melding)
        plaats = f"{self.pad}, regel {self.regel}" if self.regel else str(self.pad)
        return printable(f"{plaats}: {self.melding}")


class LobFout(Exception):
    """A fault in the user's input; carries one or more Dutch ``Probleem``s."""

    def __init__(self, problemen: list[Probleem] | Probleem | str) -> None:
        if isinstance(problemen, str):
            problemen = [Probleem(None, problemen)]
        elif isinstance(problemen, Probleem):
            problemen = [problemen]
        # An error that says nothing would leave the user guessing; never raise one empty.
        self.problemen: list[Probleem] = problemen or [Probleem(None, "onbekende fout")]
        super().__init__("\n".join(str(p) for p in problemen))

    @property
    def eerste(self) -> Probleem:
        """The first problem: the one a short message shows."""
        return self.problemen[0]


class RaamwerkFout(LobFout):
    """The framework file cannot be used; nothing was loaded."""


class NotitieFout(LobFout):
    """The notes file cannot be read; it was left exactly as it was."""


_LEESREDENEN = {
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen toestemming",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOENT: "het bestand bestaat niet",
    errno.EIO: "de schijf gaf een leesfout",
    errno.ELOOP: "een symbolische koppeling die in een kring naar zichzelf verwijst",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
}


def describe_read_error(error: OSError) -> str:
    """Why a file could not be read, in Dutch where the reason is a common one."""
    return _LEESREDENEN.get(error.errno or 0, error.strerror or str(error))
