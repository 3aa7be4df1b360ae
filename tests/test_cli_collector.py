"""Batch commands run without the garbage collector; the app and callers of ``main`` keep it.

``check``, ``export``, ``compare`` and ``team`` build bounded, acyclic data and
exit, so the ``lob-tui`` program freezes and disables the collector for them
(see ``cli._stop_collecting``). The app runs for hours and must keep it, and
so must a process that calls ``main`` and carries on, such as this test run.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from lob_tui import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def collector_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The calls that would switch the collector off, recorded instead of made."""
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    return calls


def test_a_batch_command_of_the_program_switches_the_collector_off(
    collector_calls: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check"], exits=True) == 0
    assert collector_calls == ["freeze", "disable"]


def test_main_called_by_a_process_that_goes_on_keeps_the_collector(
    collector_calls: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check"]) == 0
    assert collector_calls == []


def test_the_app_keeps_the_collector(
    collector_calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []

    def fake_app(args: object) -> int:
        started.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "_run_app", fake_app)
    assert cli.main([], exits=True) == 0
    assert started == [True] and collector_calls == []


def test_python_m_lob_tui_check_ends_with_the_collector_frozen_and_off() -> None:
    wrapper = (
        "import gc, runpy, sys\n"
        "sys.argv = ['lob_tui', 'check']\n"
        "try:\n"
        "    runpy.run_module('lob_tui', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as end:\n"
        "    assert not end.code, end.code\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "False True"
