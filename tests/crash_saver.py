"""A save loop for ``test_crash``: it forks savers on request so each can be SIGKILLed.

Protocol, one line each way: the test writes ``go``; a forked child loads the
notes file, answers ``ready <pid>`` and then saves ever newer versions until it
is killed; the parent answers ``done <wait status>`` once the child is gone.
Forking from an interpreter that has already imported lob-tui makes a round
take milliseconds instead of the tenth of a second an interpreter start costs,
so hundreds of kills fit in a few seconds. Every version is a pure function
of its number, so the test can tell that what it finds on disk is exactly one
of the versions written.

Run as ``python crash_saver.py <notes file>``.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from lob_tui.notes import Notities, Status
from lob_tui.store import NotesStore

ROL = "decaan-slb-coordinator"
MOMENT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BASE = 'Tekst die elke versie meedraagt: "aanhalingstekens", \\ en 🎉.\n' * 600


def version(number: int) -> Notities:
    """Version ``number`` of the notes: a growing text, a status and the number as name."""
    notities = Notities(ROL, naam=f"versie {number}")
    grown = "".join(f"regel {line} van versie {number}\n" for line in range(number))
    notities.set_tekst("visie-r1", BASE + grown, MOMENT)
    notities.set_status("visie-r1", list(Status)[number % 3], MOMENT)
    notities.set_veld("visie-en-advies/deskundigheden", f"veld {number}", MOMENT)
    return notities


def number_of(notities: Notities) -> int:
    """Which version these notes are (0 for a fresh, empty file)."""
    return int(notities.naam.split()[1]) if notities.naam else 0


def save_forever(path: Path) -> None:
    store = NotesStore(path)
    number = number_of(store.load(ROL))
    print(f"ready {os.getpid()}", flush=True)
    while True:
        number += 1
        store.save(version(number))


def main() -> None:
    path = Path(sys.argv[1])
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(path)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)  # a saver only ends by being killed; anything else is a failure
        _, status = os.waitpid(pid, 0)
        print(f"done {status}", flush=True)


if __name__ == "__main__":
    main()
