"""The data core and the command line's ``check`` never load Textual or Rich.

That keeps ``lob-tui check`` (and ``export``) fast and testable without a
terminal, and keeps the dependency pointing one way: the UI builds on the
core, never the reverse. Each check runs in a fresh interpreter, because this
test process has long since imported Textual for the app's own tests.

The same goes for libraries ``check`` and ``export`` would load only to leave
unused (platformdirs with ``--notes`` given, hashlib, shutil through argparse):
each is milliseconds of a command measured against the bare imports it needs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from lob_tui import notes
from lob_tui.commands.parsing import _terminal_columns
from lob_tui.notes import Notities, Status

ROOT = Path(__file__).resolve().parent.parent
ROL_ID = "decaan-slb-coordinator"
CORE = [
    "lob_tui.errors",
    "lob_tui.printable",
    "lob_tui.tomlfile",
    "lob_tui.tomllines",
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


# A data folder that does not exist: ``check`` without --notes looks there for the
# role's notes file, and must not meet whatever the machine's user has.
NO_DATA = Path(tempfile.gettempdir()) / f"lob-tui-geen-gegevens-{os.getpid()}"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(NO_DATA), "XDG_CONFIG_HOME": str(NO_DATA)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=60, env=env
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


# What check and export would load only to do nothing with it: each costs milliseconds of a
# command that should start about as fast as importing tomllib and markdown-it (README, Snelheid).
UNUSED = ("platformdirs", "hashlib", "secrets", "shutil", "difflib", "tomli_w")
# And of lob-tui's own: the line index, which only a message about a faulty file needs.
UNUSED_OWN = ("lob_tui.tomllines",)
NOT_LOADED = (
    "extra = sorted(m for m in sys.modules "
    f"if m.split('.')[0] in {UNUSED!r} or m in {UNUSED_OWN!r}); "
    "assert not extra, extra"
)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_export_with_notes_loads_nothing_it_does_not_use(tmp_path: Path, fmt: str) -> None:
    notes_path = tmp_path / "notities.toml"
    notities = Notities(ROL_ID, naam="Sam")
    notities.set_status("visie-r1", Status.BESPREKEN)
    notities.set_tekst("visie-r1", "een notitie")
    notes_path.write_text(notes.dumps(notities), encoding="utf-8")
    argv = ["lob_tui", "export", "--notes", str(notes_path), "--format", fmt]
    wrapper = (
        "import runpy, sys\n"
        f"sys.argv = {[*argv, '-o', str(tmp_path / 'overzicht')]!r}\n"
        "try:\n"
        "    runpy.run_module('lob_tui', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as end:\n"
        "    assert not end.code, end.code\n"
        f"{NOT_LOADED}\n"
    )
    result = run("-c", wrapper)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "overzicht").read_text(encoding="utf-8")


def test_check_with_notes_loads_nothing_it_does_not_use(tmp_path: Path) -> None:
    """As measured: with --notes given, the data folder is not looked up (platformdirs)."""
    notes_path = tmp_path / "notities.toml"
    notities = Notities(ROL_ID)
    notities.set_tekst("visie-r1", "een notitie")
    notes_path.write_text(notes.dumps(notities), encoding="utf-8")
    wrapper = (
        "import runpy, sys\n"
        f"sys.argv = ['lob_tui', 'check', '--notes', {str(notes_path)!r}]\n"
        "try:\n"
        "    runpy.run_module('lob_tui', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as end:\n"
        "    assert not end.code, end.code\n"
        f"{NOT_LOADED}\n"
    )
    result = run("-c", wrapper)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("columns", [None, "50", "0", "-3", "breed"])
def test_help_is_wrapped_to_the_width_shutil_would_give(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)

    assert _terminal_columns() == shutil.get_terminal_size().columns


def test_the_apps_first_frame_waits_for_nothing_it_does_not_show() -> None:
    # The frame that ``lob-tui`` draws first needs the app and a few Statics; the
    # framework, the notes and the main screen's widgets load behind it.
    deferred = (
        "lob_tui.framework",
        "lob_tui.notes",
        "lob_tui.store",
        "lob_tui.opening",
        "lob_tui.screens.main",
        "textual.widgets._text_area",
    )
    code = (
        "import sys\n"
        "from lob_tui.app import create_app_from_files\n"
        "from lob_tui.screens.loading import LoadingScreen\n"
        f"loaded = [m for m in {deferred!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    result = run("-c", code)
    assert result.returncode == 0, result.stderr
