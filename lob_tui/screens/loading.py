"""The first screen of a real start: the app's frame while the files are read.

Reading the framework and the notes, and building the main screen, costs
more than Textual's own start for a large framework (a 12 MB framework takes
seconds to parse). So ``lob-tui`` draws this screen first, with the same
header, status line and footer the main screen has, and reads the files on
a thread behind it; ``LobApp`` swaps in the main screen when they are read.
The screen holds plain ``Static`` widgets only, so that it costs next to
nothing to draw, and every text on it is built here, never from user input
as markup.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from lob_tui.widgets.title_bar import TitleBar


class LoadingScreen(Screen[None]):
    """Header, an empty tree pane saying what is being read, the status line, the keys."""

    def __init__(self, framework: Path, title: str) -> None:
        super().__init__()
        self.framework = framework
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield TitleBar(self.title_text)
        with Horizontal(id="body"):
            with Vertical(id="tree-pane"):
                yield Static(
                    f"Raamwerk laden uit {self.framework} …", id="loading-text", markup=False
                )
            yield Vertical(id="detail-pane")
        yield Static("… Raamwerk en notities laden", id="status", markup=False)
        yield Static("^q Stoppen", id="loading-footer", markup=False)
