"""raamwerk.toml must say exactly what the source page of the Raamwerk says.

The web page of the "Raamwerk voor loopbaanbegeleiding jongeren" (role Decaan/SLB-coördinator)
is the source of truth; tests/data/decaan-slb-coordinator.txt is a verbatim copy of its text.
raamwerk.toml is a hand-maintained transcription of that page, so nothing but a test catches
a dropped item, a "corrected" typo, a lost source letter or an item in the wrong section.

These tests parse the page copy with their own small parser (deliberately independent of
lob_tui's loader, so a bug there cannot hide a bug here) and compare raamwerk.toml with it
item by item. The only intended differences between page and file are:

* the trailing source group " (A,C)" of an item lives in ``bronnen = ["A", "C"]``;
* a footnote reference " (CIOS, 14)" becomes " (CIOS)" in the text plus ``voetnoot = 14``;
* the page's heading "Rolbeschijvingen" is spelled "rolbeschrijvingen" in the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
PAGE_PATH = TESTS / "data" / "decaan-slb-coordinator.txt"
TOML_PATH = TESTS.parent / "raamwerk.toml"

TITEL = "Raamwerk voor loopbaanbegeleiding jongeren"
ROL_NAAM = "Decaan/SLB-coördinator"
ROL_ID = "decaan-slb-coordinator"

BULLET = " • "
# The page's own (misspelled) section headings, mapped to the table names in raamwerk.toml.
SECTIONS = {"Rolbeschijvingen": "rolbeschrijvingen", "Deskundigheden": "deskundigheden"}
SECTION_LETTER = {"rolbeschrijvingen": "r", "deskundigheden": "d"}
# Area name on the page -> (area id, item id prefix). Fixed by the file format, so hard-coded.
AREAS = {
    "Visie en advies voor beleid": ("visie-en-advies", "visie"),
    "Oriëntatie en begeleiding": ("orientatie-en-begeleiding", "orientatie"),
    "Organisatie": ("organisatie", "organisatie"),
    "Samenwerking": ("samenwerking", "samenwerking"),
}
# Item counts per section in page order (rol, deskundigheid per area), 38 in all.
EXPECTED_COUNTS = [3, 5, 3, 5, 3, 4, 8, 7]
EXPECTED_TOTAL = 38
EXPECTED_WITHOUT_LETTERS = 16

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SOURCE_GROUP = re.compile(r"^(?P<text>.*) \((?P<letters>[A-K](?:,[A-K])*)\)$")
FOOTNOTE_LINE = re.compile(r"^\*(?P<num>\d+) (?P<text>.+)$")
FOOTNOTE_REF = re.compile(r" \(CIOS, (?P<num>\d+)\)")
LEGEND_ENTRY = re.compile(r"\((?P<letter>[A-K])\) ")


@dataclass
class Page:
    """What the source page says, in page order."""

    lines: list[str]
    # area name -> section table name -> bullet lines (without the bullet), in page order
    areas: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    footnotes: dict[int, str] = field(default_factory=dict)
    legend: dict[str, str] = field(default_factory=dict)


def parse_page(path: Path) -> Page:
    """Parse the page copy: area headings, section markers, items, footnotes and legend.

    An area heading is a bullet line directly followed (after blank lines) by a section
    marker bullet; the page repeats the heading before each section. The item list ends at
    "Gerelateerde informatie:"; the legend is the first non-empty line after "LEGENDA:".
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    page = Page(lines=lines)
    bullets = [line.removeprefix(BULLET) for line in lines if line.startswith(BULLET)]
    current: list[str] | None = None
    for index, bullet in enumerate(bullets):
        if bullet.startswith("Gerelateerde informatie"):
            break
        following = bullets[index + 1] if index + 1 < len(bullets) else ""
        if following in SECTIONS:
            sections = page.areas.setdefault(bullet, {name: [] for name in SECTIONS.values()})
            current = sections[SECTIONS[following]]
            continue
        if bullet in SECTIONS or current is None:
            continue
        footnote = FOOTNOTE_LINE.match(bullet)
        if footnote:
            page.footnotes[int(footnote["num"])] = footnote["text"]
            continue
        current.append(bullet)

    legend_at = next(i for i, line in enumerate(lines) if line.strip() == "LEGENDA:")
    legend_line = next(line.strip() for line in lines[legend_at + 1 :] if line.strip())
    parts = LEGEND_ENTRY.split(legend_line)
    assert parts[0] == "", f"unexpected text before the first legend letter: {parts[0]!r}"
    page.legend = {
        letter: title.strip() for letter, title in zip(parts[1::2], parts[2::2], strict=True)
    }
    return page


PAGE = parse_page(PAGE_PATH)


@dataclass(frozen=True)
class PageItem:
    """One bullet of the page, with the position and id it must have in raamwerk.toml."""

    area: str
    section: str
    index: int
    line: str

    @property
    def expected_id(self) -> str:
        prefix = AREAS[self.area][1]
        return f"{prefix}-{SECTION_LETTER[self.section]}{self.index + 1}"


PAGE_ITEMS = [
    PageItem(area, section, index, line)
    for area, sections in PAGE.areas.items()
    for section, items in sections.items()
    for index, line in enumerate(items)
]
PAGE_SECTIONS = [
    (area, section, len(items))
    for area, sections in PAGE.areas.items()
    for section, items in sections.items()
]


@pytest.fixture(scope="module")
def raamwerk() -> dict[str, Any]:
    """raamwerk.toml as plain TOML data, read with tomllib (not with lob_tui's loader)."""
    with TOML_PATH.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def rol(raamwerk: dict[str, Any]) -> dict[str, Any]:
    """The Decaan/SLB-coördinator role, the one the page describes."""
    rollen = raamwerk["rollen"]
    matches = [r for r in rollen if r["id"] == ROL_ID]
    assert len(matches) == 1, f"expected exactly one role with id {ROL_ID!r}"
    result: dict[str, Any] = matches[0]
    return result


def area_by_name(rol: dict[str, Any], name: str) -> dict[str, Any]:
    """The aandachtsgebied of the role with this page name."""
    matches = [a for a in rol["aandachtsgebieden"] if a["naam"] == name]
    assert len(matches) == 1, f"expected exactly one aandachtsgebied named {name!r}"
    result: dict[str, Any] = matches[0]
    return result


def all_items(rol: dict[str, Any]) -> list[dict[str, Any]]:
    """Every rolbeschrijving and deskundigheid of the role, in file order."""
    return [
        item
        for area in rol["aandachtsgebieden"]
        for section in SECTIONS.values()
        for item in area.get(section, [])
    ]


def page_form(item: dict[str, Any]) -> str:
    """Rebuild the page's bullet line from a raamwerk.toml item.

    The inverse of the transcription: put the footnote number back into "(CIOS)" and append
    the source letters as " (A,C)".
    """
    text: str = item["tekst"]
    if "voetnoot" in item:
        assert text.count("(CIOS)") == 1, "a footnoted item cites the footnote once, as (CIOS)"
        text = text.replace("(CIOS)", f"(CIOS, {item['voetnoot']})")
    letters: list[str] = item.get("bronnen", [])
    if letters:
        text += " (" + ",".join(letters) + ")"
    return text


def test_page_parser_finds_what_the_page_has() -> None:
    """Guard the parser itself, so a parsing slip cannot make the comparisons vacuous."""
    assert list(PAGE.areas) == list(AREAS)
    assert [count for _, _, count in PAGE_SECTIONS] == EXPECTED_COUNTS
    assert len(PAGE_ITEMS) == EXPECTED_TOTAL
    without = [i for i in PAGE_ITEMS if not SOURCE_GROUP.match(i.line)]
    assert len(without) == EXPECTED_WITHOUT_LETTERS
    assert sorted(PAGE.footnotes) == [14, 15]
    assert list(PAGE.legend) == list("ABCDEFGHIJK")
    assert PAGE.lines[0] == ROL_NAAM
    assert TITEL in PAGE.lines


def test_title_and_role(raamwerk: dict[str, Any], rol: dict[str, Any]) -> None:
    """The file's title and role name are the page's, character for character."""
    assert raamwerk["formaat"] == 1
    assert raamwerk["titel"] == TITEL
    assert TITEL in PAGE.lines
    assert rol["naam"] == ROL_NAAM == PAGE.lines[0]
    doelgroep_line = next(line for line in PAGE.lines if line.startswith("Voor specialistische"))
    assert doelgroep_line.startswith(rol["doelgroep"])


def test_areas_names_and_order(rol: dict[str, Any]) -> None:
    """The four aandachtsgebieden appear with the page's names, in the page's order."""
    names = [area["naam"] for area in rol["aandachtsgebieden"]]
    assert names == list(PAGE.areas)
    ids = [area["id"] for area in rol["aandachtsgebieden"]]
    assert ids == [AREAS[name][0] for name in PAGE.areas]


@pytest.mark.parametrize(
    ("area", "section", "count"),
    PAGE_SECTIONS,
    ids=[f"{AREAS[a][1]}-{s}" for a, s, _ in PAGE_SECTIONS],
)
def test_section_item_count(rol: dict[str, Any], area: str, section: str, count: int) -> None:
    """Each section holds as many items as on the page: none dropped, none added."""
    assert len(area_by_name(rol, area).get(section, [])) == count


@pytest.mark.parametrize("page_item", PAGE_ITEMS, ids=[i.expected_id for i in PAGE_ITEMS])
def test_item_matches_page(rol: dict[str, Any], page_item: PageItem) -> None:
    """Each item's text, source letters and footnote reproduce the page's bullet exactly.

    Typos of the page ("up tot date", "in der regio", "beroepen- kunde") are kept on
    purpose: the page is the source of truth, and a school corrects texts in its own copy.
    """
    items = area_by_name(rol, page_item.area).get(page_item.section, [])
    assert page_item.index < len(items), "item missing from raamwerk.toml"
    item = items[page_item.index]
    assert item["id"] == page_item.expected_id
    assert page_form(item) == page_item.line

    page_match = SOURCE_GROUP.match(page_item.line)
    expected_letters = page_match["letters"].split(",") if page_match else None
    assert item.get("bronnen") == expected_letters, "bronnen omitted iff the page cites none"

    reference = FOOTNOTE_REF.search(page_item.line)
    expected_note = int(reference["num"]) if reference else None
    assert item.get("voetnoot") == expected_note
    if expected_note is not None:
        assert type(item["voetnoot"]) is int


def test_totals(rol: dict[str, Any]) -> None:
    """38 items in all, of which 16 cite no source letter (and then carry no bronnen key)."""
    items = all_items(rol)
    assert len(items) == EXPECTED_TOTAL
    assert sum("bronnen" not in item for item in items) == EXPECTED_WITHOUT_LETTERS
    assert all(item["bronnen"] for item in items if "bronnen" in item), "no empty lists"


def test_legend_matches_page(raamwerk: dict[str, Any]) -> None:
    """[bronnen] is the page's LEGENDA: letters A-K with their titles, in order."""
    assert list(raamwerk["bronnen"].items()) == list(PAGE.legend.items())


def test_every_cited_letter_is_in_legend(raamwerk: dict[str, Any], rol: dict[str, Any]) -> None:
    """An item never cites a source the legend does not explain."""
    cited = {letter for item in all_items(rol) for letter in item.get("bronnen", [])}
    assert cited <= set(raamwerk["bronnen"])


def test_footnotes_match_page(raamwerk: dict[str, Any], rol: dict[str, Any]) -> None:
    """[voetnoten] holds the page's footnotes 14 and 15, and every reference resolves."""
    voetnoten = raamwerk["voetnoten"]
    assert voetnoten == {str(number): text for number, text in PAGE.footnotes.items()}
    referenced = {item["voetnoot"] for item in all_items(rol) if "voetnoot" in item}
    assert {str(number) for number in referenced} == set(voetnoten)


def test_ids_unique_and_well_formed(raamwerk: dict[str, Any]) -> None:
    """Ids are what notes refer to, so each must be unique and follow the id pattern."""
    ids: list[str] = []
    for rol in raamwerk["rollen"]:
        ids.append(rol["id"])
        ids += [area["id"] for area in rol["aandachtsgebieden"]]
        ids += [item["id"] for item in all_items(rol)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    bad = [i for i in ids if not ID_PATTERN.match(i)]
    assert not bad, f"ids not matching {ID_PATTERN.pattern}: {bad}"
