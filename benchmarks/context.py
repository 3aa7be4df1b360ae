"""What every section of a benchmark run shares: options, folders, the launcher, the goals."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.processes import Launcher

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: ``python -m benchmarks.<module>`` runs from here."""

DRIVERS = Path(__file__).resolve().parent / "drivers"


class ChildFailed(RuntimeError):
    """A measuring child process stopped with an error; its stderr is in the message."""


@dataclass
class Goal:
    """One speed goal (see the README, "Snelheidsdoelen") with what this run measured."""

    doel: str
    gemeten: str
    gehaald: bool | None  # None: not measured in this run


@dataclass
class Context:
    """The run's options and shared resources, handed to every section."""

    quick: bool
    runs: int
    folder: Path
    env: dict[str, str]
    launcher: Launcher
    goals: list[Goal] = field(default_factory=list)

    @property
    def big_runs(self) -> int:
        """Runs for the slow measurements (large frameworks): fewer, at least three."""
        return 1 if self.quick else max(3, self.runs // 2)

    @property
    def warmup(self) -> int:
        return 0 if self.quick else 1

    def goal(self, doel: str, gemeten: str, gehaald: bool | None) -> None:
        self.goals.append(Goal(doel, gemeten, gehaald))

    def child(self, module: str, spec: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        """Run ``python -m benchmarks.<module> SPEC`` and return its JSON; None on timeout."""
        if self.quick:
            timeout = min(timeout, 120)
        try:
            done = subprocess.run(
                [sys.executable, "-m", f"benchmarks.{module}", json.dumps(spec)],
                cwd=ROOT,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return None
        if done.returncode != 0:
            raise ChildFailed(f"benchmarks.{module} failed:\n{done.stderr[-3000:]}")
        result: dict[str, Any] = json.loads(done.stdout)
        return result
