"""Noticing a second lob-tui on the same notes file.

Two apps on one file would each save their own version. The conflict check
in ``store`` already refuses to overwrite the other's change silently; this
lock makes the second app say so at start, before anyone has typed a word.
The lock is an advisory ``flock`` on a small file beside the notes, so the
kernel releases it when a process dies, even by ``kill -9``: a crash never
leaves a stale lock that would warn forever.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from lob_tui.atomic import PRIVATE


def lock_path(notes_path: Path) -> Path:
    """``notities.toml`` → ``.notities.toml.lock``, hidden beside the notes."""
    return notes_path.with_name(f".{notes_path.name}.lock")


class InstanceLock:
    """Held while one app has a notes file open."""

    def __init__(self, notes_path: Path) -> None:
        self.path = lock_path(notes_path)
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another lob-tui holds it (or it cannot be made).

        A folder that does not exist yet or cannot be written is no reason to
        warn: the save will say what is wrong with it.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Let go of the lock; the file stays, since removing it could race a newcomer."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
            self._fd = None
