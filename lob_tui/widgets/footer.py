"""The footer: the keys that work where the focus is, drawn as one line by one widget.

Textual's ``Footer`` is a container with a widget per key that it removes and
mounts anew whenever the keys change, which they do on every move of the
focus: ``/`` and Enter in the search field each rebuilt a dozen widgets and
laid out the screen, and every widget on a screen costs each key a little.
This footer is a single widget: when the keys change it draws its one line
again, and a click on a key presses that key, as Textual's does.

It shows what Textual's shows, in the same order: the bindings marked
``show`` of the focused widget and its ancestors, one per action, the keys of
a ``Binding.Group`` together before the group's name, and the command
palette's key on the right. Two things differ, so that a narrow terminal
still reads well: a key that does not fit is left out whole rather than cut
off in the middle of its word, and the keys named ``pinned`` (the help) stand
on the right beside the palette's, where they are never left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

PINNED = frozenset({"hulp"})
"""The ids of the bindings a footer keeps on the right: the help (``app.LobApp``)."""

_KEY = "key-footer--key"
_DESCRIPTION = "key-footer--description"
_DISABLED = "key-footer--disabled"
_SEPARATOR = "key-footer--separator"


@dataclass(frozen=True)
class FooterKey:
    """One key as the footer shows it."""

    key: str
    """The key pressed when it is clicked, as Textual names it (``slash``)."""
    display: str
    """How the key reads (``/``)."""
    description: str
    enabled: bool
    group: str | None = None
    """The name of the ``Binding.Group`` it is shown in, if it shares one with others."""


@dataclass(frozen=True)
class FooterKeys:
    """Everything the footer draws: most keys on the left; pinned keys and the palette's
    on the right."""

    left: tuple[FooterKey, ...]
    right: tuple[FooterKey, ...] = ()


def footer_keys(screen: Screen[Any], pinned: frozenset[str] = frozenset()) -> FooterKeys:
    """The keys the footer shows for the screen's focus, as Textual's ``Footer`` picks them.

    Bindings whose id is in ``pinned`` go to the right, before the palette's key.
    """
    app = screen.app
    first_per_action: dict[str, FooterKey] = {}
    groups: dict[str, Any] = {}
    right: dict[str, FooterKey] = {}
    for _, binding, enabled, _tooltip in screen.active_bindings.values():
        if not binding.show or binding.action in first_per_action or binding.action in right:
            continue
        entry = FooterKey(binding.key, app.get_key_display(binding), binding.description, enabled)
        if binding.id in pinned:
            right[binding.action] = entry
            continue
        first_per_action[binding.action] = entry
        groups[binding.action] = binding.group
    # A group is shown as a group only where its keys stand together, as in Textual.
    left: list[FooterKey] = []
    for group, actions in groupby(first_per_action, lambda action: groups[action]):
        run = list(actions)
        for action in run:
            entry = first_per_action[action]
            if group is not None and len(run) > 1:
                entry = FooterKey(entry.key, entry.display, "", entry.enabled, group.description)
            left.append(entry)

    pinned_keys = list(right.values())
    palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
    if app.ENABLE_COMMAND_PALETTE and palette is not None:
        _, binding, enabled, _tooltip = palette
        pinned_keys.append(
            FooterKey(binding.key, app.get_key_display(binding), binding.description, enabled)
        )
    return FooterKeys(tuple(left), tuple(pinned_keys))


def _cells(segments: list[Segment]) -> int:
    return sum(cell_len(segment.text) for segment in segments)


class KeyFooter(Widget):
    """The keys for the focused widget, on the bottom line; click one to press it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {_KEY, _DESCRIPTION, _DISABLED, _SEPARATOR}

    def __init__(self, *, pinned: frozenset[str] = PINNED, id: str | None = None) -> None:
        """``pinned``: ids of bindings shown on the right, beside the palette's, whatever
        the width."""
        super().__init__(id=id)
        self.pinned = pinned
        self.keys = FooterKeys(())
        self._line: Strip | None = None
        self._signature: tuple[tuple[Binding, bool], ...] | None = None
        self._palette: ActiveBinding | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Draw the keys again, if the screen's focus now has other ones.

        The screen says this after every key; usually nothing changed, which a
        look at the bindings tells more cheaply than picking the keys again.
        """
        if screen is not self.screen:
            return
        active = screen.active_bindings
        signature = tuple((b.binding, b.enabled) for b in active.values() if b.binding.show)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if signature == self._signature and palette == self._palette:
            return
        self._signature, self._palette = signature, palette
        keys = footer_keys(screen, self.pinned)
        if keys != self.keys:
            self.keys = keys
            self._line = None
            self.refresh()

    def notify_style_update(self) -> None:
        """A new theme or stylesheet: the line's colours come from it."""
        super().notify_style_update()
        self._line = None

    def on_resize(self) -> None:
        """Another width fits other keys: draw the line again (the old one was drawn already)."""
        self._line = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The footer's only line, drawn once per change of keys, size or style."""
        if y:
            return Strip.blank(self.size.width, self.rich_style)
        if self._line is None:
            self._line = self._draw(self.size.width)
        return self._line

    def _draw(self, width: int) -> Strip:
        base = self.rich_style
        key_style = base + self.get_component_rich_style(_KEY, partial=True)
        description_style = base + self.get_component_rich_style(_DESCRIPTION, partial=True)
        disabled = self.get_component_rich_style(_DISABLED, partial=True)

        def styled(entry: FooterKey, style: Style) -> Style:
            clicked = Style(meta={"footer-key": entry.key, "footer-enabled": entry.enabled})
            return style + (disabled if not entry.enabled else Style()) + clicked

        def shown(entry: FooterKey) -> list[Segment]:
            return [
                Segment(f" {entry.display} ", styled(entry, key_style)),
                Segment(f"{entry.description} ", styled(entry, description_style)),
            ]

        # One unit per key, or per group: the keys apart, each pressable, then the name.
        units: list[list[Segment]] = []
        for group, entries in groupby(self.keys.left, lambda entry: entry.group):
            if group is None:
                units.extend(shown(entry) for entry in entries)
                continue
            unit = [Segment(" ", base)]
            for number, entry in enumerate(entries):
                if number:
                    unit.append(Segment(" ", base))
                unit.append(Segment(entry.display, styled(entry, key_style)))
            unit.append(Segment(f" {group} ", description_style))
            units.append(unit)

        right: list[Segment] = []
        if self.keys.right:
            # The separator's colour is see-through: blend it over the footer, as Textual does.
            _, background = self.background_colors
            faint = background + self.get_component_styles(_SEPARATOR).color
            right.append(Segment("▏", base + Style(color=faint.rich_color)))
            for entry in self.keys.right:
                right.extend(shown(entry))
            right[1] = Segment(right[1].text.lstrip(), right[1].style)  # flush to the "▏"

        # Keys that do not fit whole are left out, from the end; the right side stays.
        room = max(0, width - _cells(right))
        left: list[Segment] = []
        for unit in units:
            if _cells(left) + _cells(unit) > room:
                break
            left.extend(unit)
        gap = Segment(" " * (room - _cells(left)), base)
        return Strip([*left, gap, *right]).crop(0, width).simplify()

    def on_click(self, event: events.Click) -> None:
        """Press the clicked key; a key that does nothing here only rings the bell."""
        key = event.style.meta.get("footer-key")
        if key is None:
            return
        if event.style.meta.get("footer-enabled", True):
            self.app.simulate_key(key)
        else:
            self.app.bell()
