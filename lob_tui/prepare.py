"""The bytes of a notes file, proved to read back as the notes before they are written.

Nearly all the time a save takes is spent here: tomli-w writing the TOML and
tomllib reading it back, to prove that the file will open as these very notes.
The proof needs only the bytes, not the disk, so it is made once, before the
write; the atomic write then reads the temporary file back and compares it
byte for byte. Together that proves what reading the file back as notes did,
and it leaves the parsing free to happen anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lob_tui import notes
from lob_tui.errors import LobFout, NotitieFout, Probleem

Preparer = Callable[[notes.Notities, Path], bytes]
"""Turns notes into the bytes of their file at a path, or raises a Dutch ``LobFout``."""


def in_process(notities: notes.Notities, path: Path) -> bytes:
    """The file's bytes, after reading them back as notes and finding these very notes.

    Reading back happens before anything is written, so it is done once; the
    atomic write then proves byte for byte that the file holds these bytes.
    """
    data = notes.to_bytes(notities)
    try:
        same = notes.parse_bytes(data, path) == notities
    except NotitieFout:
        same = False
    if not same:
        raise LobFout(
            Probleem(
                path,
                "niet bewaard: wat lob-tui schreef, las niet terug als je notities (een fout in "
                "lob-tui); het bestand is niet veranderd. Bewaar je tekst elders en meld dit",
            )
        )
    return data
