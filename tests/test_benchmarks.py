"""The benchmark command runs and prints every table; no time is ever asserted.

``python -m benchmarks --quick`` uses the smallest sizes and one run each, so
this proves that every measurement still works against the current app and
data core, not that anything is fast (the README's section "Snelheid" has the
figures of a full run).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TABLES = (
    "Start tot het eerste beeld",
    "Opdrachtregel: check en export",
    "Toetsen",
    "Laden, bewaren en exporteren naar grootte",
    "Toetsen tijdens het bewaren",
    "Grote raamwerken: start tot het eerste beeld",
    "Grote raamwerken: door de boom bewegen",
    "Doelen van issue 6",
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
    "| typen in de notitie |",
    "| status zetten (1/2/3) |",
    "| zoekterm typen |",
    "| terwijl ctrl+s bewaart |",
)


def test_quick_benchmark_prints_every_table_and_figure() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    headings = [
        line.removeprefix("### ") for line in done.stdout.splitlines() if line[:4] == "### "
    ]
    for title in TABLES:
        assert title in headings, f"table '{title}' missing:\n{done.stdout}"
    for figure in FIGURES:
        assert figure in done.stdout, f"'{figure}' missing:\n{done.stdout}"
    assert "Overgeslagen" not in done.stdout
    assert "Mislukt" not in done.stdout
