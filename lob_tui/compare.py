"""Two assessments of one role side by side: last year's and this year's, or two colleagues'.

What a reader wants first is what *moved*: which items went from "wil ik
ontwikkelen" to "beheers ik". So the report opens with those moves, grouped
by from-and-to, then shows both pictures at a glance, and only then walks the
framework item by item with both statuses and both notes. Notes can span
lines, which a Markdown table cannot hold safely, so each item lists A and B
as list items with the note as a literal paragraph beneath.

The output is a pure function of the two files and the framework: no date,
no absolute path that was not given, so the same inputs give the same bytes.
This module never imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lob_tui.framework import Item, Raamwerk, Rol, Sectie
from lob_tui.mdtext import literal, literal_inline
from lob_tui.notes import ItemNotitie, Status
from lob_tui.overview import STATUSES, bar, label, legend, overview
from lob_tui.report import NotesFile, distinct_names, html_page, load_readonly

FORMATS = ("markdown", "html")


@dataclass(frozen=True)
class ItemChange:
    """One item as A and B have it."""

    item: Item
    a: ItemNotitie
    b: ItemNotitie

    @property
    def status_changed(self) -> bool:
        """Whether B gave the item another status than A (or one where A had none)."""
        return self.a.status != self.b.status

    @property
    def note_changed(self) -> bool:
        """Whether the notes differ."""
        return self.a.tekst != self.b.tekst


Move = tuple[Status | None, Status | None]


def changes(rol: Rol, a: NotesFile, b: NotesFile) -> list[ItemChange]:
    """Every item of the role with A's and B's notes, in framework order."""
    return [ItemChange(i, a.notities.item(i.id), b.notities.item(i.id)) for i in rol.items()]


def moves(items: list[ItemChange]) -> dict[Move, list[Item]]:
    """The items whose status changed, grouped by (from, to) in status order."""
    grouped: dict[Move, list[Item]] = {}
    for change in items:
        if change.status_changed:
            grouped.setdefault((change.a.status, change.b.status), []).append(change.item)
    return dict(sorted(grouped.items(), key=lambda kv: tuple(STATUSES.index(s) for s in kv[0])))


def _aantal(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _title(item: Item) -> str:
    return literal_inline(f"{item.tekst} ({item.id})")


def _status(status: Status | None) -> str:
    return f"*{label(status)}*"


def _summary(items: list[ItemChange]) -> Iterator[str]:
    """The moves first: what a reader of a comparison looks for."""
    yield "## Wat er veranderde"
    grouped = moves(items)
    changed = sum(len(v) for v in grouped.values())
    if not changed:
        yield f"Bij geen van de {len(items)} items is de status anders in B dan in A."
    else:
        yield f"Bij {changed} van de {len(items)} items is de status anders in B dan in A."
    for (old, new), moved in grouped.items():
        yield f"### Van {_status(old)} naar {_status(new)}: {_aantal(len(moved))}"
        yield "\n".join(f"- {_title(item)}" for item in moved)

    only_note = [c.item for c in items if c.note_changed and not c.status_changed]
    if only_note:
        yield f"### Alleen de notitie anders: {_aantal(len(only_note))}"
        yield "\n".join(f"- {_title(item)}" for item in only_note)


def _glance(rol: Rol, a: NotesFile, b: NotesFile) -> Iterator[str]:
    """Both pictures per area, one character per item, so the shift shows at once."""
    yield "## In één oogopslag"
    yield f"Per teken één item: {legend()}."
    lines = []
    for row_a, row_b in zip(overview(rol, a.notities), overview(rol, b.notities), strict=True):
        if row_a.level == 2:
            continue
        naam = literal_inline(row_a.naam)
        lines.append(f"- {'**' + naam + '**' if row_a.level == 0 else naam}")
        for which, row in (("A", row_a), ("B", row_b)):
            lines.append(f"  - {which}: `{bar(row.counts)}` {row.counts.compact()}")
    yield "\n".join(lines)


def _side(which: str, naam: str, notitie: ItemNotitie) -> str:
    """One side of an item: who, which status, and the note as a literal paragraph."""
    head = f"- **{which}** · {literal_inline(naam)}: {_status(notitie.status)}"
    if not notitie.tekst:
        return f"{head}, geen notitie"
    return f"{head}\n\n  {literal(notitie.tekst, indent='  ')}"


def _item(change: ItemChange, names: list[str]) -> Iterator[str]:
    """An item's heading, what changed, then A and B with their notes."""
    yield f"#### {_title(change.item)}"
    if change.a.is_leeg and change.b.is_leeg:
        yield "Nog niet bekeken in A en B; geen notities."
        return
    if change.status_changed:
        status = (
            f"Status **veranderd**: van {_status(change.a.status)} naar {_status(change.b.status)}."
        )
    else:
        status = f"Status gelijk: {_status(change.a.status)}."
    note = "Notitie anders." if change.note_changed else "Notitie gelijk."
    if not change.a.tekst and not change.b.tekst:
        note = "Geen notities."
    yield f"{status} {note}"
    yield "\n\n".join(
        _side(which, naam, notitie)
        for which, naam, notitie in zip("AB", names, (change.a, change.b), strict=True)
    )


def _veld(sectie: Sectie, a: NotesFile, b: NotesFile, names: list[str]) -> Iterator[str]:
    """The section's aandachtsveld, when either file has one."""
    texts = [f.notities.veld(sectie.id).tekst for f in (a, b)]
    if not any(texts):
        return
    yield f"#### Aandachtsveld {literal_inline(sectie.titel.lower())}"
    sides = []
    for which, naam, tekst in zip("AB", names, texts, strict=True):
        head = f"- **{which}** · {literal_inline(naam)}"
        sides.append(f"{head}\n\n  {literal(tekst, indent='  ')}" if tekst else f"{head}: leeg")
    yield "\n\n".join(sides)


def _details(rol: Rol, items: list[ItemChange], a: NotesFile, b: NotesFile) -> Iterator[str]:
    """Every area, section and item in framework order."""
    names = distinct_names([a, b])
    by_id = {c.item.id: c for c in items}
    for gebied in rol.aandachtsgebieden:
        yield f"## {literal_inline(gebied.naam)}"
        for sectie in gebied.secties:
            yield f"### {literal_inline(sectie.titel)}"
            for item in sectie.items:
                yield from _item(by_id[item.id], names)
            yield from _veld(sectie, a, b, names)


def _unknown(a: NotesFile, b: NotesFile) -> Iterator[str]:
    """Notes on ids this framework lacks: kept in the files, named here, not compared."""
    found = [(which, f) for which, f in zip("AB", (a, b), strict=True) if f.unknown_ids()]
    if not found:
        return
    yield "## Niet vergeleken"
    yield "\n".join(
        f"- {which} heeft notities bij id's die dit raamwerk niet kent: "
        f"{literal_inline(', '.join(f.unknown_ids()))}"
        for which, f in found
    )


def _who(which: str, file: NotesFile) -> str:
    """Whose file A or B is: the name written in it, and the file as given."""
    naam = f"{literal_inline(file.notities.naam)}, " if file.notities.naam else ""
    return f"- **{which}**: {naam}bestand {literal_inline(str(file.path))}"


def render_markdown(raamwerk: Raamwerk, rol: Rol, a: NotesFile, b: NotesFile) -> str:
    """The comparison as Markdown, moves first; every user text literal."""
    items = changes(rol, a, b)
    blocks = [
        f"# Vergelijking: {literal_inline(rol.naam)}",
        f"{literal_inline(raamwerk.titel)}",
        "\n".join(_who(which, f) for which, f in zip("AB", (a, b), strict=True)),
        *_summary(items),
        *_glance(rol, a, b),
        *_details(rol, items, a, b),
        *_unknown(a, b),
    ]
    return "\n\n".join(blocks) + "\n"


def h2_ids(rol: Rol, a: NotesFile, b: NotesFile) -> list[str]:
    """Anchors for the level-2 headings of ``render_markdown``, in the same order."""
    unknown = ["niet-vergeleken"] if a.unknown_ids() or b.unknown_ids() else []
    return ["veranderd", "oogopslag", *(f"gebied-{g.id}" for g in rol.aandachtsgebieden), *unknown]


def title(rol: Rol, a: NotesFile, b: NotesFile) -> str:
    """The page title: the role and both names, plain text."""
    first, second = distinct_names([a, b])
    return f"Vergelijking {rol.naam}: {first} en {second}"


def compare_files(
    raamwerk: Raamwerk, path_a: Path, path_b: Path, rol: Rol | None, fmt: str = "markdown"
) -> str:
    """Read both files (B must be of A's role) and render the comparison.

    Raises ``NotitieFout`` naming the file that cannot be read or is of
    another role or framework.
    """
    a = load_readonly(path_a, raamwerk, rol)
    b = load_readonly(path_b, raamwerk, a.rol)
    text = render_markdown(raamwerk, a.rol, a, b)
    if fmt == "html":
        return html_page(title(a.rol, a, b), text, h2_ids(a.rol, a, b))
    return text


__all__ = ["FORMATS", "ItemChange", "changes", "compare_files", "moves", "render_markdown"]
