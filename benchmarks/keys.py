"""Per-key latency in lob-tui and in bare Textual widgets, measured with Pilot.

Run by the benchmark as a child process (``python -m benchmarks.keys SPEC``,
SPEC a JSON object), so the apps start in a fresh interpreter and the
orchestrator stays small; the results go to stdout as JSON.

Every key is sent with ``pilot.press``, which returns once the app and every
widget on the screen have handled it. Two figures are kept per key:

* ``wall``: the seconds ``pilot.press`` took. Pilot waits for the process to
  go idle in steps of 1/50 s, twice per key, so this is at least 40 ms and
  rises in 20 ms steps; it shows a key that waits (for the disk, a lock, the
  GIL) but blurs small differences.
* ``cpu``: the CPU seconds the UI thread spent in that press (``thread_time``):
  the work the key caused, from the binding to the repainted screen, which is
  what a user waits for on an idle machine. Ratios use this figure.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable, Coroutine, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Input, TextArea, Tree
from textual.widgets.tree import TreeNode

from benchmarks.child import exit_with_parent
from benchmarks.latency import TO_FRAME
from lob_tui.framework import Raamwerk, Rol, load_raamwerk
from lob_tui.notes import parse_bytes

SIZE = (100, 30)
TYPED = "Alumni uitnodigen voor de voorlichtingsavond, eerst overleggen met mentoren. "
SEARCHED = "loopbaan"
KEY_GAP = 1 / 30
"""Seconds between two keys timed to the frame: a held-down key repeats about this often."""


@dataclass
class KeySeries:
    """The timings of one kind of key in one app."""

    app: str
    action: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


@dataclass
class Recorder:
    """Collects key timings by (app, action), across rounds."""

    series: dict[tuple[str, str], KeySeries] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warmup: int = 0
    """How many presses of each kind go unrecorded: the first draws fill Textual's caches."""
    _seen: dict[tuple[str, str], int] = field(default_factory=dict)

    async def press(self, pilot: Pilot[Any], app: str, action: str, key: str) -> None:
        """Press one key and record how long it took."""
        wall_start, cpu_start = time.perf_counter(), time.thread_time()
        await pilot.press(key)
        cpu, wall = time.thread_time() - cpu_start, time.perf_counter() - wall_start
        entry = self._entry(app, action)
        if entry is not None:
            entry.wall.append(wall)
            entry.cpu.append(cpu)

    async def to_frame(self, pilot: Pilot[Any], tree: Tree[Any], app: str, key: str) -> None:
        """Send one tree key as the terminal does and record the seconds until the moved
        cursor is drawn (``direct_key``): what a user waits for, without Pilot's waits.

        Pilot's ``press`` also has every widget on the screen answer twice per key,
        which costs an app with more widgets more than it costs in a terminal.
        """
        wall = await direct_key(pilot.app, tree, key)
        await pilot.pause(KEY_GAP)  # as between two keys of a held-down key
        entry = self._entry(app, TO_FRAME)
        if entry is not None:
            entry.wall.append(wall)

    def _entry(self, app: str, action: str) -> KeySeries | None:
        """Where the next timing of this kind goes; None while it is a warm-up press."""
        seen = self._seen[(app, action)] = self._seen.get((app, action), 0) + 1
        if seen <= self.warmup:
            return None
        return self.series.setdefault((app, action), KeySeries(app, action))

    def to_json(self) -> dict[str, Any]:
        return {
            "series": [asdict(s) for s in self.series.values()],
            "skipped": self.skipped,
            "warmup": self.warmup,
        }


# ---------------------------------------------------------------- bare widgets


BARE_MARKS = {"1": "\u2713", "2": "\u2197", "3": "?"}
"""What the bare tree's status keys put before a label, as lob-tui's marks do."""


class BareTree(Tree[str]):
    """Textual's Tree with the plainest version of each of lob-tui's tree keys.

    1, 2 and 3 put a mark before the label (``set_label``), ``/`` shows and
    focuses the search field, ``n`` moves the cursor to the next hit: what a
    minimal app built on Textual would do for the same key.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"mark({key!r})") for key in BARE_MARKS),
        Binding("slash", "app.search"),
        Binding("n", "app.next_hit"),
    ]

    def action_mark(self, key: str) -> None:
        node = self.cursor_node
        if node is not None and node.data is not None:
            node.set_label(f"{BARE_MARKS[key]} {node.data}")


class BareApp(App[None]):
    """Textual's own Tree, TextArea and Input, holding what lob-tui shows, and nothing else.

    Each widget has the size of lob-tui's own at ``SIZE``, side by side on the
    screen without containers: a key costs about as much as the lines it
    redraws, so a tree half as tall as lob-tui's would be a cheaper reference
    than a plain full-screen Tree. The Input is the search field: hidden until
    ``/``, over the bottom of the tree as in lob-tui; Enter hides it, scans the
    tree's labels for the term and puts the cursor on the first hit.
    """

    CSS = """
    Screen { layout: horizontal; layers: default search; }
    BareTree { width: 45%; height: 1fr; margin: 1 0 2 0; }  /* lob-tui: title, status, keys */
    TextArea { width: 1fr; height: 13; }
    Input { dock: bottom; layer: search; width: 45%; }
    """

    def __init__(self, rol: Rol, note: str = "") -> None:
        super().__init__()
        self.rol = rol
        self.note = note
        self.hits: list[TreeNode[str]] = []
        self.hit = 0

    def compose(self) -> ComposeResult:
        tree = BareTree(self.rol.naam)
        for gebied in self.rol.aandachtsgebieden:
            area = tree.root.add(gebied.naam, expand=True)
            for sectie in gebied.secties:
                section = area.add(sectie.titel, expand=True)
                for item in sectie.items:
                    section.add_leaf(item.tekst, data=item.tekst)
        tree.root.expand()
        yield tree
        yield TextArea(self.note)
        search = Input()
        search.display = False
        yield search

    def action_search(self) -> None:
        search = self.query_one(Input)
        search.display = True
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        tree = self.query_one(BareTree)
        tree.focus()
        term = event.value.casefold()
        self.hits = [node for node in _nodes(tree.root) if term in str(node.label).casefold()]
        self.hit = 0
        if self.hits:
            tree.move_cursor(self.hits[0])

    def action_next_hit(self) -> None:
        if self.hits:
            self.hit = (self.hit + 1) % len(self.hits)
            self.query_one(BareTree).move_cursor(self.hits[self.hit])


def _nodes(node: TreeNode[str]) -> Iterator[TreeNode[str]]:
    """The node and everything below it, in the tree's order."""
    yield node
    for child in node.children:
        yield from _nodes(child)


def tree_walk(line_count: int, presses: int) -> Iterator[str]:
    """Down to the bottom and up again, ``presses`` keys in all: every key moves the cursor."""
    span = max(1, line_count - 1)
    for number in range(presses):
        yield "down" if (number // span) % 2 == 0 else "up"


def typed(count: int) -> Iterator[str]:
    """``count`` characters of an ordinary sentence, as key names."""
    for number in range(count):
        yield TYPED[number % len(TYPED)]


async def bare_keys(rol: Rol, recorder: Recorder, counts: Counts, note: str = "") -> None:
    """The keys of ``lob_tui_keys``, in the same order, in the bare widgets.

    ``note`` is the text lob-tui's editor holds when the typing starts (the
    first item's note), so that both type into the same text.
    """
    app = BareApp(rol, note)
    async with app.run_test(size=SIZE) as pilot:
        tree = app.query_one(BareTree)
        tree.focus()
        await pilot.pause()
        for key in tree_walk(tree.last_line + 1, counts.navigate):
            await recorder.press(pilot, "Textual", "boom", key)
        await pilot.press("home")
        for key in tree_walk(tree.last_line + 1, counts.navigate):
            await recorder.to_frame(pilot, tree, "Textual", key)
        if counts.type:
            app.query_one(TextArea).focus()
            for key in typed(counts.type):
                await recorder.press(pilot, "Textual", "typen", key)
        if counts.status:
            tree.focus()
            first_leaf = next(node for node in _nodes(tree.root) if not node.allow_expand)
            tree.move_cursor(first_leaf)
            await pilot.pause()
            for number in range(counts.status):
                await recorder.press(pilot, "Textual", "status", "123"[number % 3])
        if counts.search:
            tree.focus()
            await pilot.pause()
            await search_keys(pilot, recorder, "Textual", counts)


async def search_keys(pilot: Pilot[Any], recorder: Recorder, app: str, counts: Counts) -> None:
    """``/``, the search term, Enter and three times ``n``, as often as ``counts`` says."""
    for _ in range(max(1, counts.search // len(SEARCHED))):
        await recorder.press(pilot, app, "zoekveld openen", "slash")
        for key in SEARCHED:
            await recorder.press(pilot, app, "zoeken", key)
        await recorder.press(pilot, app, "zoeken: Enter", "enter")
        for _ in range(3):
            await recorder.press(pilot, app, "volgende treffer", "n")


# ---------------------------------------------------------------- lob-tui


@dataclass(frozen=True)
class Counts:
    """How many keys of each kind to press per round (search: characters typed)."""

    navigate: int
    type: int
    status: int
    search: int


AppFactory = Callable[[Raamwerk, Rol, Path, Path], App[Any]]


def lob_tui_factory() -> AppFactory | None:
    """The app's factory, or None while ``lob_tui.app`` has none yet."""
    from lob_tui import app as lob_app

    create_app = getattr(lob_app, "create_app", None)
    if create_app is None:
        return None

    def build(raamwerk: Raamwerk, rol: Rol, notes: Path, settings: Path) -> App[Any]:
        built: App[Any] = create_app(raamwerk, rol, notes_path=notes, settings_path=settings)
        return built

    return build


async def open_tree(pilot: Pilot[Any], tree: Tree[Any], limit: int = 10_000) -> None:
    """Open every node from the top with the keys a user presses: → on a closed node, ↓."""
    await pilot.press("home")
    for _ in range(limit):
        node = tree.cursor_node
        if node is not None and node.allow_expand and not node.is_expanded:
            await pilot.press("right")
        if tree.cursor_line >= tree.last_line:
            return
        await pilot.press("down")
    raise RuntimeError(f"the tree was not open after {limit} keys")


async def to_first_item(pilot: Pilot[Any], tree: Tree[Any], limit: int = 100) -> None:
    """Put the cursor on the first item (a leaf), opening the nodes above it on the way."""
    await pilot.press("home")
    for _ in range(limit):
        node = tree.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            await pilot.press("right")
        await pilot.press("down")
    raise RuntimeError(f"no item reached after {limit} keys")


async def lob_tui_keys(
    build: AppFactory,
    raamwerk: Raamwerk,
    rol: Rol,
    paths: tuple[Path, Path],
    recorder: Recorder,
    counts: Counts,
    *,
    open_all: bool = True,
) -> None:
    """The same kinds of keys in lob-tui: tree, editor, status, search."""
    app = build(raamwerk, rol, *paths)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(Tree)
        if open_all:
            await open_tree(pilot, tree)
        await pilot.press("home")
        for key in tree_walk(tree.last_line + 1, counts.navigate):
            await recorder.press(pilot, "lob-tui", "boom", key)
        await pilot.press("home")
        for key in tree_walk(tree.last_line + 1, counts.navigate):
            await recorder.to_frame(pilot, tree, "lob-tui", key)
        if not (counts.type or counts.status or counts.search):
            return

        await to_first_item(pilot, tree)
        await pilot.press("enter")  # from the tree into the item's note
        if not isinstance(app.focused, TextArea):
            raise RuntimeError(f"Enter op een item opende de notitie niet ({app.focused!r})")
        for key in typed(counts.type):
            await recorder.press(pilot, "lob-tui", "typen", key)
        await pilot.press("escape")

        for number in range(counts.status):  # 1, 2, 3 on one item: each press changes it
            await recorder.press(pilot, "lob-tui", "status", "123"[number % 3])
        if open_all:
            await pilot.pause(1.5)  # let the autosave these changes started finish first
            await pilot.pause()

        await search_keys(pilot, recorder, "lob-tui", counts)


# ---------------------------------------------------------------- during a save


async def direct_key(app: App[Any], tree: Tree[Any], key: str, timeout: float = 30.0) -> float:
    """Seconds from posting ``key`` until the moved tree cursor has been drawn.

    Pilot cannot time keys during a save: it waits for the whole process to go
    idle, and a save in a worker thread keeps it busy. So the key is posted as
    the terminal driver would, the tree's cursor is watched, and then the
    screen's next refresh is awaited.
    """
    before = tree.cursor_line
    start = time.perf_counter()
    app.post_message(events.Key(key, None))
    while tree.cursor_line == before:
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"{key} moved the tree's cursor not within {timeout} s")
        await asyncio.sleep(0.0005)
    await app.screen.wait_for_refresh()
    return time.perf_counter() - start


def file_identity(path: Path) -> tuple[int, int]:
    """Inode and modification time: an atomic save changes at least one."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (0, 0)
    return (stat.st_ino, stat.st_mtime_ns)


class Shuttle:
    """↓ four times, ↑ four times, over and over: the cursor stays on the first items."""

    def __init__(self) -> None:
        self.count = 0

    def next_key(self) -> str:
        self.count += 1
        return "down" if (self.count - 1) % 8 < 4 else "up"


async def keys_during_save(spec: dict[str, Any]) -> Recorder:
    """Tree keys at rest, then while ``ctrl+s`` saves a large notes file."""
    raamwerk = load_raamwerk(Path(spec["framework"]))
    rol = raamwerk.rollen[0]
    recorder = Recorder()
    build = lob_tui_factory()
    if build is None:
        recorder.skipped.append("lob_tui.app heeft nog geen create_app")
        return recorder
    notes = Path(spec["notes"])
    rest = recorder.series.setdefault(("lob-tui", "rust"), KeySeries("lob-tui", "rust"))
    during = recorder.series.setdefault(
        ("lob-tui", "tijdens bewaren"), KeySeries("lob-tui", "tijdens bewaren")
    )
    saves = recorder.series.setdefault(("lob-tui", "bewaren"), KeySeries("lob-tui", "bewaren"))

    app = build(raamwerk, rol, *_paths(spec))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(Tree)
        await to_first_item(pilot, tree)
        shuttle = Shuttle()
        for _ in range(spec["keys"]):
            rest.wall.append(await direct_key(app, tree, shuttle.next_key()))
        for number in range(spec["saves"]):
            while shuttle.count % 8:  # back on the first item
                await direct_key(app, tree, shuttle.next_key())
            # The first item's generated status is 1, so 2 and 3 always change it.
            await pilot.press("23"[number % 2])
            before = file_identity(notes)
            start = time.perf_counter()
            app.post_message(events.Key("ctrl+s", None))
            while file_identity(notes) == before and time.perf_counter() - start < 60:
                during.wall.append(await direct_key(app, tree, shuttle.next_key()))
            saves.wall.append(time.perf_counter() - start)
            await pilot.pause()
    return recorder


async def navigate(spec: dict[str, Any]) -> Recorder:
    """Tree keys only, in lob-tui and in a bare Tree holding the same framework."""
    raamwerk = load_raamwerk(Path(spec["framework"]))
    rol = raamwerk.rollen[0]
    counts = Counts(navigate=spec["keys"], type=0, status=0, search=0)
    recorder = Recorder(warmup=spec.get("warmup", 0))
    await bare_keys(rol, recorder, counts)
    build = lob_tui_factory()
    if build is None:
        recorder.skipped.append("lob_tui.app heeft nog geen create_app")
        return recorder
    await lob_tui_keys(build, raamwerk, rol, _paths(spec), recorder, counts, open_all=False)
    return recorder


# ---------------------------------------------------------------- scenarios


def _paths(spec: dict[str, Any]) -> tuple[Path, Path]:
    """The notes and settings files the app gets."""
    return Path(spec["notes"]), Path(spec["settings"])


def first_note(spec: dict[str, Any], rol: Rol) -> str:
    """The note of the role's first item, which lob-tui's typing starts in."""
    path = Path(spec["notes"])
    first = next(iter(rol.items()))
    return parse_bytes(path.read_bytes(), path).item(first.id).tekst


async def compare(spec: dict[str, Any]) -> Recorder:
    """Bare widgets and lob-tui, alternating, ``rounds`` times."""
    raamwerk = load_raamwerk(Path(spec["framework"]))
    rol = raamwerk.rollen[0]
    counts = Counts(**spec["counts"])
    recorder = Recorder(warmup=spec.get("warmup", 0))
    build = lob_tui_factory()
    if build is None:
        recorder.skipped.append("lob_tui.app heeft nog geen create_app")
    for _ in range(spec["rounds"]):
        # Read each round: lob-tui's round before saved what it typed into this note.
        await bare_keys(rol, recorder, counts, first_note(spec, rol))
        if build is not None:
            await lob_tui_keys(
                build, raamwerk, rol, _paths(spec), recorder, counts, open_all=spec["open_all"]
            )
    return recorder


SCENARIOS: dict[str, Callable[[dict[str, Any]], Coroutine[Any, Any, Recorder]]] = {
    "compare": compare,
    "navigate": navigate,
    "save": keys_during_save,
}


def main(argv: Sequence[str]) -> None:
    exit_with_parent()
    spec = json.loads(argv[0])
    recorder = asyncio.run(SCENARIOS[spec["scenario"]](spec))
    json.dump(recorder.to_json(), sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
