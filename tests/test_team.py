"""``lob-tui team``: a team's statuses counted per item and per area, anonymous by default.

A coördinator runs this over the files colleagues hand in. The tests pin what
they rely on: every item's counts add up to the number of files read, the
most wanted items come first, a bad file is named and skipped without
stopping the rest, and no name appears unless ``--names`` is given.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from reportfiles import (
    ROL,
    framework,
    parse,
    rendered_text,
    section,
    two_role_framework,
    write_notes,
)

from lob_tui.cli import main
from lob_tui.notes import Status
from lob_tui.team import load_team, render_markdown_team

ONTWIKKELEN, BEHEERS, BESPREKEN = Status.WIL_IK_ONTWIKKELEN, Status.BEHEERS_IK, Status.BESPREKEN
NAMES = ["Sam de Vries", "Noor Bakker", "", "Kim Jansen", "Lotte Smit"]
ITEM_IDS = [item.id for item in framework().rollen[0].items()]


def colleague(n: int) -> dict[str, Status | None]:
    """A different but fixed pattern per colleague; every fourth item left open."""
    statuses = [BEHEERS, ONTWIKKELEN, BESPREKEN]
    return {
        item_id: statuses[(k * (n + 1)) % 3]
        for k, item_id in enumerate(ITEM_IDS)
        if (k + n) % 4 != 3
    }


@pytest.fixture
def five(tmp_path: Path) -> list[Path]:
    return [
        write_notes(tmp_path / f"collega-{n + 1}.toml", colleague(n), naam=naam)
        for n, naam in enumerate(NAMES)
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def item_rows(markdown: str) -> list[tuple[str, list[int]]]:
    """The per-item table: (item cell as shown, the four counts) in table order."""
    rows = []
    table = section(parse(markdown), "Per item, meest gewenst eerst")
    cells: list[str] = []
    for n, token in enumerate(table):
        if token.type == "inline" and table[n - 1].type == "td_open":
            cells.append(rendered_text(token))
        elif token.type == "tr_close" and cells:
            rows.append((cells[1], [int(c) for c in cells[3:]]))
            cells = []
    return rows


def item_id(cell: str) -> str:
    return cell.rsplit("(", 1)[1].rstrip(")")


def test_counts_per_item_add_up_to_the_five_files(five: list[Path]) -> None:
    team = load_team(framework(), five, None)
    rows = item_rows(render_markdown_team(framework(), team))
    assert len(rows) == 38
    assert all(sum(counts) == 5 for _, counts in rows)
    assert sorted(item_id(cell) for cell, _ in rows) == sorted(ITEM_IDS)


def test_counts_match_the_files(five: list[Path]) -> None:
    rows = dict(item_rows(render_markdown_team(framework(), load_team(framework(), five, None))))
    for cell, counts in rows.items():
        marks = [colleague(n).get(item_id(cell)) for n in range(5)]
        assert counts == [marks.count(s) for s in (BEHEERS, ONTWIKKELEN, BESPREKEN, None)]


def test_most_wanted_first_ties_in_framework_order(five: list[Path]) -> None:
    rows = item_rows(render_markdown_team(framework(), load_team(framework(), five, None)))
    keys = [(-(counts[1] + counts[2]), ITEM_IDS.index(item_id(cell))) for cell, counts in rows]
    assert keys == sorted(keys)
    assert keys[0][0] < keys[-1][0]  # the pattern gives a real ranking, not one tie


def area_table(markdown: str) -> dict[str, list[int]]:
    table = section(parse(markdown), "Per aandachtsgebied")
    rows: dict[str, list[int]] = {}
    cells: list[str] = []
    for n, token in enumerate(table):
        if token.type == "inline" and table[n - 1].type == "td_open":
            cells.append(rendered_text(token).strip("\xa0"))
        elif token.type == "tr_close" and cells:
            rows[cells[0]] = [int(c) for c in cells[2:]]
            cells = []
    return rows


def test_area_totals_count_every_item_of_every_file(five: list[Path]) -> None:
    rows = area_table(render_markdown_team(framework(), load_team(framework(), five, None)))
    rol = framework().rollen[0]
    assert sum(rows[rol.naam]) == 38 * 5
    for gebied in rol.aandachtsgebieden:
        assert sum(rows[gebied.naam]) == len(gebied.items) * 5
    areas = [rows[g.naam] for g in rol.aandachtsgebieden]
    assert [sum(column) for column in zip(*areas, strict=True)] == rows[rol.naam]


def test_an_unreadable_file_is_named_and_skipped(
    five: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text('schema = 1\nrol = "decaan-slb-coordinator\n', encoding="utf-8")
    code, out, err = run(capsys, "team", *five[:2], broken, *five[2:])

    assert code == 0
    assert all(sum(counts) == 5 for _, counts in item_rows(out))
    skipped = [rendered_text(t) for t in section(parse(out), "Overgeslagen") if t.type == "inline"]
    assert len(skipped) == 1 and skipped[0].startswith(f"{broken}, regel 2: ")
    assert f"lob-tui: {broken}, regel 2: " in err
    assert "1 van de 6 bestanden overgeslagen" in err and "de andere 5 notitiebestanden" in err


def test_a_missing_file_does_not_stop_the_rest(
    five: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "team", *five, tmp_path / "weg.toml")
    assert code == 0 and "weg.toml: dit bestand bestaat niet" in err
    shown = [rendered_text(t) for t in section(parse(out), "Overgeslagen") if t.type == "inline"]
    assert shown == [
        f"{tmp_path / 'weg.toml'}: dit bestand bestaat niet; controleer de naam en de map"
    ]


def test_no_readable_file_at_all_is_exit_1_and_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "leeg.toml").write_bytes(b"\xff\xfe")
    code, out, err = run(capsys, "team", tmp_path / "leeg.toml", tmp_path / "weg.toml")
    assert (code, out) == (1, "")
    assert "geen enkel bestand kon worden gelezen" in err


def test_a_file_of_another_role_is_refused_by_name(
    five: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raamwerk = two_role_framework(tmp_path)
    mentor = write_notes(tmp_path / "mentor.toml", {"begeleiding-r1": BEHEERS}, rol="mentor")
    code, out, err = run(capsys, "team", "--framework", raamwerk, *five, mentor)
    assert code == 0
    message = f"{mentor}: dit notitiebestand hoort bij de rol 'mentor', niet bij '{ROL}'"
    assert message in err
    assert all(sum(counts) == 5 for _, counts in item_rows(out))


def test_a_file_of_another_framework_is_refused_by_name(
    five: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mentor = write_notes(tmp_path / "mentor.toml", {}, rol="mentor")
    code, _, err = run(capsys, "team", *five, mentor)
    assert code == 0 and f"{mentor}: dit notitiebestand hoort bij de rol 'mentor', die" in err


def test_the_same_file_twice_counts_once(
    five: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "team", *five, five[0])
    assert code == 0 and "staat al eerder in de lijst" in err
    assert all(sum(counts) == 5 for _, counts in item_rows(out))


def test_anonymous_without_names(five: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "team", *five)
    assert code == 0
    for naam in filter(None, NAMES):
        assert naam not in out
    assert "collega-" not in out
    assert "Wie wat wil ontwikkelen of bespreken" not in out


def test_names_show_the_name_or_else_the_file_name(
    five: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "team", "--names", *five)
    assert code == 0
    intro = next(
        rendered_text(t) for t in parse(out) if t.type == "inline" and "Geteld" in t.content
    )
    assert intro == (
        "Geteld: 5 notitiebestanden, van Sam de Vries, Noor Bakker, collega-3.toml, "
        "Kim Jansen, Lotte Smit."
    )
    who = [rendered_text(t) for t in section(parse(out), "Wie wat wil ontwikkelen of bespreken")]
    first = ITEM_IDS[1]
    wanting = [
        NAMES[n] or "collega-3.toml" for n in range(5) if colleague(n).get(first) == ONTWIKKELEN
    ]
    line = next(t for t in who if f"({first}):" in t)
    assert f"wil ik ontwikkelen: {', '.join(wanting)}" in line


def test_notes_are_never_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_notes(tmp_path / "a.toml", {"visie-r1": BESPREKEN}, {"visie-r1": "geheim"})
    _, out, _ = run(capsys, "team", "--names", path)
    assert "geheim" not in out


def test_hostile_names_stay_literal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    naam = "<script>x</script> | *Sam* [a](b)"
    path = write_notes(tmp_path / "a.toml", {"visie-r1": ONTWIKKELEN}, naam=naam)
    _, out, _ = run(capsys, "team", "--names", path)
    lines = [t for t in parse(out) if t.type == "inline" and naam in rendered_text(t)]
    assert len(lines) == 2  # in the intro and beside the item
    for line in lines:
        kinds = {c.type for c in line.children or []}
        assert kinds == {"text"}


def test_the_same_inputs_give_the_same_bytes(
    five: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "een.md", tmp_path / "twee.md"
    assert run(capsys, "team", "--names", *five, "-o", first)[0] == 0
    assert run(capsys, "team", "--names", *five, "-o", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().endswith(b"\n") and not first.read_bytes().endswith(b"\n\n")
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600


def test_notes_on_unknown_items_are_left_out_and_said(
    five: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write_notes(tmp_path / "oud.toml", {"visie-r9": BEHEERS, "visie-r1": BEHEERS})
    code, out, _ = run(capsys, "team", *five, old)
    assert code == 0
    assert "visie-r9" not in out and "visie\\-r9" not in out
    assert all(sum(counts) == 6 for _, counts in item_rows(out))
    assert "In 1 notitiebestand staan ook notities bij items die dit raamwerk" in out
