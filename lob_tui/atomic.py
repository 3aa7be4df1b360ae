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
import errno
import os
from pathlib import Path

PRIVATE = 0o600
TEMP_MARK = ".lob-tui-tmp-"


def temp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path``, recognisable as ours.

    ``os.urandom(4).hex()`` is what ``secrets.token_hex(4)`` returns, without
    importing ``secrets``, which loads ``hmac``, OpenSSL and ``random`` (about
    8 ms of every export). ``O_EXCL`` in ``_write_temp`` makes a clash an error,
    never an overwrite, whatever the name.
    """
    return path.with_name(f".{path.name}{TEMP_MARK}{os.urandom(4).hex()}")


def write_atomic(path: Path, data: bytes, *, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``data`` atomically and durably.

    The temporary file is read back and must hold exactly ``data``, or the old
    file stays in place. ``mode`` is set explicitly, so the umask cannot widen it.
    A symbolic link is followed: the file it points to (say, in a sync folder)
    is replaced, and the link stays a link.
    """
    path = Path(os.path.realpath(path))
    tmp = temp_path(path)
    try:
        _write_temp(tmp, data, mode)
        _check_temp(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        # Whatever stopped the save, the old file is untouched; leave no trace.
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(path.parent)


def _write_temp(tmp: Path, data: bytes, mode: int) -> None:
    """Create ``tmp`` (private from the first byte), write ``data`` and force it to disk."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.fchmod(fd, mode)  # the umask may have narrowed or widened the mode given to open
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_temp(tmp: Path, data: bytes) -> None:
    """Read ``tmp`` back: a file that is not what was meant must not replace a good one."""
    if tmp.read_bytes() != data:
        raise OSError(errno.EIO, f"wat geschreven is, verschilt van wat bedoeld was ({tmp})")


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte; a write that makes no progress means the disk is full."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


# Folders that cannot be fsynced (some network and FUSE file systems) say so
# with these; the rename is then as durable as that file system makes it.
_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EBADF}


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable.

    Where a folder cannot be opened or fsynced at all, there is nothing more
    to do; a real failure (an I/O error) is raised, because the user should
    not be told a save is safe when the disk did not confirm it.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files a killed save of ``path`` may have left behind.

    A file that cannot be removed stays; it is private and harms nothing but
    space, and the save itself must not fail over it.
    """
    path = Path(os.path.realpath(path))  # where write_atomic puts them
    # A prefix test on the folder's names, not Path.glob: glob and its pattern
    # compiler would load with every export, which cleans up before it writes.
    prefix = f".{path.name}{TEMP_MARK}"
    try:
        names = os.listdir(path.parent)
    except OSError:
        return  # no folder yet, or one that cannot be listed: nothing to clean up
    for name in names:
        if name.startswith(prefix):
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()
