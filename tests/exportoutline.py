"""Reading an export back the way a program would: its outline and its summary table.

The export tests never compare strings of Markdown: they parse it with the
export's own markdown-it-py parser (tables on) and look at the headings,
list items, labels and table cells it yields. Shared by test_export.py and
test_export_filters.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markdown_it.token import Token

from lob_tui import export
from lob_tui.export_html import markdown_parser
from lob_tui.framework import Item, Raamwerk, Rol
from lob_tui.notes import Notities, Status

TESTS = Path(__file__).parent
RAAMWERK_PATH = TESTS.parent / "raamwerk.toml"
DATUM = date(2026, 12, 3)
TITEL = "Raamwerk voor loopbaanbegeleiding jongeren — Decaan/SLB-coördinator"
GEBIEDEN = [
    "Visie en advies voor beleid",
    "Oriëntatie en begeleiding",
    "Organisatie",
    "Samenwerking",
]


def plain(inline: Token) -> str:
    """The text an inline token renders, hard line breaks as newlines."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)


@dataclass
class Block:
    """One entry of the outline: a heading, a top-level list item, a label, a paragraph, a table.

    A list item's ``nested`` holds the paragraphs inside it; a table's holds
    its rows, each cell's text joined by `` | ``.
    """

    kind: str
    text: str
    nested: list[str]


def _cells(tokens: list[Token], start: int) -> list[str]:
    """The cell texts of the table row opening at ``start``."""
    end = next(n for n in range(start, len(tokens)) if tokens[n].type == "tr_close")
    return [plain(t) for t in tokens[start:end] if t.type == "inline"]


def outline(markdown: str) -> list[Block]:
    """The document's top-level structure, with what each list item nests."""
    tokens = markdown_parser().parse(markdown)
    blocks: list[Block] = []
    in_item = False
    for i, token in enumerate(tokens):
        if token.type in ("list_item_open", "list_item_close") and token.level == 1:
            in_item = token.nesting == 1
            if in_item:
                blocks.append(Block("item", "", []))
        elif token.type == "heading_open":
            blocks.append(Block(token.tag, plain(tokens[i + 1]), []))
        elif token.type == "table_open":
            blocks.append(Block("table", "", []))
        elif token.type == "tr_open":
            blocks[-1].nested.append(" | ".join(_cells(tokens, i)))
        elif token.type == "inline" and in_item:
            item = blocks[-1]
            if item.text:
                item.nested.append(plain(token))
            else:
                item.text = plain(token)
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            kinds = [c.type for c in token.children or [] if c.content or c.type != "text"]
            label = kinds == ["strong_open", "text", "strong_close"]
            blocks.append(Block("label" if label else "p", plain(token), []))
    return blocks


def headings(blocks: list[Block], kind: str) -> list[str]:
    return [b.text for b in blocks if b.kind == kind]


def items(blocks: list[Block]) -> list[str]:
    """The first paragraphs of the items under the areas (not Bespreekpunten or the legend)."""
    end = next(n for n, b in enumerate(blocks) if b.kind == "h2" and b.text not in GEBIEDEN)
    return [b.text for b in blocks[:end] if b.kind == "item"]


@dataclass(frozen=True)
class SummaryRow:
    """One row of the summary table: the part, its bar and its count per status."""

    naam: str
    beeld: str
    counts: tuple[int, ...]


def summary(markdown: str) -> list[SummaryRow]:
    """The rows of the export's one summary table (the header row left out)."""
    tables = [b for b in outline(markdown) if b.kind == "table"]
    assert len(tables) == 1
    header, *rows = tables[0].nested
    assert header.split(" | ") == [
        "onderdeel",
        "beeld",
        "beheers ik",
        "wil ik ontwikkelen",
        "bespreken met collega",
        "nog niet bekeken",
    ]
    parsed = []
    for row in rows:
        naam, beeld, *counts = row.split(" | ")
        parsed.append(SummaryRow(naam.strip("\u00a0"), beeld, tuple(int(c) for c in counts)))
    return parsed


def first_paragraph(item: Item) -> str:
    letters = f" ({', '.join(item.bronnen)})" if item.bronnen else ""
    voetnoot = f" (voetnoot {item.voetnoot})" if item.voetnoot else ""
    return item.tekst + letters + voetnoot


def filled(rol: Rol) -> Notities:
    """Notes with each status, a note, a name and one aandachtsveld."""
    notities = Notities(rol.id, naam="Sam de Vries")
    notities.set_status("visie-r1", Status.BESPREKEN)
    notities.set_tekst("visie-r1", "Eerst met de mentoren.")
    notities.set_status("organisatie-d1", Status.WIL_IK_ONTWIKKELEN)
    notities.set_status("samenwerking-r3", Status.BEHEERS_IK)
    notities.set_tekst("visie-d4", "Alumni uitnodigen.")
    notities.set_veld("samenwerking/deskundigheden", "Netwerk in de regio.")
    return notities


def export_md(raamwerk: Raamwerk, rol: Rol, notities: Notities, **opties: object) -> str:
    return export.markdown(raamwerk, rol, notities, export.Opties(**opties), DATUM)  # type: ignore[arg-type]
