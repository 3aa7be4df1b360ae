"""An interrupted save leaves the old file or the new one, never a broken one.

Two kinds of proof. In-process, a fault is injected at each step of a save
(open, write, fsync, close, read-back, verify, replace, folder fsync) and at
every single system call a save makes, both as an ``OSError`` and as an
interruption that is not an ``Exception`` (as ``KeyboardInterrupt`` is); the
file must then be the old or the new version and no temporary file may stay.
For real, a loop of savers in separate processes is killed with SIGKILL at
random moments hundreds of times; after each kill the file must load and be
exactly one of the versions written, never older than the last one seen.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from crash_saver import ROL, number_of, version

from lob_tui import atomic, notes
from lob_tui.errors import LobFout
from lob_tui.notes import Notities
from lob_tui.store import NotesStore

SAVER = Path(__file__).with_name("crash_saver.py")


class Interrupted(BaseException):
    """An interruption that is no ``Exception``, like KeyboardInterrupt or SystemExit."""


def temps(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if atomic.TEMP_MARK in name]


def start_of_run(path: Path) -> tuple[NotesStore, bytes]:
    """A notes file with version 1, and a store that has loaded it and saved once.

    Saving once first takes the backup, so that a fault hits the file itself.
    """
    NotesStore(path).save(version(1))
    store = NotesStore(path)
    store.load(ROL)
    store.save(version(2))
    return store, path.read_bytes()


# --- In-process: a fault at each named step ---


def is_temp(target: Any) -> bool:
    return atomic.TEMP_MARK in str(target)


def on_temp_open(real: Callable[..., Any], fault: BaseException) -> Callable[..., Any]:
    def fake(path: Any, *args: Any, **kwargs: Any) -> Any:
        if is_temp(path):
            raise fault
        return real(path, *args, **kwargs)

    return fake


def on_call(real: Callable[..., Any], fault: BaseException, nth: int = 1) -> Callable[..., Any]:
    """Fail the ``nth`` call; a close still closes first, so no descriptor leaks."""
    calls = 0

    def fake(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth:
            if real is os.close:
                real(*args, **kwargs)
            raise fault
        return real(*args, **kwargs)

    return fake


def on_folder_fsync(real: Callable[..., Any], fault: BaseException) -> Callable[..., Any]:
    def fake(fd: int) -> None:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            raise fault
        real(fd)

    return fake


def on_temp_read(real: Callable[..., Any], fault: BaseException) -> Callable[..., Any]:
    def fake(self: Path) -> bytes:
        if is_temp(self):
            raise fault
        return real(self)  # type: ignore[no-any-return]

    return fake


# step name -> (object, attribute, wrapper, whether the new file is in place afterwards)
STEPS: dict[str, tuple[Any, str, Callable[..., Any], bool]] = {
    "open": (os, "open", on_temp_open, False),
    "write": (os, "write", on_call, False),
    "fsync": (os, "fsync", on_call, False),
    "close": (os, "close", on_call, False),
    "read-back": (Path, "read_bytes", on_temp_read, False),
    "verify": (notes, "parse_bytes", on_call, False),
    "replace": (os, "replace", on_call, False),
    "folder fsync": (os, "fsync", on_folder_fsync, True),
}


@pytest.mark.parametrize(
    "fault", [OSError(errno.EIO, "I/O"), Interrupted()], ids=["oserror", "interrupt"]
)
@pytest.mark.parametrize("step", list(STEPS))
def test_a_save_interrupted_at_any_step_leaves_the_old_or_the_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, fault: BaseException
) -> None:
    path = tmp_path / "notities.toml"
    store, old = start_of_run(path)
    new = notes.to_bytes(version(3))
    owner, name, wrap, replaced = STEPS[step]
    monkeypatch.setattr(owner, name, wrap(getattr(owner, name), fault))

    with pytest.raises((LobFout, Interrupted)):
        store.save(version(3))
    monkeypatch.undo()

    assert path.read_bytes() == (new if replaced else old)
    assert temps(tmp_path) == []
    store.save(version(4))  # and the same store carries on
    assert number_of(NotesStore(path).load(ROL)) == 4


WRAPPED = [(os, "open"), (os, "write"), (os, "fsync"), (os, "close"), (os, "replace")]
WRAPPED += [(Path, "read_bytes")]


@dataclass
class CallCounter:
    """Counts the system calls of a save and fails the ``fail_at``-th one."""

    fault: BaseException
    fail_at: int = 0
    calls: int = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for owner, name in WRAPPED:
            monkeypatch.setattr(owner, name, self.wrap(getattr(owner, name)))

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.fail_at:
                if real is os.close:
                    real(*args, **kwargs)
                raise self.fault
            return real(*args, **kwargs)

        return counted


def first_save_of_a_run(path: Path) -> tuple[NotesStore, bytes]:
    """A file from an earlier run, and a store that loaded it: its next save writes the backup."""
    if path.exists():
        path.unlink()
    atomic_backup = path.with_name("notities.vorige.toml")
    if atomic_backup.exists():
        atomic_backup.unlink()
    NotesStore(path).save(version(1))
    store = NotesStore(path)
    store.load(ROL)
    return store, path.read_bytes()


@pytest.mark.parametrize(
    "fault", [OSError(errno.ENOSPC, "vol"), Interrupted()], ids=["oserror", "interrupt"]
)
def test_a_fault_at_every_system_call_of_a_first_save_leaves_old_or_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: BaseException
) -> None:
    path = tmp_path / "notities.toml"
    backup = path.with_name("notities.vorige.toml")
    new = notes.to_bytes(version(2))

    store, old = first_save_of_a_run(path)
    counting = CallCounter(fault)
    counting.install(monkeypatch)
    store.save(version(2))
    monkeypatch.undo()
    total = counting.calls
    assert total >= 20  # open, write, fsync, close, read back, replace: twice, and the checks

    for fail_at in range(1, total + 1):
        store, old = first_save_of_a_run(path)
        CallCounter(fault, fail_at).install(monkeypatch)
        try:
            store.save(version(2))
        except (LobFout, Interrupted):
            pass
        finally:
            monkeypatch.undo()
        assert path.read_bytes() in (old, new), fail_at
        assert not backup.exists() or backup.read_bytes() == old, fail_at
        assert temps(tmp_path) == [], fail_at


# --- For real: SIGKILL at random moments ---

LANES = 3
KILLS_PER_LANE = 100


@dataclass
class Tally:
    kills: int = 0
    mid_write: int = (
        0  # a temporary file was left: the kill came between its creation and the rename
    )
    highest: int = 0


def check_after_kill(path: Path, last: int) -> int:
    """The file must load and be exactly one of the versions, not older than ``last``."""
    if not path.exists():
        assert last == 0, "the notes file vanished after it had been written"
        return 0
    notities = NotesStore(path).load(ROL)
    number = number_of(notities)
    assert number >= last, f"version {number} found after version {last}: a save was lost"
    if number:
        assert notities == version(number), f"version {number} is not what was written"
    backup = path.with_name("notities.vorige.toml")
    if backup.exists():
        backup_notes: Notities = NotesStore(backup).load(ROL)
        assert backup_notes == version(number_of(backup_notes))
    return number


def kill_lane(folder: Path, seed: int) -> Tally:
    """One saver process, killed ``KILLS_PER_LANE`` times at random moments."""
    folder.mkdir()
    path = folder / "notities.toml"
    rng = random.Random(seed)
    tally = Tally()
    saver = subprocess.Popen(
        [sys.executable, str(SAVER), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert saver.stdin is not None and saver.stdout is not None
    try:
        for _ in range(KILLS_PER_LANE):
            saver.stdin.write("go\n")
            saver.stdin.flush()
            ready = saver.stdout.readline().split()
            assert ready[:1] == ["ready"], ready
            time.sleep(rng.uniform(0, 0.06))
            os.kill(int(ready[1]), signal.SIGKILL)
            status = int(saver.stdout.readline().split()[1])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                "a saver ended by itself",
                saver.stderr.read() if saver.stderr else "",
            )
            tally.kills += 1
            tally.mid_write += bool(temps(folder))
            tally.highest = check_after_kill(path, tally.highest)
    finally:
        saver.stdin.close()
        saver.wait(timeout=10)
    return tally


def test_savers_killed_at_random_moments_leave_a_readable_written_version(
    tmp_path: Path,
    record_property: Callable[[str, object], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = random.randrange(1 << 30)
    with ThreadPoolExecutor(LANES) as pool:
        lanes = list(
            pool.map(
                kill_lane,
                [tmp_path / f"baan-{n}" for n in range(LANES)],
                [seed + n for n in range(LANES)],
            )
        )

    kills = sum(t.kills for t in lanes)
    mid_write = sum(t.mid_write for t in lanes)
    summary = (
        f"kill loop (seed {seed}): {kills} SIGKILLs, {mid_write} mid-write (temporary file left), "
        f"{kills - mid_write} between writes; highest versions {[t.highest for t in lanes]}; "
        "after every kill the file loaded and was exactly a written version"
    )
    record_property("kills", kills)
    record_property("kills_mid_write", mid_write)
    with capsys.disabled():  # shown with or without -s: the count is part of the proof
        print(f"\n{summary}")

    assert kills == LANES * KILLS_PER_LANE, summary
    assert mid_write >= kills // 10, f"too few kills landed mid-write to prove anything: {summary}"
    assert all(t.highest > 0 for t in lanes), summary

    # The next ordinary save cleans up what the killed ones left behind.
    for n in range(LANES):
        path = tmp_path / f"baan-{n}" / "notities.toml"
        store = NotesStore(path)
        store.save(version(number_of(store.load(ROL)) + 1))
        assert temps(path.parent) == []
