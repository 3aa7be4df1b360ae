"""The notes file on disk: private, backed up once per run, never overwriting someone else's change.

Disk faults are injected by replacing ``os.write``, ``os.replace``, ``os.fsync``
or ``os.open`` with a function that raises the ``OSError`` a full disk, a
missing permission or a read-only file system raises. The tests run as root
in CI, and root ignores ``chmod``: a folder made unwritable with chmod would
not stop the save, so fault injection stands in for it (it reaches exactly
the code path a real EACCES would). After each fault the same store must save
as soon as the fault is gone, as the app does without a restart.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lob_tui import atomic, notes, prepare
from lob_tui.errors import LobFout, NotitieFout
from lob_tui.notes import Notities, Status, parse_bytes
from lob_tui.store import ConflictFout, NotesStore, backup_path, describe_os_error

ROL = "decaan-slb-coordinator"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def notes_with(text: str) -> Notities:
    result = Notities(ROL)
    result.set_tekst("visie-r1", text)
    result.set_status("visie-r1", Status.WIL_IK_ONTWIKKELEN)
    return result


def temps(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if atomic.TEMP_MARK in name]


@pytest.fixture
def umask0() -> Iterator[None]:
    """A umask that would make every new file world-writable, to prove modes are set."""
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "notities.toml"


@pytest.fixture
def saved(path: Path) -> tuple[NotesStore, bytes]:
    """A notes file with content, loaded by a fresh store: the app just after start."""
    NotesStore(path).save(notes_with("eerste versie"))
    store = NotesStore(path)
    store.load(ROL)
    return store, path.read_bytes()


# --- Durability ---


def test_a_save_syncs_the_file_before_the_rename_and_the_folder_after_it(
    saved: tuple[NotesStore, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = saved
    store.save(notes_with("tweede versie"))  # the backup is written; now only the file is
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        steps.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.save(notes_with("derde versie"))
    assert steps == ["fsync file", "replace", "fsync folder"]


# --- Privacy ---


def test_the_notes_file_and_its_new_folder_are_private_whatever_the_umask(
    tmp_path: Path, umask0: None
) -> None:
    path = tmp_path / "nieuw" / "notities.toml"
    NotesStore(path).save(notes_with("privé"))
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_the_backup_is_private_whatever_the_umask(
    saved: tuple[NotesStore, bytes], umask0: None
) -> None:
    store, _ = saved
    store.save(notes_with("tweede versie"))
    assert mode(store.backup) == 0o600


def test_temporary_files_are_private_whatever_the_umask(
    path: Path, umask0: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real_replace = os.replace

    def replace_and_note_mode(src: Any, dst: Any) -> None:
        seen.append(stat.S_IMODE(os.stat(src).st_mode))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_and_note_mode)
    store = NotesStore(path)
    store.save(notes_with("een"))
    NotesStore(path).save(notes_with("twee"), force=True)  # writes a backup, then the file
    assert seen == [0o600, 0o600, 0o600]


def test_a_file_that_was_readable_by_others_becomes_private_on_save(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, _ = saved
    store.path.chmod(0o644)
    store.save(notes_with("tweede versie"))
    assert mode(store.path) == 0o600


# --- Backup ---


def test_the_first_save_of_a_run_keeps_the_previous_bytes_as_backup(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, before = saved
    assert store.backup == store.path.with_name("notities.vorige.toml")
    store.save(notes_with("tweede versie"))
    assert store.backup.read_bytes() == before


def test_later_saves_of_the_same_run_leave_the_backup_alone(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, before = saved
    store.save(notes_with("tweede versie"))
    store.save(notes_with("derde versie"))
    assert store.backup.read_bytes() == before


def test_the_next_run_backs_up_what_the_previous_run_saved_last(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, _ = saved
    store.save(notes_with("laatste van de eerste run"))
    last = store.path.read_bytes()
    next_run = NotesStore(store.path)
    next_run.load(ROL)
    next_run.save(notes_with("tweede run"))
    assert next_run.backup.read_bytes() == last


def test_a_first_save_of_identical_bytes_still_keeps_the_start_of_the_run(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, before = saved
    store.save(parse_bytes(before, store.path))
    store.save(notes_with("gewijzigd"))
    assert store.backup.read_bytes() == before


def test_there_is_no_backup_when_there_was_no_file(path: Path) -> None:
    NotesStore(path).save(notes_with("eerste"))
    assert not backup_path(path).exists()


# --- Conflicts ---


def test_a_change_by_another_program_is_noticed_and_not_overwritten(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, _ = saved
    theirs = store.path.read_text(encoding="utf-8").replace("eerste versie", "hun versie")
    other_program = "import sys; open(sys.argv[1], 'w', encoding='utf-8').write(sys.argv[2])"
    subprocess.run([sys.executable, "-c", other_program, str(store.path), theirs], check=True)

    assert store.changed_on_disk()
    with pytest.raises(ConflictFout, match="buiten lob-tui gewijzigd"):
        store.save(notes_with("mijn versie"))
    assert store.path.read_text(encoding="utf-8") == theirs


def test_a_change_made_while_the_bytes_are_prepared_is_not_overwritten(
    saved: tuple[NotesStore, bytes],
) -> None:
    """Preparing 10,000 notes takes about a second: a change in that second counts too."""
    store, _ = saved
    theirs = store.path.read_text(encoding="utf-8").replace("eerste versie", "hun versie")

    def slow_preparer(notities: Notities, path: Path) -> bytes:
        data = prepare.in_process(notities, path)
        path.write_text(theirs, encoding="utf-8")  # another program, mid-preparation
        return data

    with pytest.raises(ConflictFout, match="buiten lob-tui gewijzigd"):
        store.save(notes_with("mijn versie"), prepare=slow_preparer)
    assert store.path.read_text(encoding="utf-8") == theirs
    assert not store.backup.exists(), "a refused save does not back up either"


def test_force_saves_over_a_change_and_later_saves_do_not_conflict_with_it(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, _ = saved
    store.path.write_text(store.path.read_text(encoding="utf-8") + "\n# hun regel\n")
    store.save(notes_with("mijn versie"), force=True)
    store.save(notes_with("mijn volgende versie"))
    assert parse_bytes(store.path.read_bytes(), store.path).item("visie-r1").tekst == (
        "mijn volgende versie"
    )


def test_save_copy_writes_elsewhere_and_leaves_the_changed_file_alone(
    saved: tuple[NotesStore, bytes], umask0: None
) -> None:
    store, _ = saved
    store.path.write_text(store.path.read_text(encoding="utf-8") + "\n# hun regel\n")
    theirs = store.path.read_bytes()
    copy = store.copy_path()
    assert copy.parent == store.path.parent and not copy.exists()

    store.save_copy(notes_with("mijn versie"), copy)
    assert parse_bytes(copy.read_bytes(), copy).item("visie-r1").tekst == "mijn versie"
    assert mode(copy) == 0o600
    assert store.path.read_bytes() == theirs
    assert store.copy_path() != copy


def test_save_copy_refuses_the_notes_file_itself(saved: tuple[NotesStore, bytes]) -> None:
    store, before = saved
    with pytest.raises(LobFout, match="notitiebestand zelf"):
        store.save_copy(notes_with("x"), store.path)
    assert store.path.read_bytes() == before


def test_a_store_that_never_loaded_does_not_overwrite_an_existing_file(
    saved: tuple[NotesStore, bytes],
) -> None:
    _, before = saved
    stranger = NotesStore(saved[0].path)
    with pytest.raises(ConflictFout):
        stranger.save(notes_with("blind"))
    assert stranger.path.read_bytes() == before


def test_a_file_created_by_someone_else_after_loading_nothing_is_a_conflict(path: Path) -> None:
    store = NotesStore(path)
    store.load(ROL)
    NotesStore(path).save(notes_with("van een ander"))
    with pytest.raises(ConflictFout):
        store.save(notes_with("van mij"))


def test_a_file_deleted_while_open_is_recreated_by_the_next_save(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, _ = saved
    store.path.unlink()
    assert not store.changed_on_disk()
    store.save(notes_with("terug"))
    assert NotesStore(store.path).load(ROL).item("visie-r1").tekst == "terug"


def test_a_folder_deleted_while_open_is_recreated_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "map" / "notities.toml"
    store = NotesStore(path)
    store.load(ROL)
    store.save(notes_with("een"))
    for name in os.listdir(path.parent):
        (path.parent / name).unlink()
    path.parent.rmdir()
    store.save(notes_with("twee"))
    assert NotesStore(path).load(ROL).item("visie-r1").tekst == "twee"


# --- Disk faults ---


def failing(code: int) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


FAULTS = [
    ("write", errno.ENOSPC, "de schijf is vol"),
    ("write", errno.EDQUOT, "schijfquotum"),
    ("write", errno.EIO, "schrijffout"),
    ("fsync", errno.ENOSPC, "de schijf is vol"),
    ("fsync", errno.EROFS, "alleen-lezen schijf"),
    ("replace", errno.EACCES, "geen schrijfrechten"),
    ("replace", errno.EROFS, "alleen-lezen schijf"),
    ("open", errno.EACCES, "geen schrijfrechten"),  # the folder cannot be written
    ("open", errno.EROFS, "alleen-lezen schijf"),
    ("open", errno.ENAMETOOLONG, "te lang"),
]


@pytest.mark.parametrize(("call", "code", "words"), FAULTS)
def test_a_disk_fault_gives_a_dutch_reason_keeps_the_file_and_passes_when_gone(
    saved: tuple[NotesStore, bytes],
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    code: int,
    words: str,
) -> None:
    store, before = saved
    monkeypatch.setattr(os, call, failing(code))
    with pytest.raises(LobFout) as caught:
        store.save(notes_with("tweede versie"))
    monkeypatch.undo()

    assert caught.value.eerste.pad == store.path
    assert caught.value.eerste.melding.startswith("niet bewaard: ")
    assert words in caught.value.eerste.melding
    assert store.path.read_bytes() == before
    assert temps(store.path.parent) == []

    store.save(notes_with("tweede versie"))  # same store, no restart
    assert NotesStore(store.path).load(ROL).item("visie-r1").tekst == "tweede versie"


def test_an_unknown_os_error_is_still_explained_in_dutch(
    saved: tuple[NotesStore, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = saved
    monkeypatch.setattr(os, "write", failing(errno.ETXTBSY))
    with pytest.raises(LobFout, match="het besturingssysteem weigerde"):
        store.save(notes_with("x"))


def test_a_write_that_makes_no_progress_counts_as_a_full_disk(
    saved: tuple[NotesStore, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, before = saved
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    with pytest.raises(LobFout, match="de schijf is vol"):
        store.save(notes_with("x"))
    assert store.path.read_bytes() == before


def test_a_read_only_notes_file_is_respected_until_it_is_writable_again(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, before = saved
    store.path.chmod(0o400)
    with pytest.raises(LobFout, match="alleen-lezen"):
        store.save(notes_with("tweede versie"))
    assert store.path.read_bytes() == before

    store.path.chmod(0o600)
    store.save(notes_with("tweede versie"))
    assert NotesStore(store.path).load(ROL).item("visie-r1").tekst == "tweede versie"


def test_a_failed_folder_fsync_after_the_rename_says_so_and_does_not_cause_a_conflict(
    saved: tuple[NotesStore, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = saved
    store.save(notes_with("tweede versie"))  # the backup is written; now only the file is
    monkeypatch.setattr(atomic, "fsync_folder", failing(errno.EIO))
    with pytest.raises(LobFout, match="bewaard, maar de schijf bevestigde het niet"):
        store.save(notes_with("derde versie"))
    monkeypatch.undo()
    assert not store.changed_on_disk()
    store.save(notes_with("vierde versie"))


def test_a_folder_that_cannot_be_fsynced_at_all_is_no_error(
    saved: tuple[NotesStore, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = saved
    real_fsync = os.fsync

    def fsync_files_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not supported")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_files_only)
    store.save(notes_with("tweede versie"))


def test_a_save_that_would_not_read_back_the_same_is_refused(
    saved: tuple[NotesStore, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, before = saved
    real_dumps = notes.dumps
    monkeypatch.setattr(notes, "dumps", lambda n: real_dumps(n).replace("tweede", "derde"))
    with pytest.raises(LobFout, match="las niet terug"):
        store.save(notes_with("tweede versie"))
    assert store.path.read_bytes() == before
    assert temps(store.path.parent) == []


def test_stale_temporary_files_of_a_killed_save_are_removed_by_the_next(
    saved: tuple[NotesStore, bytes],
) -> None:
    store, _ = saved
    stale = atomic.temp_path(store.path)
    stale.write_bytes(b"half")
    store.save(notes_with("tweede versie"))
    assert temps(store.path.parent) == []


def test_cleaning_up_removes_only_this_files_temporaries_whatever_its_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notities [*?].toml"
    ours, theirs = atomic.temp_path(path), atomic.temp_path(tmp_path / "notities x.toml")
    ours.write_bytes(b"half")
    theirs.write_bytes(b"van een ander bestand")
    atomic.remove_stale_temps(path)
    assert temps(tmp_path) == [theirs.name]
    atomic.remove_stale_temps(tmp_path / "nog-geen-map" / "notities.toml")  # nothing to clean


def test_a_symlinked_notes_file_stays_a_link_and_its_target_is_updated(tmp_path: Path) -> None:
    target = tmp_path / "sync" / "notities.toml"
    target.parent.mkdir()
    link = tmp_path / "notities.toml"
    link.symlink_to(target)
    store = NotesStore(link)
    store.load(ROL)
    store.save(notes_with("via de koppeling"))
    store.save(notes_with("nog eens"))
    assert link.is_symlink()
    assert parse_bytes(target.read_bytes(), target).item("visie-r1").tekst == "nog eens"
    assert temps(target.parent) == [] and temps(tmp_path) == []


def test_an_unreadable_notes_file_is_a_dutch_error_and_is_not_saved_over(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.write_text("schema = 1\n", encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", failing(errno.EACCES))
    store = NotesStore(path)
    with pytest.raises(NotitieFout, match="geen leesrechten"):
        store.load(ROL)
    monkeypatch.undo()
    with pytest.raises(NotitieFout, match="niet bewaard"):
        store.save(notes_with("x"), force=True)
    assert path.read_text(encoding="utf-8") == "schema = 1\n"


def test_a_file_where_a_folder_should_be_is_named_as_such(tmp_path: Path) -> None:
    """mkdir's errors name the file that is in the way; any other clash is not that."""
    folder = tmp_path / "map" / "lob-tui"
    path = folder / "notities.toml"
    taken = FileExistsError(errno.EEXIST, "File exists", str(folder))
    assert describe_os_error(taken, path) == f"{folder} is een bestand, geen map"
    on_the_way = NotADirectoryError(errno.ENOTDIR, "Not a directory", str(folder))
    assert describe_os_error(on_the_way, path) == f"een deel van {folder} is een bestand, geen map"
    clash = FileExistsError(errno.EEXIST, "File exists", str(folder / ".notities.toml.tmp"))
    assert describe_os_error(clash, path) == "het besturingssysteem weigerde (File exists)"
