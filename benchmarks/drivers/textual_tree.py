"""First frame of a plain Textual app with lob-tui's widgets: Tree, TextArea, Header, Footer.

``python textual_tree.py N`` builds a Tree of N items in areas of ten, every
node created and expanded up front: what a straightforward tree costs, and
what lob-tui must beat for large frameworks by creating nodes only as they
are expanded.
"""

import sys

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header, TextArea, Tree

SIZE = (100, 30)


class PlainTree(App[None]):
    def __init__(self, item_count: int) -> None:
        super().__init__()
        self.item_count = item_count

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[int] = Tree("Rol")
        tree.root.expand()
        area = tree.root
        for number in range(self.item_count):
            if number % 10 == 0:
                area = tree.root.add(f"Aandachtsgebied {number // 10 + 1}", expand=True)
            area.add_leaf(f"Item {number + 1}: een regel tekst van ongeveer de echte lengte")
        yield tree
        yield TextArea("")
        yield Footer()


async def exit_after_first_frame(pilot: Pilot[object]) -> None:
    """Stop as soon as the screen has been drawn once."""
    pilot.app.call_after_refresh(pilot.app.exit)


PlainTree(int(sys.argv[1])).run(headless=True, size=SIZE, auto_pilot=exit_after_first_frame)
