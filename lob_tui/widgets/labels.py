"""The marks and labels that show where the user stands, in the tree and the panes.

A status must read without colour (a colour-blind user, a monochrome
terminal, a printout of the screen), so each status has a mark of one cell;
colour only repeats what the mark already says. Progress counts an item as
done when it has a status or a note, as the web page's overview does.
"""

from __future__ import annotations

from rich.text import Text

from lob_tui.framework import Aandachtsgebied, Item, Sectie
from lob_tui.notes import Notities, Status
from lob_tui.widgets.literal import one_line

NO_STATUS_MARK = "·"
NOTE_MARK = "✎"

STATUS_MARKS: dict[Status, str] = {
    Status.BEHEERS_IK: "✓",
    Status.WIL_IK_ONTWIKKELEN: "↗",
    Status.BESPREKEN: "?",
}

_STATUS_STYLES: dict[Status, str] = {
    Status.BEHEERS_IK: "bold green",
    Status.WIL_IK_ONTWIKKELEN: "bold dark_orange",  # yellow fades on light themes
    Status.BESPREKEN: "bold magenta",
}


def status_mark(status: Status | None) -> Text:
    """The one-cell mark of a status, coloured as an extra."""
    if status is None:
        return Text(NO_STATUS_MARK, style="dim", end="")
    return Text(STATUS_MARKS[status], style=_STATUS_STYLES[status], end="")


def status_words(status: Status | None) -> str:
    """The status as the help screen and the detail pane spell it out."""
    if status is None:
        return "nog geen status"
    return f"{status.value} (toets {status.toets})"


def item_label(item: Item, notities: Notities) -> Text:
    """``✓ ✎ text``: the status, whether there is a note, and the item's text."""
    notitie = notities.item(item.id)
    note = NOTE_MARK if notitie.tekst else " "
    return Text.assemble(status_mark(notitie.status), " ", note, " ", one_line(item.tekst))


def progress(items: tuple[Item, ...], notities: Notities) -> str:
    """``4/7``: items with a status or note, out of all (as ``Notities.voortgang``)."""
    noted = notities.items  # read directly: this runs for every area when the tree is built
    done = sum(1 for item in items if (n := noted.get(item.id)) is not None and not n.is_leeg)
    return f"{done}/{len(items)}"


def section_label(sectie: Sectie, notities: Notities) -> Text:
    """The section's heading, its progress and a note mark when its aandachtsveld is filled."""
    note = f" {NOTE_MARK}" if notities.veld(sectie.id).tekst else ""
    return Text.assemble(
        (sectie.titel, "italic"), "  ", (progress(sectie.items, notities), "dim"), note
    )


def area_label(gebied: Aandachtsgebied, notities: Notities) -> Text:
    """The area's name and its progress over both sections."""
    label = one_line(gebied.naam, "bold")
    label.append("  ")
    label.append(progress(gebied.items, notities), style="dim")
    return label
