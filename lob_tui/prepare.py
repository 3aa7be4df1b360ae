"""The bytes of a notes file, proved to read back as the notes: made here, or by a child.

Nearly all the time a save takes is spent here: tomli-w writing the TOML and
tomllib reading it back, to prove that the file will open as these very notes.
Both are pure Python and hold the GIL. During a background save the app's UI
thread then had to win the GIL back at every turn of its event loop (Python
hands it over only every few milliseconds), and while 10,000 items were saved
a key took 2.5 times as long as at rest. So a background save of many notes
has a child process (a new Python running ``main`` below) do this work on
another core, while the saving thread waits on a pipe, which holds no GIL.

Measured before choosing: keys during a save of 10,000 items, as a multiple of
keys at rest (``python -m benchmarks --only bewaren``, runs interleaved on a
busy two-core machine). A thread as before: 1.6 to 3.2. A switch interval of
0.5 ms while saving: 1.1 to 1.4, because the UI waits less for the GIL each
time, but it still shares one core with the save and loses half its speed
whenever a key costs real work. A child: 0.7 to 1.2 when it runs at a lower
priority, 1.0 to 1.9 when it does not (then it takes the core from the UI).
Starting a child costs about 60 ms on the other core, so small notes, which
tomli-w and tomllib handle in less, are still prepared in the saving thread.

Only the preparation moves. Everything the disk sees (the check for changes by
others, the backup, the atomic write with its byte-for-byte read-back) stays
in the store, in the app's own process. A child that cannot start, fails or
says no changes nothing but speed: the work is then done here, so the Dutch
message a user sees is exactly the one an in-process save gives. The notes go
to the child pickled, over a pipe only this process writes to.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import lob_tui
from lob_tui import notes
from lob_tui.errors import LobFout, NotitieFout, Probleem

Preparer = Callable[[notes.Notities, Path], bytes]
"""Turns notes into the bytes of their file at a path, or raises a Dutch ``LobFout``."""

CHILD_FROM = 300
"""Item notes and aandachtsvelden from which a child prepares the bytes.

Below this, tomli-w and tomllib take less time than starting a child does.
"""

TIMEOUT = 120.0
"""Seconds a child may take (10,000 items take about one) before it is stopped."""

_TAG = (lob_tui.__version__, notes.SCHEMA, os.path.realpath(lob_tui.__file__))
"""What parent and child must agree on: the very same lob-tui, or the child says no.

The child imports lob_tui from the folder the app imported it from (see
``_CHILD``); after an upgrade mid-run that folder may hold another version.
"""

_ROOT = os.path.abspath(os.path.dirname(os.path.dirname(lob_tui.__file__)))
"""The folder this lob_tui was imported from: an entry of ``sys.path``, such as site-packages."""

_CHILD = (
    "import sys; root = sys.argv[1]; "
    "sys.path[:0] = [] if root in sys.path else [root]; "
    "from lob_tui.prepare import main; main()"
)
"""The child's program: ``main`` from the lob_tui the app runs, wherever that came from.

An installed lob-tui finds its own folder on the child's path already, and the
path stays as it is. Run from a checkout beside an installed copy (``python -m
lob_tui`` or the benchmarks in the checkout's folder), the parent imported the
checkout, which ``-P`` keeps off the child's path: it goes first, as it did for
the parent. Without it the child met another lob_tui and said no.
"""

_SAID_NO = 2
"""The child's exit status for 'not by me': the parent then prepares the bytes itself."""


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


def in_child(notities: notes.Notities, path: Path) -> bytes:
    """As ``in_process``, but for many notes the work is done by a child process.

    For a saving thread that must leave the GIL to the UI. Blocks until the
    bytes are there; never fails where ``in_process`` would not.
    """
    if len(notities.items) + len(notities.velden) < CHILD_FROM:
        return in_process(notities, path)
    data = _from_child(notities, path)
    return in_process(notities, path) if data is None else data


def _from_child(notities: notes.Notities, path: Path) -> bytes | None:
    """The bytes a child prepared, or None when it could not or would not."""
    # Imported here: every ``export`` and ``check`` imports this module through
    # the store, and neither starts a child.
    import subprocess
    import threading

    try:
        child = subprocess.Popen(
            [sys.executable, "-P", "-c", _CHILD, _ROOT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # the terminal is the app's; a failure is redone here
        )
    except (OSError, subprocess.SubprocessError):
        return None
    watchdog = threading.Timer(TIMEOUT, child.kill)
    watchdog.daemon = True
    watchdog.start()
    with child:  # on the way out: the pipes closed, the child waited for
        assert child.stdin is not None and child.stdout is not None
        try:
            _send(child.stdin, (_TAG, path, notities))
            data = child.stdout.read()
        finally:
            watchdog.cancel()
    return data if child.returncode == 0 else None


def _send(pipe: IO[bytes], request: object) -> None:
    """Pickle ``request`` straight into the child's pipe, then close it.

    Pickling 10,000 items first and writing them after held the GIL for 30 ms
    at a stretch; into a pipe, the pickler lets go of it at every 64 kB. A
    child that stops reading, or gets half, fails and says so by its status.
    """
    import pickle

    try:
        pickle.dump(request, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a broken pipe, or (a bug) something unpicklable: the child fails
        pass
    finally:
        with contextlib.suppress(OSError):
            pipe.close()


def main() -> None:
    """``python -m lob_tui.prepare``: pickled notes on stdin, their file's bytes on stdout."""
    # Keys come first: where this child and the app share a core (a busy or
    # a small machine), the app's UI gets it and the save waits. It waits for
    # other programs too: with both cores busy elsewhere, 10,000 items took
    # 2 to 6 s instead of 1.6 to 3.7 s, while keys stayed at 0.7 to 1.2 times
    # their time at rest instead of 1.0 to 1.9. Where a core is free, the
    # priority changes nothing.
    import pickle

    os.nice(10)
    tag, path, notities = pickle.load(sys.stdin.buffer)
    if tag != _TAG:
        sys.exit(_SAID_NO)
    try:
        data = in_process(notities, path)
    except LobFout:
        sys.exit(_SAID_NO)  # the parent prepares again and reports it in its own words
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
