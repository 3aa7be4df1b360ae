"""The notes file on disk: loading, saving safely, noticing changes by others.

One ``NotesStore`` owns one notes file. It remembers what the file looked like
when it was last read or written, so that a save can tell whether someone
else (another editor, a sync folder, a second lob-tui) changed it meanwhile
and refuse to overwrite that silently. The first save of each run keeps the
previous version as a backup beside the file. A file that cannot be read is
never written over: loading raises before a store could save anything.
"""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass
from pathlib import Path

from lob_tui import notes
from lob_tui.atomic import PRIVATE, remove_stale_temps, write_atomic
from lob_tui.errors import LobFout, NotitieFout, Probleem


@dataclass(frozen=True)
class Signature:
    """What a file looked like: enough to notice that someone changed it."""

    digest: str | None  # None: the file did not exist

    @classmethod
    def of(cls, data: bytes | None) -> Signature:
        return cls(None if data is None else hashlib.sha256(data).hexdigest())


class ConflictFout(LobFout):
    """The file changed on disk since lob-tui last read or wrote it."""


def backup_path(path: Path) -> Path:
    """Where the previous version is kept: ``notities.toml`` → ``notities.vorige.toml``."""
    return path.with_name(f"{path.stem}.vorige{path.suffix or '.toml'}")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def describe_os_error(error: OSError, path: Path) -> str:
    """A Dutch sentence for why a file could not be written, and what to do."""
    folder = path.parent
    reasons = {
        errno.EACCES: f"geen schrijfrechten in {folder} of op het bestand; geef die en het "
        "wordt opnieuw geprobeerd",
        errno.EPERM: f"geen toestemming om in {folder} te schrijven",
        errno.ENOSPC: "de schijf is vol; maak ruimte vrij en het wordt opnieuw geprobeerd",
        errno.EDQUOT: "je schijfquotum is op; maak ruimte vrij",
        errno.EROFS: f"{folder} staat op een alleen-lezen schijf",
        errno.ENOENT: f"de map {folder} bestaat niet (meer)",
        errno.ENOTDIR: f"{folder} is geen map",
        errno.EISDIR: f"{path} is een map, geen bestand",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


class NotesStore:
    """Loads and saves one notes file, and guards it against lost updates."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.backup = backup_path(path)
        self._seen: Signature | None = None
        self._backed_up = False

    def load(self, rol_id: str) -> notes.Notities:
        """Read the notes; a missing file is a fresh assessment for ``rol_id``."""
        try:
            data = _read(self.path)
        except OSError as error:
            raise NotitieFout(
                Probleem(self.path, f"kan het notitiebestand niet lezen ({error.strerror})")
            ) from None
        self._seen = Signature.of(data)
        if data is None:
            return notes.Notities(rol_id)

        notities = notes.parse_bytes(data, self.path)
        if notities.rol_id != rol_id:
            raise NotitieFout(
                Probleem(
                    self.path,
                    f"dit notitiebestand hoort bij de rol '{notities.rol_id}', niet bij "
                    f"'{rol_id}'; kies die rol met --role of een ander bestand met --notes",
                )
            )
        return notities

    def changed_on_disk(self) -> bool:
        """Whether the file differs from what this store last read or wrote."""
        try:
            current = Signature.of(_read(self.path))
        except OSError:
            return False
        return self._seen is not None and current != self._seen

    def save(self, notities: notes.Notities, *, force: bool = False) -> None:
        """Write the notes atomically, refusing to overwrite someone else's change.

        Raises ``ConflictFout`` when the file changed on disk (unless ``force``)
        and ``LobFout`` with a Dutch reason when the disk refuses the write.
        """
        if not force and self.changed_on_disk():
            raise ConflictFout(
                Probleem(self.path, "het notitiebestand is buiten lob-tui gewijzigd")
            )
        data = notes.dumps(notities).encode("utf-8")
        try:
            self._write(data)
        except OSError as error:
            raise LobFout(
                Probleem(self.path, f"niet bewaard: {describe_os_error(error, self.path)}")
            ) from None
        self._seen = Signature.of(data)

    def save_copy(self, notities: notes.Notities, path: Path) -> None:
        """Write the notes to another file, leaving this store's file alone."""
        try:
            write_atomic(path, notes.dumps(notities).encode("utf-8"))
        except OSError as error:
            raise LobFout(
                Probleem(path, f"niet bewaard: {describe_os_error(error, path)}")
            ) from None

    def _write(self, data: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove_stale_temps(self.path)
        if not self._backed_up:
            previous = _read(self.path)
            if previous is not None and previous != data:
                write_atomic(self.backup, previous, mode=PRIVATE)
            self._backed_up = True

        # Reading the temporary file back as notes proves the saved file will open.
        write_atomic(self.path, data, verify=lambda b: notes.parse_bytes(b, self.path))
