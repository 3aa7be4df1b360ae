"""The line at the top of a screen: lob-tui and what the screen is about.

Textual's ``Header`` composes three widgets and sets its title after it is
mounted, which costs a noticeable part of the start and fails if the app
quits in that instant. lob-tui's header shows only text, so a ``Static``
holding the screen's title and subtitle, literally, is all it takes.
"""

from __future__ import annotations

from textual.widgets import Static

from lob_tui.widgets.literal import one_line


class TitleBar(Static):
    """The screen's title and subtitle (a role's name, say), centred and literal."""

    def __init__(self, title: str, sub_title: str = "", *, id: str | None = None) -> None:
        text = f"{title} — {sub_title}" if sub_title else title
        super().__init__(one_line(text), id=id)
