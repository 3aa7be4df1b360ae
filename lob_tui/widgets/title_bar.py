"""The top line: the command palette's icon and the screen's title, drawn by one widget.

Textual's ``Header`` is four widgets (itself, the icon, the title and the
space for a clock). Every widget on the screen takes part in every key: each
frame asks it for its lines and each wait for the screen passes it a message.
This bar draws the same line alone: the icon on the left opens the command
palette when clicked, the title and sub-title stand in the middle of the room
Textual's header gives them, and it follows the screen's title as that one does.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON_WIDTH = 8
"""The icon's room on the left, as in Textual's header."""

CLOCK_WIDTH = 10
"""The room Textual's header keeps on the right for a clock; kept, so the title stays put."""


class TitleBar(Widget):
    """The screen's title in the middle of the top line, the palette's icon on the left."""

    def __init__(self, icon: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            for name in ("title", "sub_title"):
                self.watch(owner, name, self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        """The icon, then the title centred in what is left (less a clock's room)."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        room = max(0, self.size.width - ICON_WIDTH - CLOCK_WIDTH)
        icon = Content(f" {self.icon}").pad(0, ICON_WIDTH - 1 - len(self.icon))
        centred = app.format_title(title, sub_title).center(room, ellipsis=True)
        return Content.assemble(icon, centred, " " * CLOCK_WIDTH)

    async def on_click(self, event: events.Click) -> None:
        """A click on the icon opens the command palette, as in Textual's header."""
        if event.x < ICON_WIDTH:
            event.stop()
            await self.run_action("app.command_palette")
