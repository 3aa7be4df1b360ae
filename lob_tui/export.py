"""The overview to take to a colleague: the framework with a person's notes, as Markdown or HTML.

This is the original web page's "Download je overzicht". Markdown is the
format people keep and edit themselves; the HTML page is the same Markdown
rendered by markdown-it-py (see ``export_html``) to print or mail.

The outline is fixed so that a reader, and a program, can rely on it:

* one level-1 heading ``<raamwerk> — <rol>``, then a line ``Naam: … · Datum: 3 december 2026``
  (the name only when it is set);
* the summary at a glance (``overview.render_markdown``): a legend line, then a table
  with a row for the role and one per chosen area, each with a bar of ``█ ▒ ░ ·`` (20
  characters, shared by proportion) and the count of every status, ``nog niet bekeken``
  included, so each row adds up to its number of items. It counts every item of the
  chosen areas, whatever ``--status``, ``--source`` or ``--only-noted`` leave out of the
  list. A blank form (``--blank``) has no statuses, so it has no summary;
* when the items are filtered, a paragraph per filter saying so, e.g.
  ``Alleen items uit bron F: Nice Framework``, so a reader knows this is not everything;
* per aandachtsgebied, in framework order, a level-2 heading (an area or section left
  without items by a filter is dropped); under it the level-3
  headings ``Rolbeschrijvingen`` and ``Deskundigheden``, each followed by one bullet
  list with one top-level item per framework item;
* an item's first paragraph is its text, its source letters as `` (A, C)`` and its
  footnote as `` (voetnoot 14)``: plain text, not a Markdown footnote or link, so every
  renderer shows it the same; its status (``Status: **wil ik ontwikkelen**``) and its
  note (a block quote) are nested in the list item;
* after each list, the section's aandachtsveld under the bold label ``**Aandachtsveld**``;
* then level-2 ``Bespreekpunten`` (only when items are marked *bespreken met collega* or
  *wil ik ontwikkelen*), ``Bronnen`` (the legend) and ``Noten`` (the footnotes).

Every text, the framework's as well as the user's, goes in as *literal* text
(``export_literal``): whatever a note holds, it reads exactly as typed and can
add no heading, list, code block, link or HTML, so it cannot change the
outline. This module never imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lob_tui.atomic import PRIVATE, remove_stale_temps, write_atomic
from lob_tui.errors import LobFout, Probleem
from lob_tui.export_literal import escape_line, literal, one_line, visible
from lob_tui.export_plan import BESPREEKPUNTEN, FORMATEN, Opties, Plan
from lob_tui.framework import Aandachtsgebied, Item, Raamwerk, Rol, Sectie
from lob_tui.notes import ItemNotitie, Notities, Status
from lob_tui.overview import render_markdown
from lob_tui.store import describe_os_error

EXTENSIES = {"markdown": "md", "html": "html"}

MAANDEN = (
    *("januari", "februari", "maart", "april", "mei", "juni"),
    *("juli", "augustus", "september", "oktober", "november", "december"),
)

_SCHRIJFREGEL = "…" * 40
"""A line to write on in the blank form."""

_BALK = 20
"""The summary's bars all have this many characters, as the team overview's do.

Equal bars compare areas of different sizes by proportion, as the app's
picture does, and keep the table narrow enough for an A4 page; the exact
numbers stand beside each bar.
"""


class GeenNotitiesFout(LobFout):
    """Nothing filled in yet: the original, too, downloads only once something is."""

    def __init__(self) -> None:
        super().__init__(
            "er is nog niets om te exporteren: je hebt nog geen status gekozen en geen notitie "
            "of aandachtsveld ingevuld (net als op de webpagina werkt het overzicht pas als je "
            "de aandachtsvelden benut); vul eerst iets in, of exporteer met --blank het lege "
            "raamwerk als formulier om af te drukken"
        )


# --- Markdown -------------------------------------------------------------------------------


def dutch_date(datum: date) -> str:
    """A date as Dutch readers write it: ``3 december 2026``."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def _indent(lines: list[str], first: str, rest: str) -> str:
    return "\n".join((first if i == 0 else rest) + line for i, line in enumerate(lines))


def _heading(level: int, text: str) -> str:
    """A heading of one line with every ``#`` escaped (a trailing one would close it)."""
    return "#" * level + " " + escape_line(text, heading=True)


def _titel(raamwerk: Raamwerk, rol: Rol) -> str:
    return f"{one_line(raamwerk.titel)} — {one_line(rol.naam)}"


def _head(plan: Plan, datum: date) -> Iterator[str]:
    yield _heading(1, _titel(plan.raamwerk, plan.rol))

    datum_regel = f"Datum: {dutch_date(datum)}"
    if plan.opties.blanco:
        yield f"Naam: {_SCHRIJFREGEL[:20]} · {datum_regel}"
    elif visible(plan.notities.naam):
        lines = literal(f"Naam: {plan.notities.naam}")
        lines[-1] += f" · {datum_regel}"
        yield "\n".join(lines)
    else:
        yield datum_regel

    # A blank form has no statuses to count; its summary would be all "nog niet bekeken".
    if not plan.opties.blanco:
        yield _summary(plan)
    for line in plan.filter.describe(plan.raamwerk):
        yield "\n".join(literal(line))


def _summary(plan: Plan) -> str:
    """The at-a-glance table: the role and each chosen area, bars and counts."""
    return render_markdown(plan.summary_rows(), bar_width=_BALK).rstrip("\n")


def _first_paragraph(item: Item, prefix: str = "") -> list[str]:
    lines = literal(prefix + item.tekst)
    if item.bronnen:
        lines[-1] += f" ({', '.join(item.bronnen)})"
    if item.voetnoot is not None:
        lines[-1] += f" (voetnoot {item.voetnoot})"
    return lines


def _list_item(
    item: Item, notitie: ItemNotitie, *, blanco: bool, prefix: str = "", status: bool = True
) -> str:
    """One top-level list item: the item, then its status and note nested inside it."""
    blocks = [_indent(_first_paragraph(item, prefix), "- ", "  ")]
    if blanco:
        keuzes = " · ".join(f"☐ {s.value}" for s in Status)
        blocks.append(f"  Status: {keuzes}")
    elif status and notitie.status is not None:
        blocks.append(f"  Status: **{notitie.status.value}**")
    if visible(notitie.tekst):
        blocks.append(_indent(literal(notitie.tekst), "  > ", "  > "))
    return "\n\n".join(blocks)


def _sectie(plan: Plan, sectie: Sectie) -> Iterator[str]:
    yield f"### {sectie.titel}"
    items = plan.items(sectie)
    if items:
        blanco = plan.opties.blanco
        yield "\n\n".join(_list_item(i, plan.notitie(i), blanco=blanco) for i in items)
    veld = plan.veld(sectie)
    if veld:
        yield "**Aandachtsveld**"
        yield _indent(literal(veld), "> ", "> ")
    elif plan.opties.blanco:
        # The paper form keeps room to write, as the web page has a field there.
        yield "**Aandachtsveld**"
        yield "\\\n".join([_SCHRIJFREGEL] * 4)


def _gebied(plan: Plan, gebied: Aandachtsgebied) -> Iterator[str]:
    yield _heading(2, one_line(gebied.naam))
    for sectie in plan.secties(gebied):
        yield from _sectie(plan, sectie)


def _bespreekpunten(plan: Plan) -> Iterator[str]:
    if not plan.heeft_bespreekpunten:
        return
    yield "## Bespreekpunten"
    for status in BESPREEKPUNTEN:
        gemarkeerd = plan.met_status(status)
        if not gemarkeerd:
            continue
        yield f"**{status.value.capitalize()}**"
        yield "\n\n".join(
            _list_item(item, plan.notitie(item), blanco=False, prefix=f"{g.naam}: ", status=False)
            for g, item in gemarkeerd
        )


def _legenda(raamwerk: Raamwerk) -> Iterator[str]:
    yield "## Bronnen"
    bronnen = [raamwerk.bronnen[letter] for letter in sorted(raamwerk.bronnen)]
    lines = [_indent(literal(f"{b.letter} — {b.titel}"), "- ", "  ") for b in bronnen]
    yield "\n".join(lines) if lines else "Dit raamwerk noemt geen bronnen."

    yield "## Noten"
    noten = [raamwerk.voetnoten[n] for n in sorted(raamwerk.voetnoten)]
    lines = [_indent(literal(f"{v.nummer} — {v.tekst}"), "- ", "  ") for v in noten]
    yield "\n".join(lines) if lines else "Dit raamwerk heeft geen noten."


def _blocks(plan: Plan, datum: date) -> Iterator[str]:
    yield from _head(plan, datum)
    for gebied in plan.gebieden:
        yield from _gebied(plan, gebied)
    if not plan.gebieden and plan.filter.is_active:
        yield "Geen items met de gekozen status of bron in de gekozen aandachtsgebieden."
    elif not plan.gebieden:
        yield "Niets ingevuld in de gekozen aandachtsgebieden."
    yield from _bespreekpunten(plan)
    yield from _legenda(plan.raamwerk)


def _markdown(plan: Plan, datum: date) -> str:
    return "\n\n".join(_blocks(plan, datum)) + "\n"


def markdown(raamwerk: Raamwerk, rol: Rol, notities: Notities, opties: Opties, datum: date) -> str:
    """The overview as Markdown with the fixed outline of the module docstring.

    Raises ``LobFout`` for an area id the role does not have, a source letter
    the legend lacks, or a status filter on a blank form. Unlike ``render`` it
    does not refuse empty notes, so a preview can show the bare framework.
    """
    return _markdown(Plan(raamwerk, rol, notities, opties), datum)


def html(raamwerk: Raamwerk, rol: Rol, notities: Notities, opties: Opties, datum: date) -> str:
    """The same Markdown rendered into one standalone, printable HTML page."""
    return _html(Plan(raamwerk, rol, notities, opties), datum)


def _html(plan: Plan, datum: date) -> str:
    from lob_tui import export_html  # markdown-it (~35 ms) loads only for an HTML export

    titel = _titel(plan.raamwerk, plan.rol)
    return export_html.page(_markdown(plan, datum), titel, plan.h2_ids())


def render(raamwerk: Raamwerk, rol: Rol, notities: Notities, opties: Opties, datum: date) -> str:
    """The export in ``opties.formaat``; raises ``GeenNotitiesFout`` when there is nothing yet."""
    if opties.formaat not in FORMATEN:
        raise LobFout(f"onbekend formaat '{opties.formaat}'; kies uit: {', '.join(FORMATEN)}")
    # A mistyped option is the first thing to hear about, before "nothing filled in".
    plan = Plan(raamwerk, rol, notities, opties)
    if notities.is_leeg and not opties.blanco:
        raise GeenNotitiesFout()
    if opties.formaat == "html":
        return _html(plan, datum)
    return _markdown(plan, datum)


# --- files ----------------------------------------------------------------------------------


def default_export_path(notes_path: Path, formaat: str, datum: date) -> Path:
    """Where an export goes without ``-o``: beside the notes, named after them and the date.

    ``notities-decaan-slb-coordinator.toml`` gives
    ``lob-overzicht-decaan-slb-coordinator-2026-12-03.md``; ``notities.toml`` gives
    ``lob-overzicht-2026-12-03.md``. Naming it after the notes file keeps two roles'
    exports of the same day from overwriting each other.
    """
    stem = notes_path.stem.removeprefix("notities").lstrip("-")
    naam = "-".join(part for part in ("lob-overzicht", stem, datum.isoformat()) if part)
    return notes_path.with_name(f"{naam}.{EXTENSIES.get(formaat, formaat)}")


def write_export(text: str, path: Path) -> None:
    """Write an export atomically as UTF-8, readable by its owner only: it holds private notes.

    A device or pipe (``-o /dev/null``, ``/dev/stdout``, a FIFO) is written
    into, not replaced: an atomic save renames a new file over the target,
    and as root that would replace the device itself. A symbolic link keeps
    pointing where it did; the file it names gets the export.
    Raises ``LobFout`` with a Dutch reason when the disk refuses.
    """
    data = text.encode("utf-8")
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            with path.open("wb") as stream:
                stream.write(data)
            return
        target = path.resolve() if path.is_symlink() else path
        remove_stale_temps(target)
        write_atomic(target, data, mode=PRIVATE)
    except OSError as error:
        raise LobFout(
            Probleem(path, f"overzicht niet geschreven: {describe_os_error(error, path)}")
        ) from None


__all__ = [
    "FORMATEN",
    "GeenNotitiesFout",
    "Opties",
    "default_export_path",
    "dutch_date",
    "html",
    "literal",
    "markdown",
    "one_line",
    "render",
    "visible",
    "write_export",
]
