"""The data core and the command line's ``check`` never load Textual or Rich.

That keeps ``lob-tui check`` (and ``export``) fast and testable without a
terminal, and keeps the dependency pointing one way: the UI builds on the
core, never the reverse. Each check runs in a fresh interpreter, because this
test process has long since imported Textual for the app's own tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = [
    "lob_tui.errors",
    "lob_tui.printable",
    "lob_tui.tomlfile",
    "lob_tui.framework",
    "lob_tui.framework_reader",
    "lob_tui.notes",
    "lob_tui.notes_reader",
    "lob_tui.atomic",
    "lob_tui.prepare",
    "lob_tui.store",
    "lob_tui.resources",
    "lob_tui.cli",
]
NO_UI = (
    "ui = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
    "assert not ui, ui[:5]"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_importing_the_data_core_and_the_cli_loads_no_textual_or_rich() -> None:
    result = run("-c", f"import sys, {', '.join(CORE)}; {NO_UI}")
    assert result.returncode == 0, result.stderr


def test_running_check_as_a_module_loads_no_textual_or_rich() -> None:
    wrapper = (
        "import runpy, sys\n"
        "sys.argv = ['lob_tui', 'check']\n"
        "try:\n"
        "    runpy.run_module('lob_tui', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as end:\n"
        "    code = end.code\n"
        f"{NO_UI}\n"
        "sys.exit(code)\n"
    )
    result = run("-c", wrapper)
    assert result.returncode == 0, result.stderr
    assert "38 items" in result.stdout


def test_the_import_trace_of_check_names_no_textual_or_rich_module() -> None:
    result = run("-X", "importtime", "-m", "lob_tui", "check")
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "lob_tui.framework" in imported  # the trace is really there
    assert not [m for m in imported if m.split(".")[0] in ("textual", "rich")]
