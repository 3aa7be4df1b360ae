"""Whole-process measurements: wall time and peak memory, interleaved.

Each variant is a command line. One round runs every variant once, in a
fixed order (A, B, C, A, B, C, …), so a slow spell on a noisy machine hits
all of them alike instead of one. A first round is thrown away: it fills the
page cache and writes the ``.pyc`` files, which a user's second start finds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

LAUNCHER = Path(__file__).with_name("launcher.py")
SEPARATOR = "\x1f"  # as in launcher.py, which imports nothing of ours


class ProcessFailed(RuntimeError):
    """A measured command exited with an error; its stderr is in the message."""


@dataclass(frozen=True)
class Variant:
    """A command to measure, and the label it gets in the table."""

    label: str
    argv: Sequence[str]


@dataclass
class Series:
    """Every run of one variant: seconds and peak memory in KiB."""

    seconds: list[float] = field(default_factory=list)
    peak_kib: list[float] = field(default_factory=list)


class Launcher:
    """The small process that starts every measured command (see ``launcher.py``)."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self._stderr = Path(tempfile.mkstemp(prefix="lob-bench-stderr-")[1])
        self._process = subprocess.Popen(
            [sys.executable, "-I", "-S", str(LAUNCHER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
        )

    def __enter__(self) -> Launcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _ask(self, line: str) -> str:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline()
        if not answer:
            raise RuntimeError("the launcher stopped unexpectedly")
        return answer.strip()

    def run(self, argv: Sequence[str]) -> tuple[float, int]:
        """Run one command to its end: (seconds, peak memory in KiB)."""
        answer = self._ask(SEPARATOR.join([str(self._stderr), *argv]))
        elapsed, peak, status = answer.split()
        if int(status) != 0:
            error = self._stderr.read_text(errors="replace")[-2000:]
            raise ProcessFailed(f"{' '.join(argv)} failed (wait status {status}):\n{error}")
        return float(elapsed), int(peak)

    def own_peak_kib(self) -> int:
        """The launcher's own peak memory: the floor under every child's figure."""
        return int(self._ask(""))

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait()
        self._stderr.unlink(missing_ok=True)


def measure(
    launcher: Launcher, variants: Sequence[Variant], runs: int, warmup: int = 1
) -> dict[str, Series]:
    """Run every variant ``runs`` times, interleaved, after ``warmup`` rounds."""
    results = {variant.label: Series() for variant in variants}
    for round_number in range(warmup + runs):
        for variant in variants:
            elapsed, peak = launcher.run(variant.argv)
            if round_number >= warmup:
                results[variant.label].seconds.append(elapsed)
                results[variant.label].peak_kib.append(peak)
    return results


def child_env(home: Path) -> dict[str, str]:
    """The environment of measured commands: the user's own data and settings untouched.

    Bytecode is cached, in a folder of this run, as it is for an installed
    lob-tui (pip compiles it) and for Textual: an inherited
    ``PYTHONDONTWRITEBYTECODE`` would make only lob-tui's own modules compile
    from source at every start, and measure that instead of lob-tui.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_CACHE_HOME"] = str(home / "cache")
    for name in ("TEXTUAL", "TEXTUAL_DEVTOOLS_PORT", "TEXTUAL_LOG", "TEXTUAL_PRESS"):
        env.pop(name, None)
    return env
