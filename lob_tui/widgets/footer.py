"""The footer: Textual's own, but rebuilt only when the keys it shows change.

Textual's ``Footer`` removes and mounts all its keys whenever the screen says
its bindings were updated, which it does after every action and focus change,
even when the footer would show exactly the same keys again. Rebuilding costs
more than the key itself (``n``, a status key), so this footer first compares.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[Any, ...], ...]


def shown_keys(screen: Screen[Any]) -> Shown:
    """Everything the footer draws from the screen's bindings, in its order."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, binding.key, binding.description, binding.action, binding.group, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette
    )


class KeyFooter(Footer):
    """A ``Footer`` that skips a rebuild which would show the same keys."""

    _shown: Shown | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild as ``Footer`` does, unless the keys to show are the ones shown."""
        will_rebuild = screen.app.app_focus and self.is_attached and screen is self.screen
        if will_rebuild:
            shown = shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
