"""The export's fixed outline, read back the way a program would: by parsing the Markdown.

A reader and a program rely on the outline (see lob_tui/export.py), so these
tests never compare strings of Markdown: they parse it with markdown-it-py and
check the headings, lists and labels it produces, against the real
raamwerk.toml and, for the source letters, against the copy of the source page.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from exportoutline import (
    DATUM,
    GEBIEDEN,
    RAAMWERK_PATH,
    TESTS,
    TITEL,
    Block,
    export_md,
    filled,
    first_paragraph,
    headings,
    outline,
)

from lob_tui import export
from lob_tui.errors import LobFout
from lob_tui.framework import Raamwerk, Rol, load_raamwerk
from lob_tui.notes import Notities, Status

PAGE_PATH = TESTS / "data" / "decaan-slb-coordinator.txt"


@pytest.fixture(scope="module")
def raamwerk() -> Raamwerk:
    return load_raamwerk(RAAMWERK_PATH)


@pytest.fixture(scope="module")
def rol(raamwerk: Raamwerk) -> Rol:
    return raamwerk.rollen[0]


# --- the outline of the whole framework -------------------------------------------------------


def test_blank_export_has_the_fixed_outline(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, Notities(rol.id), blanco=True))

    assert headings(blocks, "h1") == [TITEL]
    assert headings(blocks, "h2") == [*GEBIEDEN, "Bronnen", "Noten"]
    assert headings(blocks, "h3") == ["Rolbeschrijvingen", "Deskundigheden"] * 4
    assert blocks[1] == Block("p", "Naam: " + "…" * 20 + " · Datum: 3 december 2026", [])
    # A blank form has no statuses, so no summary: the first area follows the name line.
    assert blocks[2] == Block("h2", GEBIEDEN[0], [])
    assert "table" not in [b.kind for b in blocks]


def test_with_notes_the_summary_table_stands_between_the_date_and_the_first_area(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol)))

    assert [b.kind for b in blocks[:5]] == ["h1", "p", "p", "table", "h2"]
    assert blocks[2].text.startswith("Legenda: █ beheers ik, ▒ wil ik ontwikkelen")
    assert [b.kind for b in blocks].count("table") == 1
    assert headings(blocks, "h2") == [*GEBIEDEN, "Bespreekpunten", "Bronnen", "Noten"]


def test_every_item_is_one_top_level_list_item_in_framework_order(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    blocks = outline(export_md(raamwerk, rol, Notities(rol.id), blanco=True))
    bronnen = blocks.index(Block("h2", "Bronnen", []))

    items = [b.text for b in blocks[:bronnen] if b.kind == "item"]

    assert len(items) == 38
    assert items == [first_paragraph(item) for item in rol.items()]


def test_items_sit_under_their_own_area_and_section(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, Notities(rol.id), blanco=True))

    gebied = sectie = ""
    seen = []
    for block in blocks:
        if block.kind == "h2":
            gebied = block.text
        elif block.kind == "h3":
            sectie = block.text
        elif block.kind == "item" and gebied in GEBIEDEN:
            seen.append((gebied, sectie, block.text))

    expected = [
        (g.naam, s.titel, first_paragraph(i))
        for g in rol.aandachtsgebieden
        for s in g.secties
        for i in s.items
    ]
    assert seen == expected


def test_source_letters_match_the_source_page(raamwerk: Raamwerk, rol: Rol) -> None:
    """Independent of raamwerk.toml: the page writes an item's letters as a trailing (A,C)."""
    page = PAGE_PATH.read_text(encoding="utf-8")
    on_page = re.findall(r"^ • .*\(([A-K](?:,[A-K])*)\)$", page, re.MULTILINE)

    blocks = outline(export_md(raamwerk, rol, Notities(rol.id), blanco=True))
    exported = [
        m.group(1).replace(" ", "")
        for b in blocks
        if b.kind == "item"
        and (m := re.search(r" \(([A-K](?:, [A-K])*)\)(?: \(voetnoot \d+\))?$", b.text))
    ]
    assert exported == on_page


def test_footnote_reference_is_plain_text_and_the_notes_list_the_footnotes(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    markdown = export_md(raamwerk, rol, Notities(rol.id), blanco=True)
    blocks = outline(markdown)

    assert (
        "- Integreren van LOB-curriculum en gesprekscyclus ouders (CIOS) (voetnoot 14)" in markdown
    )
    noten = blocks[blocks.index(Block("h2", "Noten", [])) + 1 :]
    assert [b.text.split(" — ")[0] for b in noten] == ["14", "15"]
    assert noten[0].text == f"14 — {raamwerk.voetnoten[14].tekst}"


def test_the_legend_lists_every_source_letter_with_its_title(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, Notities(rol.id), blanco=True))
    start = blocks.index(Block("h2", "Bronnen", []))
    end = blocks.index(Block("h2", "Noten", []))

    legenda = [b.text for b in blocks[start + 1 : end]]

    assert legenda == [f"{b.letter} — {b.titel}" for b in raamwerk.bronnen.values()]
    assert len(legenda) == 11


# --- notes in their place ------------------------------------------------------------------


def test_status_and_note_are_nested_in_their_item(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol)))
    item = next(b for b in blocks if b.kind == "item" and b.text.startswith("Verdiepen"))

    assert item.nested == ["Status: bespreken met collega", "Eerst met de mentoren."]


def test_the_name_and_the_dutch_date_stand_under_the_title(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol)))

    assert blocks[1] == Block("p", "Naam: Sam de Vries · Datum: 3 december 2026", [])


def test_without_a_name_the_line_holds_the_date_only(raamwerk: Raamwerk, rol: Rol) -> None:
    notities = filled(rol)
    notities.naam = ""

    assert outline(export_md(raamwerk, rol, notities))[1].text == "Datum: 3 december 2026"


def test_aandachtsveld_follows_its_list_under_a_bold_label(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol)))
    label = blocks.index(Block("label", "Aandachtsveld", []))

    assert blocks[label - 1].kind == "item"
    assert blocks[label - 1].text.startswith("Kan doorverwijzen naar externe hulpverleners")
    assert headings(blocks[:label], "h3")[-1] == "Deskundigheden"
    assert "Netwerk in de regio." in export_md(raamwerk, rol, filled(rol))
    assert [b.text for b in blocks if b.kind == "label"].count("Aandachtsveld") == 1


def test_bespreekpunten_gather_the_items_to_discuss_with_their_notes(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol)))
    start = blocks.index(Block("h2", "Bespreekpunten", []))
    end = blocks.index(Block("h2", "Bronnen", []))

    bespreekpunten = blocks[start + 1 : end]

    assert [(b.kind, b.text) for b in bespreekpunten] == [
        ("label", "Bespreken met collega"),
        ("item", "Visie en advies voor beleid: " + first_paragraph(rol.item("visie-r1"))),  # type: ignore[arg-type]
        ("label", "Wil ik ontwikkelen"),
        ("item", "Organisatie: " + first_paragraph(rol.item("organisatie-d1"))),  # type: ignore[arg-type]
    ]
    assert bespreekpunten[1].nested == ["Eerst met de mentoren."]
    assert headings(blocks, "h2") == [*GEBIEDEN, "Bespreekpunten", "Bronnen", "Noten"]


def test_no_bespreekpunten_heading_when_nothing_is_marked_for_it(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    notities = Notities(rol.id)
    notities.set_status("visie-r1", Status.BEHEERS_IK)

    assert "Bespreekpunten" not in headings(outline(export_md(raamwerk, rol, notities)), "h2")


# --- options -------------------------------------------------------------------------------


def test_blank_form_ignores_the_notes_and_offers_every_status(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol), blanco=True))
    items = [b for b in blocks if b.kind == "item" and b.text.startswith("Verdiepen")]

    assert items[0].nested == [
        "Status: ☐ beheers ik · ☐ wil ik ontwikkelen · ☐ bespreken met collega"
    ]
    assert "Sam de Vries" not in export_md(raamwerk, rol, filled(rol), blanco=True)
    assert [b.text for b in blocks if b.kind == "label"] == ["Aandachtsveld"] * 8
    assert "Bespreekpunten" not in headings(blocks, "h2")


def test_only_noted_keeps_items_and_sections_with_something_in_them(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol), alleen_ingevuld=True))
    bronnen = blocks.index(Block("h2", "Bronnen", []))
    body = blocks[: blocks.index(Block("h2", "Bespreekpunten", []))]

    assert headings(body, "h2") == [GEBIEDEN[0], GEBIEDEN[2], GEBIEDEN[3]]
    assert headings(body, "h3") == [
        "Rolbeschrijvingen",
        "Deskundigheden",
        "Deskundigheden",
        "Rolbeschrijvingen",
        "Deskundigheden",
    ]
    kept = [b.text.split(" (")[0] for b in body if b.kind == "item"]
    assert kept == [
        rol.item(i).tekst.split(" (")[0]  # type: ignore[union-attr]
        for i in ("visie-r1", "visie-d4", "organisatie-d1", "samenwerking-r3")
    ]
    assert headings(blocks[bronnen:], "h2") == ["Bronnen", "Noten"]


def test_a_section_with_only_its_aandachtsveld_is_kept_without_a_list(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    notities = Notities(rol.id)
    notities.set_veld("organisatie/rolbeschrijvingen", "Plan maken.")

    blocks = outline(export_md(raamwerk, rol, notities, alleen_ingevuld=True))

    assert [(b.kind, b.text) for b in blocks[4:7]] == [
        ("h2", "Organisatie"),
        ("h3", "Rolbeschrijvingen"),
        ("label", "Aandachtsveld"),
    ]
    assert not [b for b in blocks if b.kind == "item" and " — " not in b.text]


def test_area_keeps_only_the_chosen_areas_in_framework_order(raamwerk: Raamwerk, rol: Rol) -> None:
    opties = {"gebieden": ("samenwerking", "visie-en-advies"), "blanco": True}
    blocks = outline(export_md(raamwerk, rol, filled(rol), **opties))

    assert headings(blocks, "h2") == [GEBIEDEN[0], GEBIEDEN[3], "Bronnen", "Noten"]
    items = [b for b in blocks if b.kind == "item" and " — " not in b.text]
    assert len(items) == len(rol.gebied("samenwerking").items) + 8  # type: ignore[union-attr]


def test_bespreekpunten_follow_the_area_filter(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(export_md(raamwerk, rol, filled(rol), gebieden=("organisatie",)))

    assert [b.text for b in blocks if b.kind == "label"] == ["Wil ik ontwikkelen"]


def test_an_unknown_area_is_refused_naming_the_known_ones(raamwerk: Raamwerk, rol: Rol) -> None:
    with pytest.raises(LobFout) as fout:
        export_md(raamwerk, rol, filled(rol), gebieden=("visie", "organisatie"))

    melding = str(fout.value)
    assert "'visie'" in melding
    assert "visie-en-advies, orientatie-en-begeleiding, organisatie, samenwerking" in melding


def test_only_noted_in_areas_without_notes_says_so(raamwerk: Raamwerk, rol: Rol) -> None:
    blocks = outline(
        export_md(
            raamwerk,
            rol,
            filled(rol),
            gebieden=("orientatie-en-begeleiding",),
            alleen_ingevuld=True,
        )
    )

    assert blocks[4] == Block("p", "Niets ingevuld in de gekozen aandachtsgebieden.", [])
    assert headings(blocks, "h2") == ["Bronnen", "Noten"]


# --- render, files ---------------------------------------------------------------------------


def test_render_refuses_empty_notes_in_dutch_and_points_to_blank(
    raamwerk: Raamwerk, rol: Rol
) -> None:
    with pytest.raises(export.GeenNotitiesFout) as fout:
        export.render(raamwerk, rol, Notities(rol.id, naam="Sam"), export.Opties(), DATUM)

    assert "nog niets om te exporteren" in str(fout.value)
    assert "--blank" in str(fout.value)
    assert isinstance(fout.value, LobFout)


def test_render_picks_the_format(raamwerk: Raamwerk, rol: Rol) -> None:
    notities = filled(rol)

    as_md = export.render(raamwerk, rol, notities, export.Opties(), DATUM)
    as_html = export.render(raamwerk, rol, notities, export.Opties(formaat="html"), DATUM)

    assert as_md == export.markdown(raamwerk, rol, notities, export.Opties(), DATUM)
    assert as_html.startswith("<!doctype html>\n")
    with pytest.raises(LobFout, match="onbekend formaat 'pdf'"):
        export.render(raamwerk, rol, notities, export.Opties(formaat="pdf"), DATUM)


@pytest.mark.parametrize("formaat", export.FORMATEN)
def test_same_input_gives_byte_identical_output_ending_in_one_newline(
    raamwerk: Raamwerk, rol: Rol, formaat: str
) -> None:
    opties = export.Opties(formaat=formaat)
    first = export.render(raamwerk, rol, filled(rol), opties, DATUM)
    fresh = load_raamwerk(RAAMWERK_PATH)
    again = export.render(fresh, fresh.rollen[0], filled(fresh.rollen[0]), opties, DATUM)

    assert first.encode("utf-8") == again.encode("utf-8")
    assert first.endswith("\n") and not first.endswith("\n\n")


def test_dutch_date_names_the_month() -> None:
    assert export.dutch_date(date(2027, 3, 1)) == "1 maart 2027"
    assert export.dutch_date(DATUM) == "3 december 2026"


@pytest.mark.parametrize(
    ("notes", "formaat", "name"),
    [
        (
            "notities-decaan-slb-coordinator.toml",
            "markdown",
            "lob-overzicht-decaan-slb-coordinator-2026-12-03.md",
        ),
        ("notities.toml", "markdown", "lob-overzicht-2026-12-03.md"),
        ("notities.toml", "html", "lob-overzicht-2026-12-03.html"),
        ("sam.toml", "html", "lob-overzicht-sam-2026-12-03.html"),
    ],
)
def test_default_export_path_lies_beside_the_notes_with_the_date(
    tmp_path: Path, notes: str, formaat: str, name: str
) -> None:
    assert export.default_export_path(tmp_path / notes, formaat, DATUM) == tmp_path / name


def test_write_export_is_utf8_and_private(tmp_path: Path) -> None:
    path = tmp_path / "overzicht.md"
    path.write_text("oud", encoding="utf-8")
    path.chmod(0o644)

    export.write_export("Oriëntatie ␛\n", path)

    assert path.read_bytes() == "Oriëntatie ␛\n".encode()
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["overzicht.md"]


def test_write_export_into_a_missing_folder_says_so_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "bestaat-niet" / "overzicht.md"

    with pytest.raises(LobFout, match="bestaat niet"):
        export.write_export("x\n", path)
