"""Notes files for the compare and team tests, written the way the app writes them.

Each file goes through ``NotesStore.save``, so the tests read exactly what a
user's lob-tui would have left on disk. A second framework with an extra role
lets the tests hand ``compare`` and ``team`` a file of another role.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lob_tui.framework import Raamwerk, load_raamwerk
from lob_tui.notes import Notities, Status
from lob_tui.store import NotesStore

RAAMWERK_PATH = Path(__file__).parent.parent / "raamwerk.toml"
ROL = "decaan-slb-coordinator"
WHEN = datetime(2026, 12, 3, 10, 15)

MENTOR_ROLE = """

[[rollen]]
id = "mentor"
naam = "Mentor/SLB-er"

[[rollen.aandachtsgebieden]]
id = "begeleiding"
naam = "Begeleiding"

[[rollen.aandachtsgebieden.rolbeschrijvingen]]
id = "begeleiding-r1"
tekst = "Voert loopbaangesprekken met jongeren"

[[rollen.aandachtsgebieden.deskundigheden]]
id = "begeleiding-d1"
tekst = "Kent de loopbaancompetenties"
"""


def framework() -> Raamwerk:
    """The framework lob-tui ships with."""
    return load_raamwerk(RAAMWERK_PATH)


def two_role_framework(folder: Path) -> Path:
    """The shipped framework plus a Mentor role, as a school might extend it."""
    path = folder / "raamwerk-twee-rollen.toml"
    path.write_text(RAAMWERK_PATH.read_text(encoding="utf-8") + MENTOR_ROLE, encoding="utf-8")
    return path


def write_notes(
    path: Path,
    statuses: dict[str, Status | None],
    teksten: dict[str, str] | None = None,
    *,
    naam: str = "",
    rol: str = ROL,
) -> Path:
    """Save a notes file with these statuses and notes through the store."""
    notities = Notities(rol, naam)
    for item_id, status in statuses.items():
        notities.set_status(item_id, status, WHEN)
    for item_id, tekst in (teksten or {}).items():
        notities.set_tekst(item_id, tekst, WHEN)
    NotesStore(path).save(notities)
    return path


def parse(markdown: str) -> list[Token]:
    """The tokens of a report, tables included (team and the overview use them)."""
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def section(tokens: list[Token], title: str) -> list[Token]:
    """The tokens from the level-2 heading ``title`` up to the next level-2 heading."""
    start = next(
        n
        for n, t in enumerate(tokens)
        if t.type == "inline" and t.content == title and tokens[n - 1].tag == "h2"
    )
    end = next(
        (
            n
            for n in range(start + 1, len(tokens))
            if tokens[n].type == "heading_open" and tokens[n].tag == "h2"
        ),
        len(tokens),
    )
    return tokens[start + 1 : end]


def rendered_text(token: Token) -> str:
    """What an inline token shows a reader: its text, with hard breaks as newlines."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)
