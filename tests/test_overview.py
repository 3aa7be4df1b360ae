"""The at-a-glance picture: counts that add up, bars that read without colour.

The picture is drawn from the counts alone, so these tests pin the counts per
role, area and section, the bar's exact characters, and that a scaled bar
never hides a status that is present.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lob_tui.framework import Raamwerk, Rol, load_raamwerk
from lob_tui.notes import Notities, Status
from lob_tui.overview import (
    GLYPHS,
    STATUSES,
    StatusCounts,
    bar,
    legend,
    overview,
    render_markdown,
    render_text,
)

RAAMWERK_PATH = Path(__file__).parent.parent / "raamwerk.toml"


@pytest.fixture(scope="module")
def raamwerk() -> Raamwerk:
    return load_raamwerk(RAAMWERK_PATH)


@pytest.fixture(scope="module")
def rol(raamwerk: Raamwerk) -> Rol:
    return raamwerk.rollen[0]


def marked(rol: Rol, statuses: dict[str, Status]) -> Notities:
    notities = Notities(rol.id)
    for item_id, status in statuses.items():
        notities.set_status(item_id, status)
    return notities


def test_an_untouched_role_is_all_not_yet_looked_at(rol: Rol) -> None:
    rows = overview(rol, Notities(rol.id))
    assert rows[0].counts[None] == rol.item_count == 38
    assert all(row.counts.total == row.counts[None] for row in rows)


def test_rows_follow_the_framework_role_then_area_then_its_sections(rol: Rol) -> None:
    rows = overview(rol, Notities(rol.id))
    assert [r.level for r in rows[:4]] == [0, 1, 2, 2]
    assert len(rows) == 1 + 3 * len(rol.aandachtsgebieden)
    assert rows[1].id == rol.aandachtsgebieden[0].id
    assert rows[2].id == rol.aandachtsgebieden[0].rolbeschrijvingen.id


def test_counts_per_area_add_up_to_the_role(rol: Rol) -> None:
    statuses = {item.id: list(Status)[i % 3] for i, item in enumerate(rol.items()) if i % 4}
    rows = overview(rol, marked(rol, statuses))
    areas = [r.counts for r in rows if r.level == 1]
    assert sum(areas, StatusCounts()) == rows[0].counts
    assert rows[0].counts[None] == 38 - len(statuses)


def test_sections_count_only_their_own_items(rol: Rol) -> None:
    gebied = rol.aandachtsgebieden[0]
    first = gebied.deskundigheden.items[0]
    rows = {r.id: r.counts for r in overview(rol, marked(rol, {first.id: Status.BESPREKEN}))}
    assert rows[gebied.deskundigheden.id][Status.BESPREKEN] == 1
    assert rows[gebied.rolbeschrijvingen.id][Status.BESPREKEN] == 0


def test_a_note_without_status_counts_as_not_yet_looked_at(rol: Rol) -> None:
    notities = Notities(rol.id)
    notities.set_tekst(rol.aandachtsgebieden[0].items[0].id, "nog over nadenken")
    assert overview(rol, notities)[0].counts[None] == 38


def test_one_character_per_item_in_status_order() -> None:
    counts = StatusCounts.of(
        [None, Status.BESPREKEN, Status.BEHEERS_IK, None, Status.WIL_IK_ONTWIKKELEN, None]
    )
    assert bar(counts) == "█▒░···"


def test_the_legend_names_every_glyph() -> None:
    for status in STATUSES:
        assert GLYPHS[status] in legend()
    assert "nog niet bekeken" in legend()


def test_glyphs_differ_without_colour() -> None:
    assert len(set(GLYPHS.values())) == len(STATUSES)
    assert all(len(g) == 1 for g in GLYPHS.values())


@given(st.lists(st.sampled_from(STATUSES), min_size=1), st.integers(min_value=4, max_value=60))
def test_a_scaled_bar_has_its_width_and_shows_every_present_status(
    statuses: list[Status | None], width: int
) -> None:
    counts = StatusCounts.of(statuses)
    drawn = bar(counts, width)
    assert len(drawn) == width
    for status in STATUSES:
        assert (GLYPHS[status] in drawn) == (counts[status] > 0)


def test_an_empty_count_draws_nothing() -> None:
    assert bar(StatusCounts()) == ""
    assert bar(StatusCounts(), 10) == ""


def test_the_text_picture_fits_80_columns_and_names_every_area(rol: Rol) -> None:
    lines = render_text(overview(rol, Notities(rol.id)), width=80)
    assert len(lines) == 13
    assert all(len(line) <= 80 for line in lines)
    for gebied in rol.aandachtsgebieden:
        assert any(gebied.naam in line for line in lines)


def test_long_names_are_shortened_not_wrapped(rol: Rol) -> None:
    lines = render_text(overview(rol, Notities(rol.id)), width=50)
    assert all(len(line) <= 50 for line in lines)
    assert any("…" in line for line in lines)


def test_the_markdown_table_parses_with_one_row_per_part(rol: Rol) -> None:
    statuses = {item.id: Status.BEHEERS_IK for item in rol.aandachtsgebieden[1].items}
    text = render_markdown(overview(rol, marked(rol, statuses)))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + 13  # the header and every part
    cells = ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"]
    assert "Decaan/SLB-coördinator" in cells
    assert str(len(statuses)) in cells


def test_the_report_modules_never_load_textual_or_rich() -> None:
    script = (
        "import sys; import lob_tui.overview, lob_tui.compare, lob_tui.team, lob_tui.report; "
        "print([m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "[]\n"
