"""What ``compare`` and ``team`` share: other people's notes, read-only, and where a report goes.

Both commands read notes files that are not the user's own working file: last
year's, a colleague's, a whole team's. Such a file is only read, never
written, so it does not go through ``NotesStore``, whose contract fits the
user's own file but not these: it treats a missing file as a fresh, empty
assessment (a mistyped name would silently compare against nothing) and its
role message advises ``--notes``, an option these commands do not have. The
bytes are parsed by the very same checks (``notes.parse_bytes``), so every
problem in a file is reported exactly as for one's own notes.

The reports are written like the export (``commands.output.write_report``): atomically,
readable by their owner only, never over one of the files read. This module
never imports Textual or Rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lob_tui import notes
from lob_tui.errors import NotitieFout, Probleem, describe_read_error
from lob_tui.framework import Raamwerk, Rol


@dataclass(frozen=True)
class NotesFile:
    """One person's notes, read-only, with the file they came from."""

    path: Path
    rol: Rol
    notities: notes.Notities

    @property
    def naam(self) -> str:
        """The name written in the file, or else the file's name: how a report calls it."""
        return self.notities.naam or self.path.name

    def unknown_ids(self) -> list[str]:
        """Ids in the file that this framework's role does not have; left out of reports."""
        items = (item.id for item in self.rol.items())
        secties = (s.id for g in self.rol.aandachtsgebieden for s in g.secties)
        return sorted(self.notities.onbekend(items, secties))


def _read(path: Path) -> bytes:
    """The file's bytes, or a Dutch reason why there are none."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        melding = "dit bestand bestaat niet; controleer de naam en de map"
    except IsADirectoryError:
        melding = "dit is een map, geen notitiebestand"
    except OSError as error:
        melding = f"kan het bestand niet lezen ({describe_read_error(error)})"
    raise NotitieFout(Probleem(path, melding))


def load_readonly(path: Path, raamwerk: Raamwerk, rol: Rol | None = None) -> NotesFile:
    """Read a notes file of ``rol`` (or of any role of the framework when ``rol`` is None).

    Raises ``NotitieFout`` naming the file when it cannot be read, is not a
    valid notes file, or belongs to a role this framework lacks (a file of
    another framework) or to another role than ``rol``.
    """
    notities = notes.parse_bytes(_read(path), path)
    found = raamwerk.rol(notities.rol_id)
    if found is None:
        bekend = ", ".join(r.id for r in raamwerk.rollen)
        raise NotitieFout(
            Probleem(
                path,
                f"dit notitiebestand hoort bij de rol '{notities.rol_id}', die dit raamwerk "
                f"niet kent (wel: {bekend}); is het van een ander raamwerk? kies dat met "
                "--framework",
            )
        )
    if rol is not None and found.id != rol.id:
        raise NotitieFout(
            Probleem(
                path,
                f"dit notitiebestand hoort bij de rol '{found.id}', niet bij '{rol.id}'; "
                "gebruik alleen bestanden van dezelfde rol",
            )
        )
    return NotesFile(path, found, notities)


def distinct_names(files: list[NotesFile]) -> list[str]:
    """A name per file that tells it apart: the ``naam``, else the file name.

    Last year's and this year's file of one person carry the same ``naam``,
    and two colleagues may both keep a ``notities.toml``. Only names that
    collide get more: the file name beside the ``naam``, then the whole path.
    """
    names = [f.naam for f in files]
    for detail in (lambda f: f.path.name, lambda f: str(f.path)):
        alike = {n for n in names if names.count(n) > 1}
        names = [
            (f"{f.notities.naam} ({detail(f)})" if f.notities.naam else str(f.path))
            if n in alike
            else n
            for n, f in zip(names, files, strict=True)
        ]
    return names


_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 48rem;
       margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #999; }
h3 { margin-top: 1.5rem; } h4 { margin: 1.25rem 0 0.25rem; }
code { font-family: ui-monospace, monospace; }
li > p + p { white-space: pre-wrap; tab-size: 4; }
@media print { body { margin: 0; max-width: none; } h2, h3, h4 { break-after: avoid; } }
""".strip()


def html_page(title: str, markdown: str, h2_ids: list[str]) -> str:
    """A standalone HTML page of the Markdown: no scripts, no external files, no raw HTML.

    Rendered by the export's own renderer (CommonMark, raw HTML shown as text),
    so a note looks the same in an export and a comparison; a note's paragraph
    keeps its spaces (``pre-wrap``). ``h2_ids`` name the level-2 headings, so
    a reader can link to an area.
    """
    # markdown-it loads only for a report, not when the main screen imports ``NotesFile``.
    from lob_tui import export_html

    return export_html.page(markdown, title, h2_ids, css=_CSS + "\n")


__all__ = [
    "NotesFile",
    "distinct_names",
    "html_page",
    "load_readonly",
]
