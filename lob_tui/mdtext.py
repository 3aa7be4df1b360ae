"""User text inside Markdown, shown exactly as typed and never read as markup.

A note is the user's own words: a ``#`` at the start of a line, a ``<b>``, a
``[link](x)`` or a row of ``|`` must reach the reader as those characters, not
as a heading, HTML or a table. CommonMark lets a backslash escape every ASCII
punctuation character, so escaping all of them (rather than guessing which
ones matter where) makes any text literal in any position. What remains is
layout: a newline becomes a hard line break; spaces and tabs at the start of
a line become non-breaking-space references (four spaces would otherwise start
a code block, and a paragraph drops them anyway), other whitespace at either
end a character reference; control characters, which no reader can see, are
shown by their Unicode "control picture" (``␀``, ``␛``).

This module never imports Textual.
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NBSP = "&#160;"
_TAB_WIDTH = 4


def _visible_control(char: str) -> str:
    """A character the reader can see in place of an invisible control character."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"  # C1 controls have no picture; name them


def _indent(whitespace: str) -> str:
    """Leading whitespace as references a paragraph keeps: spaces (and tabs) as visible indent."""
    return "".join(
        _NBSP * (_TAB_WIDTH if c == "\t" else 1) if c in " \t" else f"&#{ord(c)};"
        for c in whitespace
    )


def _line(text: str) -> str:
    """One line of user text, escaped, with the whitespace at both ends kept.

    Markdown strips whitespace at the start and end of a line; character
    references are not whitespace to it, so they survive.
    """
    text = _CONTROL.sub(lambda m: _visible_control(m.group()), text)
    start = len(text) - len(text.lstrip())
    end = max(start, len(text.rstrip()))
    body = _PUNCTUATION.sub(r"\\\1", text[start:end])
    return _indent(text[:start]) + body + "".join(f"&#{ord(c)};" for c in text[end:])


def literal(text: str, indent: str = "") -> str:
    """``text`` as Markdown that renders to exactly its characters.

    Lines after the first are prefixed with ``indent``, so the text can stand
    inside a list item. Trailing empty lines are dropped: a hard break at the
    very end of a paragraph would show as a stray backslash.
    """
    lines = text.split("\n")
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    return ("\\\n" + indent).join(_line(line) for line in lines)


def literal_inline(text: str) -> str:
    """``text`` on one line (a heading, a table cell): line breaks become spaces."""
    return _line(" ".join(text.split("\n")).strip())


__all__ = ["literal", "literal_inline"]
