"""The benchmark command runs and prints every table; no time is ever asserted.

``python -m benchmarks --quick`` uses the smallest sizes and one run each, so
this proves that every measurement still works against the current app and
data core, not that anything is fast (the README's section "Snelheid" has the
figures of a full run).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TABLES = (
    "Start tot het eerste beeld",
    "Opdrachtregel: check en export",
    "Toetsen",
    "Laden, bewaren en exporteren naar grootte",
    "Toetsen tijdens het bewaren",
    "Grote raamwerken: start tot het eerste beeld",
    "Grote raamwerken: door de boom bewegen",
    "Snelheidsdoelen",
)

FIGURES = (
    "`python -c pass`",
    "minimale Textual-app",
    "lob-tui (echt raamwerk, alles ingevuld)",
    '`python -c "import tomllib, markdown_it"`',
    "`lob-tui check`",
    "`lob-tui export`",
    "| raamwerk laden |",
    "| notities laden |",
    "| bewaren |",
    "| vloer |",
    "| export Markdown |",
    "| export HTML |",
    "| ↓/↑ door de boom |",
    "| ↓/↑, van toets tot getekend beeld |",
    "| typen in de notitie |",
    "| status zetten (1/2/3) |",
    "| zoekterm typen |",
    "| terwijl ctrl+s bewaart |",
)


def run_quick_benchmark(timeout: float) -> tuple[int, str, str]:
    """``python -m benchmarks --quick``; on a time-out its whole process group is stopped."""
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(f"--quick took over {timeout} s:\n{stdout}\n{stderr[-3000:]}")
    return process.returncode, stdout, stderr


def test_quick_benchmark_prints_every_table_and_figure() -> None:
    returncode, stdout, stderr = run_quick_benchmark(timeout=240)

    assert returncode == 0, stderr[-3000:]
    headings = [line.removeprefix("### ") for line in stdout.splitlines() if line[:4] == "### "]
    for title in TABLES:
        assert title in headings, f"table '{title}' missing:\n{stdout}"
    for figure in FIGURES:
        assert figure in stdout, f"'{figure}' missing:\n{stdout}"
    assert "Overgeslagen" not in stdout
    assert "Mislukt" not in stdout
