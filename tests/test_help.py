"""The help screen: its key table, built from the app's own bindings, and its paths."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import AppFiles, render_text
from textual.binding import Binding
from textual.widgets import Static

from lob_tui.screens.help import KEY_COLUMN, HelpScreen, key_names, key_table


def _rows(table: str) -> list[str]:
    """The table's key rows (indented), without headings and blank lines."""
    return [line for line in table.splitlines() if line.startswith("  ")]


def test_a_long_key_name_widens_the_column_for_every_row() -> None:
    sections = [
        (
            "Boom",
            [
                Binding("space,shift+space", "toggle", "In- of uitklappen"),
                Binding("a", "x", "Alles"),
            ],
        ),
        ("Overal", [Binding("ctrl+q", "quit", "Stoppen"), Binding("b", "y", "")]),
    ]
    rows = _rows(key_table(sections).plain)

    assert [row.split("  ")[-1].strip() for row in rows] == [
        "In- of uitklappen",
        "Alles",
        "Stoppen",
    ]
    long_name = key_names("space,shift+space")
    assert long_name == "spatie shift+spatie"
    starts = ["In-", "Alles", "Stoppen"]
    column = {row.index(start) for row, start in zip(rows, starts, strict=True)}
    assert column == {2 + len(long_name) + 2}, "one column, two spaces after the longest name"


def test_short_key_names_keep_the_usual_column() -> None:
    rows = _rows(key_table([("Boom", [Binding("n", "next", "Volgende treffer")])]).plain)
    assert rows == ["  n" + " " * (KEY_COLUMN - 1) + "Volgende treffer"]


def test_the_apps_own_keys_never_run_into_their_description(files: AppFiles) -> None:
    for row in _rows(key_table(files.app().key_sections()).plain):
        keys, _, description = row.strip().partition("  ")
        assert keys and description.strip(), row


def test_a_tooltip_follows_the_description() -> None:
    enter = Binding("enter", "open_or_close", "Open of dicht", tooltip="een aandachtsgebied")
    rows = _rows(key_table([("Boom", [enter])]).plain)
    assert rows[0].endswith("Open of dicht (een aandachtsgebied)")


async def test_a_long_notes_path_wraps_under_itself(files: AppFiles, tmp_path: Path) -> None:
    """A path wider than the help box goes on indented, not from the box's left edge."""
    deep = tmp_path / ("map-met-een-lange-naam-" * 4) / "notities-decaan-slb-coordinator.toml"
    app = replace(files, notes=deep).app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        path = app.screen.query(".help-body").first(Static)
        lines = render_text(path).splitlines()
        assert len(lines) > 1
        assert all(line.startswith("  ") and line.strip() for line in lines)
        assert "".join(line.strip() for line in lines) == str(deep)
