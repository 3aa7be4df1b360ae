"""Writing a file so that it is either the old one or the new one, never half.

Used for the notes file, its backup and exports. The data goes to a private
temporary file in the same folder, is flushed and fsynced, read back and
checked, then renamed over the target, and the folder is fsynced so that the
rename itself survives a power cut. A crash at any step leaves the old file,
or the new one, and at most a stray temporary file that the next save of the
same file removes.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

PRIVATE = 0o600
TEMP_MARK = ".lob-tui-tmp-"


def temp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path``, recognisable as ours."""
    return path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int = PRIVATE,
    verify: Callable[[bytes], object] | None = None,
) -> None:
    """Replace ``path`` with ``data`` atomically and durably.

    ``verify`` receives the bytes read back from the temporary file and should
    raise if they are not what was meant to be written; the old file is then
    left in place. ``mode`` is set explicitly, so the umask cannot widen it.
    """
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            os.fchmod(fd, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

        written = tmp.read_bytes()
        if written != data:
            raise OSError(f"wat geschreven is, verschilt van wat bedoeld was ({tmp})")
        if verify is not None:
            verify(written)

        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(path.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files a killed save of ``path`` may have left behind."""
    for stale in path.parent.glob(f".{path.name}{TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            stale.unlink()
