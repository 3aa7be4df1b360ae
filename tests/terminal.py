"""Running the real ``lob-tui`` in a pseudo-terminal, as a user's terminal would.

Signals, ``kill -9`` and a closed terminal can only be tested on a real
process with a real terminal; Pilot runs the app inside the test's own
process. This helper starts ``python -m lob_tui`` on a pty, types keys, and
reads what the app draws, with the escape sequences taken out.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>78]|\x1b\][^\x07]*\x07"
)


class Terminal:
    """One ``lob-tui`` process on a pseudo-terminal of 120 by 40."""

    def __init__(self, args: list[str], home: Path) -> None:
        master, slave = os.openpty()
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": "120",
            "LINES": "40",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lob_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,  # Textual draws on stderr
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.screen = b""

    def read(self, seconds: float = 0.1) -> None:
        """Collect what the app drew in the next ``seconds``."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.screen += chunk

    def text(self) -> str:
        """Everything drawn so far, without escape sequences or line structure."""
        plain = _ESCAPES.sub(b"", self.screen).decode("utf-8", errors="replace")
        return re.sub(r"\s+", " ", plain)

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        """Read until ``text`` has been drawn."""
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{text!r} did not appear; screen: {self.text()[-400:]!r}")
            self.read(0.1)

    def type(self, keys: str, pause: float = 0.05) -> None:
        """Type ``keys`` one at a time, as a person would."""
        for key in keys:
            os.write(self.master, key.encode("utf-8"))
            time.sleep(pause)
            self.read(0.0)

    def signal(self, number: signal.Signals) -> None:
        os.kill(self.process.pid, number)

    def wait(self, timeout: float = 20.0) -> int:
        """Wait for the process to end (reading what it draws meanwhile); its exit code."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.1)
        code = self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        self.read(0.2)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
