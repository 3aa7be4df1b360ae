"""Filters in the export: only items with a status, or citing a source, and the legend entry.

What is kept is checked against counts made here, from raamwerk.toml read as
plain TOML and from the copy of the source page, not from lob_tui's own model.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from exportoutline import (
    DATUM,
    GEBIEDEN,
    RAAMWERK_PATH,
    TESTS,
    Block,
    export_md,
    filled,
    first_paragraph,
    headings,
    items,
    outline,
)

from lob_tui import cli, export, notes
from lob_tui.errors import LobFout
from lob_tui.filters import STATUS_KEUZES, Filter, resolve_bronnen
from lob_tui.framework import load_raamwerk
from lob_tui.notes import ItemNotitie, Notities, Status

RAAMWERK = load_raamwerk(RAAMWERK_PATH)
ROL = RAAMWERK.rollen[0]
LETTERS = "A, B, C, D, E, F, G, H, I, J, K"


def toml_items() -> list[dict[str, Any]]:
    """Every item of the first role, straight from the TOML file, in file order."""
    data = tomllib.loads(RAAMWERK_PATH.read_text(encoding="utf-8"))
    return [
        item
        for gebied in data["rollen"][0]["aandachtsgebieden"]
        for soort in ("rolbeschrijvingen", "deskundigheden")
        for item in gebied[soort]
    ]


def citing(letter: str) -> list[str]:
    return [i["tekst"] for i in toml_items() if letter in i.get("bronnen", [])]


def texts(blocks: list[Block]) -> list[str]:
    """The kept items' texts, without their source letters and footnote."""
    return [re.sub(r"( \([A-K, ]+\))?( \(voetnoot \d+\))?$", "", t) for t in items(blocks)]


# --- the filter itself -----------------------------------------------------------------------


def test_a_filter_needs_one_of_the_statuses_and_one_of_the_sources() -> None:
    item = ROL.item("visie-r3")  # cites F and G
    assert item is not None
    kies = Filter((Status.BEHEERS_IK, None), ("F",))

    assert kies.matches(item, ItemNotitie())
    assert kies.matches(item, ItemNotitie(Status.BEHEERS_IK))
    assert not kies.matches(item, ItemNotitie(Status.BESPREKEN))
    assert not Filter(bronnen=("A",)).matches(item, ItemNotitie())
    assert Filter().matches(item, ItemNotitie(Status.BESPREKEN)) and not Filter().is_active


def test_a_filter_keeps_one_order_whatever_order_it_was_given() -> None:
    assert Filter((None, Status.BESPREKEN, None), ("G", "F", "G")) == Filter(
        (Status.BESPREKEN, None), ("F", "G")
    )


def test_select_keeps_the_order_of_the_items() -> None:
    notities = filled(ROL)

    kept = Filter((Status.BESPREKEN, Status.BEHEERS_IK)).select(ROL.items(), notities)

    assert [i.id for i in kept] == ["visie-r1", "samenwerking-r3"]


def test_status_names_for_the_command_line_need_no_quotes() -> None:
    assert STATUS_KEUZES == {
        "beheers-ik": Status.BEHEERS_IK,
        "wil-ik-ontwikkelen": Status.WIL_IK_ONTWIKKELEN,
        "bespreken-met-collega": Status.BESPREKEN,
        "geen": None,
    }


def test_source_letters_are_found_in_any_case_and_unknown_ones_named() -> None:
    assert resolve_bronnen(RAAMWERK, ["f", "A", "F"]) == ("A", "F")

    with pytest.raises(LobFout) as fout:
        resolve_bronnen(RAAMWERK, ["F", "Z", "nice"])

    melding = f"onbekende bron 'Z', 'nice'; de legenda van dit raamwerk kent: {LETTERS}"
    assert str(fout.value) == melding


# --- status --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [*Status, None])
def test_status_filter_keeps_exactly_the_items_with_that_status(status: Status | None) -> None:
    notities = filled(ROL)

    blocks = outline(export_md(RAAMWERK, ROL, notities, statussen=(status,)))

    expected = [i.tekst for i in ROL.items() if notities.item(i.id).status is status]
    assert texts(blocks) == expected
    assert len(expected) == (35 if status is None else 1)


def test_status_filter_drops_emptied_sections_and_areas_and_says_what_it_kept() -> None:
    opties = {"statussen": (Status.WIL_IK_ONTWIKKELEN, Status.BESPREKEN)}
    blocks = outline(export_md(RAAMWERK, ROL, filled(ROL), **opties))
    first_area = blocks.index(Block("h2", GEBIEDEN[0], []))

    kept_areas = [GEBIEDEN[0], GEBIEDEN[2]]
    assert headings(blocks, "h2") == [*kept_areas, "Bespreekpunten", "Bronnen", "Noten"]
    assert headings(blocks, "h3") == ["Rolbeschrijvingen", "Deskundigheden"]
    assert blocks[first_area - 1] == Block(
        "p", "Alleen items met de status 'wil ik ontwikkelen' of 'bespreken met collega'", []
    )
    # The Samenwerking aandachtsveld goes with its area: a status filter is about items.
    assert "Aandachtsveld" not in [b.text for b in blocks if b.kind == "label"]


def test_a_status_filter_that_keeps_nothing_says_so() -> None:
    notities = Notities(ROL.id)
    notities.set_tekst("visie-r1", "alleen een notitie")

    blocks = outline(export_md(RAAMWERK, ROL, notities, statussen=(Status.BEHEERS_IK,)))

    assert headings(blocks, "h2") == ["Bronnen", "Noten"]
    assert (
        Block("p", "Geen items met de gekozen status of bron in de gekozen aandachtsgebieden.", [])
        in blocks
    )


def test_a_blank_form_cannot_be_filtered_by_status() -> None:
    with pytest.raises(LobFout, match="een leeg formulier heeft geen statussen"):
        export_md(RAAMWERK, ROL, Notities(ROL.id), blanco=True, statussen=(None,))


# --- source -------------------------------------------------------------------------------


def test_source_filter_keeps_exactly_the_items_citing_it() -> None:
    blocks = outline(export_md(RAAMWERK, ROL, filled(ROL), bronnen=("F",)))

    assert texts(blocks) == citing("F")
    assert len(citing("F")) == 11
    letters = [re.search(r" \(([A-K, ]+)\)(?: \(voetnoot \d+\))?$", i) for i in items(blocks)]
    assert all(m and "F" in m.group(1).split(", ") for m in letters)


def test_the_count_of_f_items_matches_the_source_page() -> None:
    page = (TESTS / "data" / "decaan-slb-coordinator.txt").read_text(encoding="utf-8")
    on_page = re.findall(r"^ • .*\(([A-K](?:,[A-K])*)\)$", page, re.MULTILINE)

    assert len([letters for letters in on_page if "F" in letters.split(",")]) == len(citing("F"))


def test_source_filter_shows_the_legend_entry_before_the_first_area() -> None:
    blocks = outline(export_md(RAAMWERK, ROL, filled(ROL), bronnen=("F",)))
    first_area = next(n for n, b in enumerate(blocks) if b.kind == "h2")

    assert Block("p", "Alleen items uit bron F: Nice Framework", []) in blocks[:first_area]


def test_several_sources_keep_items_citing_any_of_them() -> None:
    blocks = outline(export_md(RAAMWERK, ROL, filled(ROL), bronnen=("K", "D")))

    assert texts(blocks) == [
        i["tekst"] for i in toml_items() if {"D", "K"} & set(i.get("bronnen", []))
    ]
    assert (
        Block(
            "p",
            "Alleen items uit bron D: Generieke kennisbasis voor 2e graads lerarenopleidingen en "
            "addendum\nof uit bron K: UFO-profiel studieadviseur universitair",
            [],
        )
        in blocks
    )


def test_source_and_status_combine_and_bespreekpunten_follow() -> None:
    notities = filled(ROL)
    notities.set_status("visie-r3", Status.BESPREKEN)  # cites F; visie-r1 does not

    blocks = outline(
        export_md(RAAMWERK, ROL, notities, bronnen=("F",), statussen=(Status.BESPREKEN,))
    )
    start = blocks.index(Block("h2", "Bespreekpunten", []))
    end = blocks.index(Block("h2", "Bronnen", []))

    item = ROL.item("visie-r3")
    assert item is not None
    assert texts(blocks) == [item.tekst]
    # visie-r1 is to discuss too, but cites no F: it leaves the Bespreekpunten as well.
    bespreekpunten = [b.text for b in blocks[start + 1 : end] if b.kind == "item"]
    assert bespreekpunten == [f"{GEBIEDEN[0]}: {first_paragraph(item)}"]


def test_a_blank_form_can_be_limited_to_one_source() -> None:
    blocks = outline(export_md(RAAMWERK, ROL, Notities(ROL.id), blanco=True, bronnen=("F",)))

    assert texts(blocks) == citing("F")
    assert "table" not in [b.kind for b in blocks]


@pytest.mark.parametrize("formaat", export.FORMATEN)
def test_filters_given_in_any_order_give_byte_identical_output(formaat: str) -> None:
    notities = filled(ROL)
    first = export.Opties(formaat, statussen=(None, Status.BESPREKEN), bronnen=("g", "F"))
    second = export.Opties(formaat, statussen=(Status.BESPREKEN, None), bronnen=("F", "G"))

    one = export.render(RAAMWERK, ROL, notities, first, DATUM)
    again = export.render(load_raamwerk(RAAMWERK_PATH), ROL, filled(ROL), second, DATUM)

    assert one.encode("utf-8") == again.encode("utf-8")


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def notes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "notities.toml"
    notities = filled(ROL)
    notities.set_tekst("visie-r3", "<script>alert(1)</script>\n| a |\n:-:")
    notities.set_status("visie-d1", Status.BEHEERS_IK)  # cites F
    path.write_text(notes.dumps(notities), encoding="utf-8")
    return path


def run(notes_file: Path, *args: str) -> int:
    return cli.main(["export", "--notes", str(notes_file), "-o", "-", *args])


def test_cli_status_is_repeatable_and_takes_several(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(notes_file, "--status", "beheers-ik", "--status", "bespreken-met-collega") == 0
    repeated = capsys.readouterr().out
    assert run(notes_file, "--status", "bespreken-met-collega", "beheers-ik") == 0

    assert capsys.readouterr().out == repeated
    assert len(items(outline(repeated))) == 3


def test_cli_status_geen_keeps_the_items_without_a_status(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(notes_file, "--status", "geen") == 0

    assert len(items(outline(capsys.readouterr().out))) == 38 - 4


def test_cli_unknown_status_is_a_usage_error_listing_the_choices(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        run(notes_file, "--status", "klaar")

    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert "ongeldige keuze 'klaar'" in err and "wil-ik-ontwikkelen" in err and "geen" in err


def test_cli_help_lists_the_statuses_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])

    hulp = capsys.readouterr().out
    # On one line of its own, so no wrapping can split a name at its hyphens.
    assert (
        "\n  beheers-ik, wil-ik-ontwikkelen, bespreken-met-collega, geen (nog niet bekeken)\n"
        in hulp
    )
    assert "--status STATUS" in hulp and "--source LETTER" in hulp


def test_cli_source_keeps_the_f_items_and_names_the_source(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(notes_file, "--source", "F") == 0

    blocks = outline(capsys.readouterr().out)
    assert texts(blocks) == citing("F")
    assert Block("p", "Alleen items uit bron F: Nice Framework", []) in blocks


def test_cli_unknown_source_exits_1_listing_the_legend(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(notes_file, "--source", "Z") == 1

    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"lob-tui: onbekende bron 'Z'; de legenda van dit raamwerk kent: {LETTERS}\n"


def test_cli_filters_combine_with_area(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(notes_file, "--area", "visie-en-advies", "--source", "F", "--status", "geen") == 0

    blocks = outline(capsys.readouterr().out)
    gebied = ROL.gebied("visie-en-advies")
    assert gebied is not None
    kept = [i.tekst for i in gebied.items if "F" in i.bronnen and i.id != "visie-d1"]
    assert texts(blocks) == kept and len(kept) == 3
    assert headings(blocks, "h2") == [GEBIEDEN[0], "Bronnen", "Noten"]


def test_cli_status_with_blank_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "--blank", "--status", "geen", "-o", "-"]) == 1
    assert "leeg formulier heeft geen statussen" in capsys.readouterr().err


def test_cli_filtered_html_keeps_the_table_and_escapes_the_notes(
    notes_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(notes_file, "--format", "html", "--source", "F") == 0

    page = capsys.readouterr().out
    assert page.count("<table>") == 1 and "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br />| a |<br />:-:" in page
    assert "<p>Alleen items uit bron F: Nice Framework</p>" in page
