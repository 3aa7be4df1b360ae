"""Placeholder until the app lands: says plainly that it is not finished."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from lob_tui.framework import Raamwerk, Rol


class _NotYet(App[int]):
    def compose(self) -> ComposeResult:
        yield Static("lob-tui is nog niet af. Druk op ctrl+q om te stoppen.", markup=False)


def run_app(raamwerk: Raamwerk, rol: Rol | None, *, notes: Path | None, settings: Path) -> int:
    """Start the app and return its exit code."""
    return _NotYet().run() or 0
