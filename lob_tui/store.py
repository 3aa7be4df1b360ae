"""The notes file on disk: loading, saving safely, noticing changes by others.

One ``NotesStore`` owns one notes file. It remembers what the file looked like
when it was last read or written, so that a save can tell whether someone
else (another editor, a sync folder, a second lob-tui) changed it meanwhile
and refuse to overwrite that silently. The first save of each run keeps the
previous version as a backup beside the file. A file that cannot be read is
never written over: after a failed ``load`` the store refuses to save it.
"""

from __future__ import annotations

import errno
import os
import stat
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from lob_tui import notes
from lob_tui.atomic import PRIVATE, remove_stale_temps, write_atomic
from lob_tui.errors import LobFout, NotitieFout, Probleem, describe_read_error
from lob_tui.prepare import Preparer, in_process


class Signature(NamedTuple):
    """What a file looked like: enough to notice that someone changed it.

    A NamedTuple: as immutable and comparable as a frozen dataclass, without
    the six methods a dataclass would compile with exec at every start.
    """

    digest: str | None  # None: the file did not exist

    @classmethod
    def of(cls, data: bytes | None) -> Signature:
        # Imported here: hashlib loads OpenSSL (about 6 ms), which only a store
        # that will save needs; ``NotesStore.read`` never gets here.
        import hashlib

        return cls(None if data is None else hashlib.sha256(data).hexdigest())


class ConflictFout(LobFout):
    """The file changed on disk since lob-tui last read or wrote it."""


def backup_path(path: Path) -> Path:
    """Where the previous version is kept: ``notities.toml`` → ``notities.vorige.toml``."""
    return path.with_name(f"{path.stem}.vorige{path.suffix or '.toml'}")


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist (a fresh assessment)."""
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
        errno.EROFS: f"{folder} staat op een alleen-lezen schijf; kies een andere plek",
        errno.ENOENT: f"de map {folder} bestaat niet (meer)",
        errno.ENOTDIR: f"een deel van {folder} is een bestand, geen map",
        errno.EISDIR: f"{path} is een map, geen bestand",
        errno.EIO: "de schijf meldt een schrijffout; controleer de schijf of de verbinding",
        errno.ENAMETOOLONG: "de bestandsnaam is te lang; kies een kortere",
        errno.EFBIG: "het bestand is te groot voor deze schijf",
        errno.EMFILE: "te veel open bestanden; sluit andere programma's",
        errno.ELOOP: f"{path} verwijst in een kring naar zichzelf (symbolische koppeling)",
    }
    if isinstance(error, FileExistsError) and error.filename is not None:
        taken = Path(error.filename)
        if taken in (folder, *folder.parents):  # from mkdir: a file has the folder's name
            return f"{taken} is een bestand, geen map"
    fallback = f"het besturingssysteem weigerde ({error.strerror or error})"
    return reasons.get(error.errno or 0, fallback)


class NotesStore:
    """Loads and saves one notes file, and guards it against lost updates."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.backup = backup_path(path)
        self._seen: Signature | None = None  # None: not (successfully) loaded
        self._unreadable: NotitieFout | None = None
        self._backed_up = False

    def load(self, rol_id: str) -> notes.Notities:
        """Read the notes; a missing file is a fresh assessment for ``rol_id``.

        On any problem this raises ``NotitieFout`` and the store will not save
        over the file until a later ``load`` succeeds.
        """
        self._seen = None
        try:
            notities, data = self._read_notes(rol_id)
        except NotitieFout as fout:
            self._unreadable = fout
            raise
        self._unreadable = None
        self._seen = Signature.of(data)
        return notities

    def read(self, rol_id: str) -> notes.Notities:
        """The notes, for a command that only reads them (``export``); errors as in ``load``.

        The store stays as it was, without a signature of the file: it would
        still refuse to save over it, and the export never saves.
        """
        return self._read_notes(rol_id)[0]

    def _read_notes(self, rol_id: str) -> tuple[notes.Notities, bytes | None]:
        """The notes and the bytes they came from; any problem says the file is untouched."""
        try:
            data = _read(self.path)
        except OSError as error:
            reden = describe_read_error(error)
            raise _unchanged(
                Probleem(self.path, f"kan het notitiebestand niet lezen ({reden})")
            ) from None
        if data is None:
            return notes.Notities(rol_id), None
        try:
            notities = notes.parse_bytes(data, self.path)
        except NotitieFout as fout:
            raise _unchanged(fout.eerste) from None
        if notities.rol_id != rol_id:
            raise _unchanged(
                Probleem(
                    self.path,
                    f"dit notitiebestand hoort bij de rol '{notities.rol_id}', niet bij "
                    f"'{rol_id}'; kies die rol met --role of een ander bestand met --notes",
                )
            )
        return notities, data

    def changed_on_disk(self) -> bool:
        """Whether saving now would overwrite something this store has not seen.

        A file that has disappeared is not a change in that sense (saving
        recreates it and loses nothing). A file that cannot be read is not
        reported here; ``save`` refuses it and says why.
        """
        try:
            return self._differs(_read(self.path))
        except OSError:
            return False

    def _differs(self, current: bytes | None) -> bool:
        """Whether ``current`` (the bytes on disk) is something this store has not seen."""
        return current is not None and (self._seen is None or Signature.of(current) != self._seen)

    def save(
        self, notities: notes.Notities, *, force: bool = False, prepare: Preparer = in_process
    ) -> None:
        """Write the notes atomically, refusing to overwrite someone else's change.

        Raises ``ConflictFout`` when the file changed on disk (unless ``force``),
        ``NotitieFout`` when the file could not be loaded (even with ``force``:
        the user has not seen what would be lost) and ``LobFout`` with a Dutch
        reason when the disk refuses the write. The file is then as it was.
        A save in a background thread passes ``prepare=prepare.in_child``, so
        that turning the notes into bytes does not hold the GIL.
        """
        if self._unreadable is not None:
            raise NotitieFout(
                Probleem(
                    self.path,
                    "niet bewaard: dit bestand kon niet worden gelezen, dus lob-tui schrijft er "
                    "niet overheen; herstel het of kies een ander bestand met --notes",
                )
            )
        if not force:
            self._check_unchanged()  # before preparing: a conflict costs no preparation
        self._check_writable()
        try:
            data = prepare(notities, self.path)
        except OSError as error:  # the system refused (memory, a pipe): the file is untouched
            reason = describe_os_error(error, self.path)
            raise LobFout(Probleem(self.path, f"niet bewaard: {reason}")) from None
        if not force:
            # Again: preparing many notes takes a second or so, time enough for
            # a sync folder or an editor to write. What is left between this
            # check and the rename is a few milliseconds of reading and hashing.
            self._check_unchanged()
        try:
            self._write(data)
        except OSError as error:
            raise self._write_failed(error, data) from None
        except BaseException:
            # Interrupted (Ctrl-C, a signal turned into an exception) perhaps after
            # the rename: what is on disk may be ours, and must not look foreign.
            self._recognise(data)
            raise
        self._seen = Signature.of(data)

    def _check_unchanged(self) -> None:
        """Refuse to save over a change by someone else, or over a file it cannot check."""
        try:
            current = _read(self.path)
        except OSError as error:
            reden = describe_read_error(error)
            raise LobFout(
                Probleem(
                    self.path,
                    f"niet bewaard: kan niet nagaan of het bestand intussen is gewijzigd ({reden})",
                )
            ) from None
        if self._differs(current):
            raise ConflictFout(
                Probleem(
                    self.path,
                    "het notitiebestand is buiten lob-tui gewijzigd; laad het opnieuw, "
                    "bewaar je eigen versie eroverheen of bewaar die als kopie",
                )
            )

    def _check_writable(self) -> None:
        """Respect a notes file the user made read-only.

        Replacing a file needs only the folder's permission, so the atomic
        rename would quietly ignore the file's own read-only mark (and root
        ignores every mark); the mark is the user's wish, so it is checked.
        """
        try:
            mode = self.path.stat().st_mode
        except OSError:
            return  # missing or unreadable: the write itself will say what is wrong
        if not mode & stat.S_IWUSR:
            raise LobFout(
                Probleem(
                    self.path,
                    "niet bewaard: het notitiebestand is alleen-lezen; maak het weer "
                    "schrijfbaar (bijvoorbeeld chmod u+w) en bewaar opnieuw",
                )
            )

    def _write_failed(self, error: OSError, data: bytes) -> LobFout:
        """The error to raise after a failed write, and what the store now knows.

        When only the final folder fsync failed, the new file is already in
        place: the store must then treat it as its own, or the next save would
        see a conflict with itself.
        """
        reason = describe_os_error(error, self.path)
        if self._recognise(data):
            return LobFout(
                Probleem(
                    self.path,
                    f"bewaard, maar de schijf bevestigde het niet ({reason}); bewaar nog eens",
                )
            )
        return LobFout(Probleem(self.path, f"niet bewaard: {reason}"))

    def _recognise(self, data: bytes) -> bool:
        """After a failed write: if the file holds ``data`` after all, it is this store's."""
        try:
            on_disk = _read(self.path) == data
        except OSError:
            return False
        if on_disk:
            self._seen = Signature.of(data)
        return on_disk

    def save_copy(
        self, notities: notes.Notities, path: Path, *, prepare: Preparer = in_process
    ) -> None:
        """Write the notes to another file, leaving this store's file alone."""
        if _same_file(path, self.path):
            raise LobFout(
                Probleem(path, "dit is het notitiebestand zelf; kies een andere naam voor de kopie")
            )
        try:
            write_atomic(path, prepare(notities, path))
        except OSError as error:
            raise LobFout(
                Probleem(path, f"niet bewaard: {describe_os_error(error, path)}")
            ) from None

    def copy_path(self, when: datetime | None = None) -> Path:
        """A free name beside the notes file for 'save my version as a copy'."""
        stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
        suffix = self.path.suffix or ".toml"
        candidate = self.path.with_name(f"{self.path.stem}.kopie-{stamp}{suffix}")
        number = 2
        while candidate.exists():
            candidate = self.path.with_name(f"{self.path.stem}.kopie-{stamp}-{number}{suffix}")
            number += 1
        return candidate

    def _write(self, data: bytes) -> None:
        """Make the folder if needed, clear stale temporary files, back up once, write."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove_stale_temps(self.path)
        self._backup_once()
        # ``data`` was read back as these very notes before it was written;
        # write_atomic reads the temporary file back and compares it byte for
        # byte, so the saved file opens and holds exactly what was meant.
        write_atomic(self.path, data)

    def _backup_once(self) -> None:
        """At the first save of this run, keep the file as it was before the run."""
        if self._backed_up:
            return
        previous = _read(self.path)
        if previous is not None:
            remove_stale_temps(self.backup)
            write_atomic(self.backup, previous, mode=PRIVATE)
        self._backed_up = True


def _unchanged(probleem: Probleem) -> NotitieFout:
    """A load problem, saying that the file was left exactly as it was."""
    melding = f"{probleem.melding} (lob-tui heeft het bestand niet veranderd)"
    return NotitieFout(Probleem(probleem.pad, melding, probleem.regel))


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file, also through symbolic links."""
    return os.path.realpath(a) == os.path.realpath(b)
