"""User text in the reports' Markdown, through the export's one literal-text escaper.

``export_literal`` decides how any text becomes Markdown that renders exactly
as typed; the export, the overview table, ``compare`` and ``team`` all use it,
so a note reads the same in each and there is one escaper to prove correct.
This module only fits it to where the reports put text: a note as a paragraph
inside a list item, and a name or an item on one line (a heading, a list
entry, a table cell). This module never imports Textual or Rich.
"""

from __future__ import annotations

from lob_tui.export_literal import escape_line, one_line
from lob_tui.export_literal import literal as _paragraph_lines


def literal(text: str, indent: str = "") -> str:
    """``text`` as one Markdown paragraph; lines after the first are prefixed with ``indent``.

    The indent keeps a multi-line note inside the list item it stands in.
    """
    return ("\n" + indent).join(_paragraph_lines(text))


def literal_inline(text: str) -> str:
    """``text`` on one line, safe as a heading, a list entry or a table cell.

    Line breaks become spaces and the ends are trimmed; ``#`` is escaped too,
    because a trailing one would close a heading, and ``|`` always is.
    """
    return escape_line(one_line(text).strip(), heading=True)


__all__ = ["literal", "literal_inline"]
