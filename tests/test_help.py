"""The help screen's key table, built from the app's own bindings."""

from __future__ import annotations

from conftest import AppFiles
from textual.binding import Binding

from lob_tui.screens.help import KEY_COLUMN, key_names, key_table


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
    enter = Binding("enter", "select", "Notitie", tooltip="op een aandachtsgebied: open of dicht")
    rows = _rows(key_table([("Boom", [enter])]).plain)
    assert rows[0].endswith("Notitie (op een aandachtsgebied: open of dicht)")
