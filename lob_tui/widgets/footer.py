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
    pinned_per_action: dict[str, FooterKey] = {}
    for _, binding, enabled, _tooltip in screen.active_bindings.values():
        action = binding.action
        if not binding.show or action in first_per_action or action in pinned_per_action:
            continue
        entry = FooterKey(binding.key, app.get_key_display(binding), binding.description, enabled)
        if binding.id in pinned:
            pinned_per_action[action] = entry
            continue
        first_per_action[action] = entry
        groups[action] = binding.group
    # A group is shown as a group only where its keys stand together, as in Textual.
    left: list[FooterKey] = []
    for group, actions in groupby(first_per_action, lambda action: groups[action]):
        run = list(actions)
        for action in run:
            entry = first_per_action[action]
            if group is not None and len(run) > 1:
                entry = FooterKey(entry.key, entry.display, "", entry.enabled, group.description)
            left.append(entry)

    right = list(pinned_per_action.values())
    palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
    if app.ENABLE_COMMAND_PALETTE and palette is not None:
        _, binding, enabled, _tooltip = palette
        right.append(
            FooterKey(binding.key, app.get_key_display(binding), binding.description, enabled)
        )
    return FooterKeys(tuple(left), tuple(right))


def _cells(segments: list[Segment]) -> int:
    return sum(cell_len(segment.text) for segment in segments)


@dataclass(frozen=True)
class _KeyStyles:
    """The footer's styles, looked up once per drawing of the line."""

    base: Style
    key: Style
    description: Style
    disabled: Style

    @classmethod
    def of(cls, footer: KeyFooter) -> _KeyStyles:
        base = footer.rich_style
        return cls(
            base,
            base + footer.get_component_rich_style(_KEY, partial=True),
            base + footer.get_component_rich_style(_DESCRIPTION, partial=True),
            footer.get_component_rich_style(_DISABLED, partial=True),
        )

    def _clickable(self, entry: FooterKey, style: Style) -> Style:
        clicked = Style(meta={"footer-key": entry.key, "footer-enabled": entry.enabled})
        return style + (self.disabled if not entry.enabled else Style()) + clicked

    def of_key(self, entry: FooterKey) -> Style:
        """The key's own style, which a click on it finds."""
        return self._clickable(entry, self.key)

    def key_and_description(self, entry: FooterKey) -> list[Segment]:
        return [
            Segment(f" {entry.display} ", self.of_key(entry)),
            Segment(f"{entry.description} ", self._clickable(entry, self.description)),
        ]


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
        """The line: as many keys as fit whole, from the left; the right side always."""
        styles = _KeyStyles.of(self)
        right = self._right_side(styles)
        room = max(0, width - _cells(right))
        left: list[Segment] = []
        used = 0
        for unit in self._left_units(styles):
            used += _cells(unit)
            if used > room:
                break
            left.extend(unit)
        gap = Segment(" " * (room - _cells(left)), styles.base)
        return Strip([*left, gap, *right]).crop(0, width).simplify()

    def _left_units(self, styles: _KeyStyles) -> list[list[Segment]]:
        """One unit per key, or per group: its keys apart, each clickable, then its name."""
        units: list[list[Segment]] = []
        for group, entries in groupby(self.keys.left, lambda entry: entry.group):
            if group is None:
                units.extend(styles.key_and_description(entry) for entry in entries)
                continue
            unit = [Segment(" ", styles.base)]
            for number, entry in enumerate(entries):
                if number:
                    unit.append(Segment(" ", styles.base))
                unit.append(Segment(entry.display, styles.of_key(entry)))
            unit.append(Segment(f" {group} ", styles.description))
            units.append(unit)
        return units

    def _right_side(self, styles: _KeyStyles) -> list[Segment]:
        """A faint bar, then the pinned keys and the palette's."""
        if not self.keys.right:
            return []
        # The bar's colour is see-through: blend it over the footer, as Textual does.
        _, background = self.background_colors
        faint = background + self.get_component_styles(_SEPARATOR).color
        right = [Segment("▏", styles.base + Style(color=faint.rich_color))]
        for entry in self.keys.right:
            right.extend(styles.key_and_description(entry))
        right[1] = Segment(right[1].text.lstrip(), right[1].style)  # flush against the bar
        return right

    def on_click(self, event: events.Click) -> None:
        """Press the clicked key; a key that does nothing here only rings the bell."""
        key = event.style.meta.get("footer-key")
        if key is None:
            return
        if event.style.meta.get("footer-enabled", True):
            self.app.simulate_key(key)
        else:
            self.app.bell()
