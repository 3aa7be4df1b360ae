"""What the main screen looks like at 80 by 24 and 120 by 40, pinned as SVG snapshots.

Run ``pytest --snapshot-update`` after a deliberate change of the look, and
check the new SVGs in ``tests/__snapshots__`` by eye before committing them.
The notes path is relative, so the status line reads the same on every machine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import AppFiles, jump
from textual.pilot import Pilot

from lob_tui import notes
from lob_tui.app import create_app
from lob_tui.notes import Status
from lob_tui.screens.main import MainScreen


@pytest.fixture
def app_with_notes(files: AppFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.chdir(tmp_path)
    notities = notes.Notities(files.rol.id)
    notities.set_status("visie-r1", Status.BEHEERS_IK)
    notities.set_status("visie-d4", Status.BESPREKEN)
    notities.set_tekst("visie-d4", "Alumni [bold]uitnodigen[/] voor de\nvoorlichtingsavond 🎓")
    Path("notities.toml").write_bytes(notes.to_bytes(notities))
    return create_app(
        files.raamwerk,
        files.rol,
        notes_path=Path("notities.toml"),
        settings_path=files.settings,
    )


async def _show_the_alumni_item(pilot: Pilot[int]) -> None:
    await pilot.pause()  # the screenshot's pilot may start before the screen has mounted
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await jump(pilot, screen.rol.item("visie-d4"))  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen_snapshot(
    snap_compare: Callable[..., bool], app_with_notes: object, size: tuple[int, int]
) -> None:
    assert snap_compare(app_with_notes, terminal_size=size, run_before=_show_the_alumni_item)
