"""What every measuring child process does first: stop when its benchmark is gone."""

from __future__ import annotations

import os
import threading
import time


def exit_with_parent() -> None:
    """Exit as soon as the process that started this one has died.

    A benchmark killed from outside (a test's time-out, ctrl+c) must not leave
    a child running on, pressing keys in an app nobody watches. The check
    costs one wake-up a second.
    """
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
