"""The tree of the role: areas, their two sections, and the sections' items.

Every node carries the model object it shows (``Knoop``), so the app never
looks anything up by label text. Children are added only when a node is first
expanded: a framework of fifty thousand items then starts as fast as one of
forty, because only the areas exist until the user opens one.

A filter (``show_only``) hides the items outside a set the screen chose, and
the sections and areas left without items; the lazy growing honours it.

The tree's keys for the screen's features (status, search, the area filter)
are declared here with ``screen.`` actions, so that they work, and show in
the footer, only while the tree has focus; typing a ``1`` in a note stays a 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, TypeAlias

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from lob_tui.framework import Aandachtsgebied, Item, Sectie
from lob_tui.notes import Notities
from lob_tui.widgets.labels import area_label, item_label, section_label

Knoop: TypeAlias = Aandachtsgebied | Sectie | Item
"""What a node of the tree shows."""

FIRST_AREAS = 100
"""Areas added before the first frame: more than any screen shows."""

AREA_BATCH = 500
"""Areas added per step after the first frame."""


def node_key(knoop: Knoop) -> str:
    """A stable name for a node, as the settings file remembers the last one."""
    if isinstance(knoop, Aandachtsgebied):
        return f"gebied:{knoop.id}"
    if isinstance(knoop, Sectie):
        return f"sectie:{knoop.id}"
    return f"item:{knoop.id}"


def _section_key(item: Item) -> str:
    return f"sectie:{item.gebied_id}/{item.soort.value}"


def label_of(knoop: Knoop, notities: Notities) -> Text:
    """The label a node shows for its model object."""
    if isinstance(knoop, Aandachtsgebied):
        return area_label(knoop, notities)
    if isinstance(knoop, Sectie):
        return section_label(knoop, notities)
    return item_label(knoop, notities)


def _on_area(node: TreeNode[Knoop] | None) -> bool:
    return node is not None and isinstance(node.data, Aandachtsgebied)


_STATUS = Binding.Group("Status", compact=True)
"""The four status keys share one place in the footer; the help screen names each."""


class FrameworkTree(Tree[Knoop]):
    """The role's framework as a tree with status marks and progress counts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Vorige regel", show=False, id="omhoog"),
        Binding("down,j", "cursor_down", "Volgende regel", show=False, id="omlaag"),
        Binding("left", "collapse_or_parent", "Inklappen", show=False, id="inklappen"),
        Binding("right", "expand_or_child", "Uitklappen", show=False, id="uitklappen"),
        Binding("home", "scroll_home", "Naar het begin", show=False, id="begin"),
        Binding("end", "scroll_end", "Naar het einde", show=False, id="einde"),
        Binding("space,shift+space", "toggle_node", "In- of uitklappen", show=False, id="klappen"),
        Binding(
            "shift+left", "cursor_parent", "Naar het onderdeel erboven", show=False, id="ouder"
        ),
        Binding(
            "shift+up", "cursor_previous_sibling", "Vorige op dit niveau", show=False, id="vorig"
        ),
        Binding(
            "shift+down", "cursor_next_sibling", "Volgende op dit niveau", show=False, id="volg"
        ),
        Binding(
            "shift+right",
            "cursor_parent_next_sibling",
            "Volgende van het niveau erboven",
            show=False,
            id="ouder-volgende",
        ),
        # One Enter, two meanings: check_action leaves the footer the one that applies here.
        Binding(
            "enter",
            "write_note",
            "Notitie",
            tooltip="bij een item of onderdeel schrijven",
            id="schrijven",
        ),
        Binding(
            "enter",
            "open_or_close",
            "Open of dicht",
            tooltip="een aandachtsgebied",
            id="gebied-klappen",
        ),
        Binding("1", "screen.set_status(1)", "Beheers ik", id="status-1", group=_STATUS),
        Binding("2", "screen.set_status(2)", "Wil ik ontwikkelen", id="status-2", group=_STATUS),
        Binding("3", "screen.set_status(3)", "Bespreken met collega", id="status-3", group=_STATUS),
        Binding("0", "screen.set_status(0)", "Status wissen", id="status-0", group=_STATUS),
        Binding("slash", "screen.search", "Zoeken", id="zoeken"),
        Binding("n", "screen.next_match", "Volgende treffer", show=False, id="volgende"),
        Binding("N", "screen.previous_match", "Vorige treffer", show=False, id="vorige"),
        # Export before "a": where the footer has no room for every key, it drops "a" first.
        Binding("e", "screen.export", "Export", id="export"),
        Binding("a", "screen.toggle_area", "Alle of één gebied", id="filter"),
        Binding("f", "screen.choose_filter", "Filter", show=False, id="item-filter"),
        Binding("F", "screen.clear_filter", "Filter wissen", show=False, id="filter-wissen"),
        Binding("o", "screen.toggle_overview", "Overzicht", show=False, id="overzicht"),
        Binding("v", "screen.compare", "Vergelijken", show=False, id="vergelijken"),
        Binding(
            "V", "screen.close_compare", "Vergelijking sluiten", show=False, id="vergelijken-uit"
        ),
        Binding("q", "app.quit", "Stoppen", show=False, id="stoppen-q"),
    ]

    def __init__(
        self,
        notities: Notities,
        *,
        on_move: Callable[[TreeNode[Knoop]], None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__("Raamwerk", id=id)
        self.notities = notities
        self._on_move = on_move
        self.show_root = False
        self.auto_expand = False
        self._by_key: dict[str, TreeNode[Knoop]] = {}
        self._given: tuple[Aandachtsgebied, ...] = ()  # the areas asked for, ...
        self._areas: list[Aandachtsgebied] = []  # ... those the filter leaves, ...
        self._added = 0  # ... of which this many have a node yet
        self._only: frozenset[str] | None = None  # the item ids a filter leaves

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        """Move the cursor, and have ``on_move`` show the new node in this same frame.

        Tree's ``NodeHighlighted`` reaches the screen only after the tree has
        been drawn, so every move drew the screen twice: first the tree, then
        the details and the note. ``on_move`` is called before anything is
        drawn; the message still follows, for anyone else who listens.
        """
        before = self.cursor_node
        super().watch_cursor_line(previous_line, line)
        node = self.cursor_node
        if _on_area(before) != _on_area(node):
            self.refresh_bindings()  # Enter's word in the footer; most moves keep it
        if self._on_move is not None and previous_line != line and node not in (None, before):
            self._on_move(node)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter writes a note, except on an area, which it opens or closes."""
        if action in ("write_note", "open_or_close"):
            return _on_area(self.cursor_node) == (action == "open_or_close")
        return True

    def action_write_note(self) -> None:
        """Enter on an item or section: the screen hears it as a selection, as a click."""
        self.action_select_cursor()

    def action_open_or_close(self) -> None:
        """Enter on an area, at once: a ↓ typed right after it lands in the opened area."""
        node = self.cursor_node
        if node is not None:
            self.open_or_close(node)

    def open_or_close(self, node: TreeNode[Knoop]) -> None:
        """Open a closed node, with its children, or close an open one."""
        self.grow(node)
        node.toggle()

    def show_areas(self, gebieden: Iterable[Aandachtsgebied]) -> None:
        """Show these areas, collapsed; their sections come when they are opened.

        A screenful of areas is added at once, the rest in batches after the
        first frame, so thousands of areas do not hold up the start.
        """
        self.clear()
        self._by_key.clear()
        self._given = tuple(gebieden)
        # Without a filter, no area's items are touched: a huge framework starts fast.
        shown = (
            self._given
            if self._only is None
            else (g for g in self._given if self.shows_any(g.items))
        )
        self._areas = list(shown)
        self._added = 0
        self._add_areas(FIRST_AREAS)
        if self._added < len(self._areas):
            self.call_after_refresh(self._add_in_batches)

    def show_only(self, item_ids: frozenset[str] | None) -> None:
        """Show only these items (None: all), then the same areas as before, anew.

        The set is fixed when the filter is chosen: an item whose status changes
        afterwards stays in view rather than vanishing from under the cursor.
        """
        self._only = item_ids
        self.show_areas(self._given)

    def shows(self, item: Item) -> bool:
        """Whether the filter leaves this item in the tree."""
        return self._only is None or item.id in self._only

    def shows_any(self, items: Iterable[Item]) -> bool:
        """Whether the filter leaves any of these items (always, without a filter)."""
        return self._only is None or any(item.id in self._only for item in items)

    @property
    def is_empty(self) -> bool:
        """Whether no area at all is shown."""
        return not self._areas

    def _add_areas(self, count: int) -> None:
        end = min(self._added + count, len(self._areas))
        for gebied in self._areas[self._added : end]:
            self._add(self.root, gebied, leaf=False)
        self._added = end

    def _add_in_batches(self) -> None:
        self._add_areas(AREA_BATCH)
        if self._added < len(self._areas):
            self.set_timer(0.01, self._add_in_batches)

    def _add_areas_until(self, gebied_id: str) -> bool:
        """Add the areas up to this one now: it is needed before its batch comes.

        Returns whether any area was added.
        """
        for index in range(self._added, len(self._areas)):
            if self._areas[index].id == gebied_id:
                self._add_areas(index + 1 - self._added)
                return True
        return False

    def _add(self, parent: TreeNode[Knoop], knoop: Knoop, *, leaf: bool) -> None:
        label = label_of(knoop, self.notities)
        node = parent.add_leaf(label, data=knoop) if leaf else parent.add(label, data=knoop)
        self._by_key[node_key(knoop)] = node

    def grow(self, node: TreeNode[Knoop]) -> bool:
        """Add the node's children the first time they are needed; True if it added any."""
        if node.children:
            return False
        if isinstance(node.data, Aandachtsgebied):
            for sectie in node.data.secties:
                if self.shows_any(sectie.items):
                    self._add(node, sectie, leaf=False)
        elif isinstance(node.data, Sectie):
            for item in node.data.items:
                if self.shows(item):
                    self._add(node, item, leaf=True)
        return bool(node.children)

    @on(Tree.NodeExpanded)
    def _grow_expanded(self, event: Tree.NodeExpanded[Knoop]) -> None:
        """A node opened by mouse or space gets its children too."""
        self.grow(event.node)

    def reveal(self, knoop: Knoop) -> bool:
        """Open the node's ancestors and put the cursor on it; False if it is not shown.

        When a node had to be added or opened, the cursor moves after the next
        refresh, when the tree has its new lines: moving at once could land on
        the first line. A node already in view (the usual case for ``n``) gets
        the cursor at once, and nothing is opened again: opening an open node
        still rebuilds and lays out the whole tree.
        """
        gebied_id = knoop.id if isinstance(knoop, Aandachtsgebied) else knoop.gebied_id
        path = [f"gebied:{gebied_id}"]
        if isinstance(knoop, Item):
            path.append(_section_key(knoop))
        if not isinstance(knoop, Aandachtsgebied):
            path.append(node_key(knoop))

        changed = self._add_areas_until(gebied_id)
        for ancestor_key in path[:-1]:
            ancestor = self._by_key.get(ancestor_key)
            if ancestor is None:
                return False
            changed = self.grow(ancestor) or changed
            if not ancestor.is_expanded:
                ancestor.expand()
                changed = True
        node = self._by_key.get(path[-1])
        if node is None:
            return False
        if changed or node.line < 0:
            self.call_after_refresh(self.move_cursor, node)
        else:
            self.move_cursor(node)
        return True

    def relabel(self, knoop: Knoop) -> None:
        """Update the node's label and the progress of the section and area above it."""
        keys = [node_key(knoop)]
        if isinstance(knoop, Item):
            keys.append(_section_key(knoop))
        if not isinstance(knoop, Aandachtsgebied):
            keys.append(f"gebied:{knoop.gebied_id}")
        for key in keys:
            node = self._by_key.get(key)
            if node is not None and node.data is not None:
                self._set_label(node, label_of(node.data, self.notities))

    @staticmethod
    def _set_label(node: TreeNode[Knoop], label: Text) -> None:
        """Give the node this label, unless it has it: a new label repaints the node's lines.

        For an area or a section those are all the lines below it, and the
        progress count above an item rarely changes when its status does.
        """
        if node.label != label:
            node.set_label(label)

    def relabel_all(self) -> None:
        """Update every label, after the notes were reloaded from disk."""
        for node in self._by_key.values():
            if node.data is not None:
                self._set_label(node, label_of(node.data, self.notities))

    def get_label_width(self, node: TreeNode[Knoop]) -> int:
        """The label's width without rendering it: the tree asks for every line.

        Tree measures every line to size its scroll area, each time it is
        rebuilt; rendering each label for that made a framework with
        thousands of areas slow to show.
        """
        icon = len(self.ICON_NODE) if node.allow_expand else 0
        label = node.label
        return (label.cell_len if isinstance(label, Text) else cell_len(label)) + icon

    @property
    def current(self) -> Knoop | None:
        """The model object under the cursor."""
        node = self.cursor_node
        return None if node is None else node.data

    def action_scroll_end(self) -> None:
        """End: the last area, even if the tree is still adding areas."""
        self._add_areas(len(self._areas))
        self.call_after_refresh(super().action_scroll_end)

    def action_collapse_or_parent(self) -> None:
        """Left: close an open node, or go up to the parent of a closed one."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand_or_child(self) -> None:
        """Right: open a closed node, or step into an open one."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            self.grow(node)
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])
