"""The export's summary at a glance: the same counts as the app, in a table under the title.

The table is read back by parsing the Markdown (tests/exportoutline.py), and
its numbers are checked against counts made here straight from the notes, so
the test does not lean on lob_tui.overview to check lob_tui.overview.
"""

from __future__ import annotations

from collections import Counter

import pytest
from exportoutline import DATUM, GEBIEDEN, RAAMWERK_PATH, export_md, filled, summary
from hypothesis import given, settings
from hypothesis import strategies as st

from lob_tui import export
from lob_tui.framework import Item, load_raamwerk
from lob_tui.notes import Notities, Status
from lob_tui.overview import GLYPHS, overview

RAAMWERK = load_raamwerk(RAAMWERK_PATH)
ROL = RAAMWERK.rollen[0]
ORDER = (Status.BEHEERS_IK, Status.WIL_IK_ONTWIKKELEN, Status.BESPREKEN, None)
"""The columns of the table after the bar: the three statuses, then "nog niet bekeken"."""


def expected_counts(notities: Notities, items: tuple[Item, ...] | list[Item]) -> tuple[int, ...]:
    """Count the statuses by hand, in the table's column order."""
    seen = Counter(notities.item(item.id).status for item in items)
    return tuple(seen[status] for status in ORDER)


def test_role_and_each_area_have_a_row_with_their_counts() -> None:
    notities = filled(ROL)

    rows = summary(export_md(RAAMWERK, ROL, notities))

    assert [r.naam for r in rows] == [ROL.naam, *GEBIEDEN]
    assert rows[0].counts == expected_counts(notities, list(ROL.items())) == (1, 1, 1, 35)
    for row, gebied in zip(rows[1:], ROL.aandachtsgebieden, strict=True):
        assert row.counts == expected_counts(notities, gebied.items)


def test_every_row_adds_up_to_its_number_of_items() -> None:
    rows = summary(export_md(RAAMWERK, ROL, filled(ROL)))

    assert sum(rows[0].counts) == ROL.item_count == 38
    assert [sum(r.counts) for r in rows[1:]] == [len(g.items) for g in ROL.aandachtsgebieden]
    assert [sum(col) for col in zip(*(r.counts for r in rows[1:]), strict=True)] == list(
        rows[0].counts
    )


def test_the_bars_read_without_colour_and_compare_by_proportion() -> None:
    notities = filled(ROL)
    for item_id in ("orientatie-r1", "orientatie-r2", "orientatie-r3"):
        notities.set_status(item_id, Status.BEHEERS_IK)

    rows = summary(export_md(RAAMWERK, ROL, notities))

    for row in rows:
        shown = [row.beeld.count(GLYPHS[status]) for status in ORDER]
        assert len(row.beeld) == sum(shown) == 20  # every bar equally long
        # Solid to empty, each status present exactly when it has items.
        assert row.beeld == "".join(GLYPHS[s] * n for s, n in zip(ORDER, shown, strict=True))
        assert [n > 0 for n in shown] == [c > 0 for c in row.counts]
        for cells, count in zip(shown, row.counts, strict=True):
            assert abs(cells - count * 20 / sum(row.counts)) < 2


def test_the_numbers_are_the_ones_the_app_shows() -> None:
    notities = filled(ROL)
    app_rows = [r for r in overview(ROL, notities) if r.level <= 1]

    rows = summary(export_md(RAAMWERK, ROL, notities))

    assert [(r.naam, r.counts) for r in rows] == [(r.naam, r.counts.counts) for r in app_rows]


def test_with_area_the_summary_covers_only_the_chosen_areas() -> None:
    notities = filled(ROL)

    rows = summary(export_md(RAAMWERK, ROL, notities, gebieden=("samenwerking", "organisatie")))

    assert [r.naam for r in rows] == [ROL.naam, "Organisatie", "Samenwerking"]
    chosen = [*ROL.aandachtsgebieden[2].items, *ROL.aandachtsgebieden[3].items]
    assert rows[0].counts == expected_counts(notities, chosen) == (1, 1, 0, len(chosen) - 2)


@pytest.mark.parametrize(
    "filters",
    [
        {"alleen_ingevuld": True},
        {"statussen": (Status.BEHEERS_IK,)},
        {"bronnen": ("K",)},
        {"statussen": (None,), "bronnen": ("F",)},
    ],
)
def test_item_filters_narrow_the_list_not_the_summary(filters: dict[str, object]) -> None:
    notities = filled(ROL)

    assert summary(export_md(RAAMWERK, ROL, notities, **filters)) == summary(
        export_md(RAAMWERK, ROL, notities)
    )


def test_html_shows_the_same_summary_as_a_table() -> None:
    page = export.html(RAAMWERK, ROL, filled(ROL), export.Opties(formaat="html"), DATUM)

    assert page.count("<table>") == 1
    assert page.index("<table>") < page.index("<h2")
    assert "<td><strong>Decaan/SLB-coördinator</strong></td>" in page


STATUS_OR_NONE = st.sampled_from(ORDER)


@settings(max_examples=60, deadline=None)
@given(st.lists(STATUS_OR_NONE, min_size=38, max_size=38))
def test_any_statuses_are_counted_exactly(statuses: list[Status | None]) -> None:
    notities = Notities(ROL.id)
    for item, status in zip(ROL.items(), statuses, strict=True):
        notities.set_status(item.id, status)
    notities.set_tekst("visie-r1", "iets")  # never empty, so there is something to export

    rows = summary(export_md(RAAMWERK, ROL, notities))

    assert rows[0].counts == tuple(statuses.count(s) for s in ORDER)
    for row, gebied in zip(rows[1:], ROL.aandachtsgebieden, strict=True):
        assert row.counts == expected_counts(notities, gebied.items)
        assert sum(row.counts) == len(gebied.items)
