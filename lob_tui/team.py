"""A LOB team's notes files counted together: what the team wants to develop.

Organising deskundigheidsbevordering is one of the coördinator's own tasks in
the framework. For that they need, per item, how many colleagues marked each
status, with the items most wanted for development or discussion on top, and
totals per area. The counts per item always add up to the number of files
read, because an item nobody looked at counts as "nog niet bekeken".

The overview is anonymous unless asked otherwise: colleagues lend their notes
for a count, not to be named. It never quotes a note. A file that cannot be
used (unreadable, another role or framework, given twice) does not stop the
rest: it is named with its reason and left out. This module never imports
Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lob_tui.errors import LobFout, Probleem
from lob_tui.framework import Item, Raamwerk, Rol
from lob_tui.mdtext import literal_inline
from lob_tui.notes import Status
from lob_tui.overview import STATUSES, Row, StatusCounts, bar, label, overview, render_markdown
from lob_tui.report import NotesFile, distinct_names, load_readonly


@dataclass(frozen=True)
class Team:
    """The files that could be counted, and why the others could not."""

    rol: Rol | None
    files: list[NotesFile]
    skipped: list[Probleem]


def load_team(raamwerk: Raamwerk, paths: list[Path], rol: Rol | None) -> Team:
    """Read every file; keep the readable ones of one role, name the rest.

    Without ``rol`` the first readable file decides the role, so a framework
    with several roles needs no ``--role`` as long as the files agree.
    """
    files: list[NotesFile] = []
    skipped: list[Probleem] = []
    seen: set[Path] = set()
    for path in paths:
        # The same file twice would count one colleague double.
        key = path.resolve()
        if key in seen:
            skipped.append(Probleem(path, "staat al eerder in de lijst; één keer geteld"))
            continue
        seen.add(key)

        try:
            found = load_readonly(path, raamwerk, rol)
        except LobFout as fout:
            skipped.extend(fout.problemen)
            continue
        rol = found.rol
        files.append(found)
    return Team(rol, files, skipped)


def item_counts(rol: Rol, files: list[NotesFile]) -> list[tuple[Item, StatusCounts]]:
    """Per item, in framework order, how many files gave it each status."""
    return [
        (item, StatusCounts.of(f.notities.item(item.id).status for f in files))
        for item in rol.items()
    ]


def most_wanted(counts: list[tuple[Item, StatusCounts]]) -> list[tuple[Item, StatusCounts]]:
    """Most marked for development plus discussion first; ties keep the framework's order."""
    order = {item.id: n for n, (item, _) in enumerate(counts)}
    return sorted(counts, key=lambda pair: (-pair[1].wanted, order[pair[0].id]))


def area_rows(rol: Rol, files: list[NotesFile]) -> list[Row]:
    """The at-a-glance rows of every file added up: marks per role, area and section."""
    per_file = [overview(rol, f.notities) for f in files]
    return [
        rows[0]._replace(counts=sum((r.counts for r in rows), StatusCounts()))
        for rows in zip(*per_file, strict=True)
    ]


def _aantal_bestanden(n: int, soort: str = "notitiebestand") -> str:
    return f"{n} {soort}" if n == 1 else f"{n} {soort}en"


def _intro(team: Team, names: bool) -> Iterator[str]:
    counted = _aantal_bestanden(len(team.files))
    if names:
        who = ", ".join(literal_inline(n) for n in distinct_names(team.files))
        yield f"Geteld: {counted}, van {who}."
    else:
        yield f"Geteld: {counted}. De namen staan er niet in; met `--names` wel."
    unknown = sum(1 for f in team.files if f.unknown_ids())
    if unknown:
        yield (
            f"In {_aantal_bestanden(unknown)} staan ook notities bij items die dit raamwerk "
            "niet (meer) kent; die zijn niet meegeteld."
        )
    if team.skipped:
        skipped = _aantal_bestanden(len(team.skipped), "bestand")
        yield f"Overgeslagen: {skipped}, met de reden onderaan."


def _areas(rows: list[Row], files: int) -> Iterator[str]:
    yield "## Per aandachtsgebied"
    # Spell out the arithmetic once with real numbers: the totals are marks, not people.
    area = next(r for r in rows if r.level == 1)
    items = area.counts.total // files
    yield (
        f"Elk getal telt items maal bestanden: {literal_inline(area.naam)} heeft {items} items "
        f"en telt bij {_aantal_bestanden(files, 'bestand')} dus {area.counts.total} keer. "
        "Elk teken in het beeld staat voor een gelijk deel."
    )
    yield render_markdown(rows, bar_width=20).rstrip("\n")


def _items(ranked: list[tuple[Item, StatusCounts]]) -> Iterator[str]:
    yield "## Per item, meest gewenst eerst"
    yield (
        "Bovenaan de items die het vaakst *wil ik ontwikkelen* of *bespreken met collega* "
        "kregen; bij gelijke aantallen de volgorde van het raamwerk. Per teken één bestand."
    )
    header = ["nr", "item", "beeld", *(label(s) for s in STATUSES)]
    lines = ["| " + " | ".join(header) + " |", "|--:|---|---|" + "--:|" * len(STATUSES)]
    for number, (item, counts) in enumerate(ranked, start=1):
        cells = [
            str(number),
            literal_inline(f"{item.tekst} ({item.id})"),
            f"`{bar(counts)}`",
            *(str(c) for c in counts.counts),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    yield "\n".join(lines)


def _who(team: Team, ranked: list[tuple[Item, StatusCounts]]) -> Iterator[str]:
    """Only with ``--names``: who wants what, so the coördinator knows whom to invite."""
    names = distinct_names(team.files)
    lines = []
    for item, counts in ranked:
        if not counts.wanted:
            continue
        parts = []
        for status in (Status.WIL_IK_ONTWIKKELEN, Status.BESPREKEN):
            who = [n for n, f in zip(names, team.files, strict=True) if _status(f, item) == status]
            if who:
                parts.append(f"{label(status)}: {', '.join(literal_inline(n) for n in who)}")
        lines.append(
            f"- {literal_inline(item.tekst)} ({literal_inline(item.id)}): " + "; ".join(parts)
        )
    yield "## Wie wat wil ontwikkelen of bespreken"
    yield (
        "\n".join(lines)
        if lines
        else "Niemand koos *wil ik ontwikkelen* of *bespreken met collega*."
    )


def _status(file: NotesFile, item: Item) -> Status | None:
    return file.notities.item(item.id).status


def _skipped(team: Team) -> Iterator[str]:
    if not team.skipped:
        return
    yield "## Overgeslagen"
    yield "\n".join(f"- {literal_inline(str(p))}" for p in team.skipped)


def skipped_summary(team: Team, given: int) -> str:
    """One Dutch line for stderr: how many files were left out and what was counted."""
    if not team.files:
        return "geen enkel bestand kon worden gelezen; er is geen teamoverzicht gemaakt"
    counted = _aantal_bestanden(len(team.files))
    return (
        f"{len(team.skipped)} van de {given} bestanden overgeslagen (zie hierboven); "
        f"het overzicht telt de andere {counted}"
    )


def render_markdown_team(raamwerk: Raamwerk, team: Team, names: bool = False) -> str:
    """The team overview as Markdown; requires at least one counted file."""
    rol = team.rol
    if rol is None or not team.files:
        raise ValueError("a team overview needs at least one counted file")
    ranked = most_wanted(item_counts(rol, team.files))
    blocks = [
        f"# Teamoverzicht: {literal_inline(rol.naam)}",
        literal_inline(raamwerk.titel),
        *_intro(team, names),
        *_areas(area_rows(rol, team.files), len(team.files)),
        *_items(ranked),
        *(_who(team, ranked) if names else ()),
        *_skipped(team),
    ]
    return "\n\n".join(blocks) + "\n"


__all__ = [
    "Team",
    "area_rows",
    "item_counts",
    "load_team",
    "most_wanted",
    "render_markdown_team",
    "skipped_summary",
]
