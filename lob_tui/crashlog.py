"""Writing down what went wrong when lob-tui itself fails.

A bug must never show the user a wall of English traceback, and must never
print their notes to the terminal (Textual's own crash report shows local
variables, which would include note text). Instead the details go to a
private file, and the user reads one Dutch sentence saying where it is.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from lob_tui import __version__, resources
from lob_tui.atomic import write_atomic


def crash_folder() -> Path:
    """Where crash reports go: a folder in the user's lob-tui data folder."""
    return resources.data_dir() / "foutrapporten"


def write_crash_report(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write the traceback (without local variables) to a private file; return its path.

    Returns None when even that fails: the caller then says so instead.
    """
    folder = folder or crash_folder()
    when = datetime.now()
    path = folder / f"fout-{when:%Y%m%d-%H%M%S}.txt"
    header = f"lob-tui {__version__}, {when.isoformat(timespec='seconds')}\n\n"
    text = header + "".join(traceback.format_exception(error))
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text.encode("utf-8", errors="backslashreplace"))
    except OSError:
        return None
    return path
