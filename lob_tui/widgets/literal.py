"""Showing text exactly as it was typed, without letting it steer the terminal.

Notes and framework texts are the user's, and may hold anything: ``[bold]``
(which Textual's markup would swallow), ``\\x1b[2J`` (which a terminal would
obey and clear the screen), a NUL, or a right-to-left override that scrambles
the line. Everything the app shows of such text goes through this module.

Markup is avoided by building ``rich.text.Text`` objects from plain strings
and never parsing them. Control characters are swapped for a visible stand-in
of the same length (``\\x1b`` becomes ``␛``), so positions inside the text stay
valid; this is for display only, the stored text keeps every character.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel

_UNKNOWN = "\N{REPLACEMENT CHARACTER}"

_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]


def _table(*, keep: str) -> dict[int, str]:
    """A ``str.translate`` table that makes every hazardous character visible."""
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟, the Control Pictures
    table[0x7F] = "\N{SYMBOL FOR DELETE}"
    table.update({code: _UNKNOWN for code in range(0x80, 0xA0)})  # C1 controls, such as CSI
    table.update({code: _UNKNOWN for code in _BIDI_CONTROLS})
    table.update({0x2028: _UNKNOWN, 0x2029: _UNKNOWN})
    for character in keep:
        del table[ord(character)]
    return table


_MULTILINE = _table(keep="\n\t")
_ONE_LINE = _table(keep="")


def visible(text: str, *, multiline: bool = True) -> str:
    """``text`` with its control characters replaced by visible ones of the same length.

    With ``multiline`` the line breaks and tabs stay; without, a line break
    shows as ``␊`` so that a one-line label never loses what follows it.
    """
    return text.translate(_MULTILINE if multiline else _ONE_LINE)


def literal(text: str, style: str = "", *, multiline: bool = True) -> Text:
    """A Rich ``Text`` that shows ``text`` literally: no markup, no control codes."""
    shown = visible(text, multiline=multiline)
    if multiline:
        shown = shown.expandtabs(4)
    return Text(shown, style=style, end="")


def one_line(text: str, style: str = "") -> Text:
    """Like ``literal``, for a label that has room for one line only."""
    return literal(text, style, multiline=False)


def tell(
    node: MessagePump,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Notify the user with ``message`` shown literally (notifications parse markup)."""
    app = node if isinstance(node, App) else node.app
    app.notify(
        visible(message),
        title=visible(title, multiline=False),
        severity=severity,
        timeout=timeout,
        markup=False,
    )
