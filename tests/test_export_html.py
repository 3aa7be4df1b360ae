"""The printable page: standalone, no script, nothing fetched, notes escaped, areas on new pages."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from test_export_literal import HOSTILE, NOTES, RAAMWERK

from lob_tui import compare, export, export_html
from lob_tui.export_html import markdown_parser, page_parser
from lob_tui.framework import Raamwerk, Rol, load_raamwerk
from lob_tui.notes import Notities, Status
from lob_tui.report import NotesFile

DATUM = date(2026, 12, 3)


@pytest.fixture(scope="module")
def raamwerk() -> Raamwerk:
    return load_raamwerk(Path(__file__).parent.parent / "raamwerk.toml")


@pytest.fixture(scope="module")
def rol(raamwerk: Raamwerk) -> Rol:
    return raamwerk.rollen[0]


@pytest.fixture
def page(raamwerk: Raamwerk, rol: Rol) -> str:
    notities = Notities(rol.id, naam="Sam <b>de</b> Vries")
    notities.set_status("visie-r1", Status.BESPREKEN)
    notities.set_tekst("visie-r1", "<script>alert(1)</script>\n[klik](http://example.com)")
    notities.set_veld("organisatie/deskundigheden", '<img src="http://example.com/x.png">')
    return export.html(raamwerk, rol, notities, export.Opties(formaat="html"), DATUM)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of the title."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def elements(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_a_standalone_dutch_utf8_document(page: str) -> None:
    found = elements(page)
    tags = [tag for tag, _ in found.elements]

    assert page.startswith("<!doctype html>\n")
    assert ("html", {"lang": "nl"}) in found.elements
    assert ("meta", {"charset": "utf-8"}) in found.elements
    assert found.title == "Raamwerk voor loopbaanbegeleiding jongeren — Decaan/SLB-coördinator"
    assert tags.count("style") == 1
    assert page.endswith("</html>\n")


def test_page_has_no_script_and_fetches_nothing(page: str) -> None:
    found = elements(page)
    tags = {tag for tag, _ in found.elements}

    assert "<script" not in page.lower()
    assert not tags & {"script", "img", "link", "iframe", "object", "embed", "a"}
    assert not [attrs for _, attrs in found.elements if "src" in attrs or "href" in attrs]
    assert "url(" not in page and "@import" not in page


def test_html_in_notes_is_shown_as_text(page: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[klik](http://example.com)" in page
    assert "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in page
    assert "Naam: Sam &lt;b&gt;de&lt;/b&gt; Vries" in page


def test_outline_survives_into_the_page(page: str) -> None:
    tags = [tag for tag, _ in elements(page).elements]

    assert tags.count("h1") == 1
    assert tags.count("h2") == 4 + 3
    assert tags.count("h3") == 8
    assert tags.count("table") == 1


def test_the_summary_is_a_real_table_with_bars_and_counts(page: str) -> None:
    table = page[page.index("<table>") : page.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL) for row in rows]

    assert page.index("</table>") < page.index("<h2")
    assert cells[0][:2] == ["onderdeel", "beeld"] and cells[0][-1] == "nog niet bekeken"
    assert cells[1][0] == "<strong>Decaan/SLB-coördinator</strong>"
    assert cells[1][1] == "<code>░" + "·" * 19 + "</code>"
    assert cells[1][2:] == ["0", "0", "1", "37"]
    assert len(cells) == 1 + 1 + 4
    assert 'style="text-align:right"' in rows[1]  # numbers line up for comparing


def test_a_note_shaped_like_a_table_stays_text(raamwerk: Raamwerk, rol: Rol) -> None:
    notities = Notities(rol.id)
    notities.set_tekst("visie-r1", "a | b\n:-:\n<b>c</b>")

    page = export.html(raamwerk, rol, notities, export.Opties(), DATUM)

    assert page.count("<table>") == 1
    assert "a | b<br />:-:<br />&lt;b&gt;c&lt;/b&gt;" in page


def test_each_area_gets_an_id_and_starts_a_new_page_in_print(page: str) -> None:
    ids = [attrs.get("id") for tag, attrs in elements(page).elements if tag == "h2"]

    assert ids == [
        "gebied-visie-en-advies",
        "gebied-orientatie-en-begeleiding",
        "gebied-organisatie",
        "gebied-samenwerking",
        "bespreekpunten",
        "bronnen",
        "noten",
    ]
    css = re.search(r"<style>(.*)</style>", page, re.DOTALL)
    assert css is not None
    assert "break-before: page" in css.group(1)
    assert "page-break-before: always" in css.group(1)
    assert "h2:first-of-type" in css.group(1)  # but not the first area, right after the summary


def test_css_prints_black_on_white_and_status_is_in_words(page: str) -> None:
    css = re.search(r"<style>(.*)</style>", page, re.DOTALL).group(1)  # type: ignore[union-attr]
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", css))

    assert colours <= {"#000", "#fff"}
    assert "Status: <strong>bespreken met collega</strong>" in page


def test_note_lines_stay_lines_on_the_page(raamwerk: Raamwerk, rol: Rol) -> None:
    notities = Notities(rol.id)
    notities.set_tekst("visie-r1", "een\n  twee")

    page = export.html(raamwerk, rol, notities, export.Opties(), DATUM)

    assert "<blockquote>\n<p>een<br />  twee</p>\n</blockquote>" in page
    assert "white-space: pre-wrap" in page


# --- the page's parser ----------------------------------------------------------------------
# The page leaves out block rules that no exported line can start (export_html.page_parser).
# These tests hold it to that: every page must be what the full CommonMark parser with tables
# would make of it, whatever the notes say, for the export and for the comparison.


def same_with_both_parsers(markdown: str) -> None:
    assert page_parser().render(markdown) == markdown_parser().render(markdown)


def noted_everywhere(rol: Rol, note: str) -> Notities:
    """``note`` as the name, on every item (statuses varying) and in every aandachtsveld."""
    notities = Notities(rol.id, naam=note)
    for n, item in enumerate(rol.items()):
        notities.set_status(item.id, list(Status)[n % len(Status)])
        notities.set_tekst(item.id, note)
    for gebied in rol.aandachtsgebieden:
        for sectie in gebied.secties:
            notities.set_veld(sectie.id, note)
    return notities


OPTIES = [
    export.Opties(),
    export.Opties(alleen_ingevuld=True, bronnen=("F",)),
    export.Opties(gebieden=("organisatie",), statussen=(Status.BESPREKEN,)),
    export.Opties(blanco=True),
]


def test_the_page_is_the_one_the_full_parser_makes(
    raamwerk: Raamwerk, rol: Rol, monkeypatch: pytest.MonkeyPatch
) -> None:
    notities = noted_everywhere(rol, "Eerste regel van de notitie\ntweede <b>regel</b> [x](y)")
    pages = [export.html(raamwerk, rol, notities, opties, DATUM) for opties in OPTIES]

    monkeypatch.setattr(export_html, "page_parser", markdown_parser)

    assert pages == [export.html(raamwerk, rol, notities, opties, DATUM) for opties in OPTIES]


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_notes_render_as_with_the_full_parser(
    raamwerk: Raamwerk, rol: Rol, note: str
) -> None:
    notities = noted_everywhere(rol, note)
    for opties in OPTIES:
        same_with_both_parsers(export.markdown(raamwerk, rol, notities, opties, DATUM))


@settings(max_examples=150, deadline=None)
@given(NOTES)
def test_any_note_renders_as_with_the_full_parser(note: str) -> None:
    notities = noted_everywhere(RAAMWERK.rollen[0], note)
    same_with_both_parsers(
        export.markdown(RAAMWERK, RAAMWERK.rollen[0], notities, export.Opties(), DATUM)
    )


@settings(max_examples=40, deadline=None)
@given(NOTES)
def test_a_comparison_renders_as_with_the_full_parser(note: str) -> None:
    rol = RAAMWERK.rollen[0]
    a, b = (
        NotesFile(Path(f"{naam}.toml"), rol, noted_everywhere(rol, tekst))
        for naam, tekst in (("a", note), ("b", "x"))
    )
    same_with_both_parsers(compare.render_markdown(RAAMWERK, rol, a, b))
