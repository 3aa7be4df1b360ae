"""Text from files made safe to print on one line of a terminal.

Framework texts, ids, keys and paths come from files a person (or anyone)
wrote. Printed as they are, an escape sequence could clear the screen or
recolour it, a right-to-left override could reorder what the user reads, a
newline could forge a second message, and a lone surrogate (from a file name
that is not UTF-8) would crash ``print``. Messages and summaries go through
``printable`` so that such characters are shown as visible escapes instead.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def _unsafe() -> re.Pattern[str]:
    """The characters ``printable`` escapes.

    Compiled on first use (half a millisecond): an export that goes well
    prints no text from a file, and should not pay for it at start.
    """
    return re.compile(
        "["
        "\x00-\x1f\x7f-\x9f"  # C0 and C1 control characters, DEL
        "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks and overrides
        "\u2028\u2029"  # line and paragraph separators
        "\ud800-\udfff"  # lone surrogates
        "]"
    )


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi or unencodable character written as an escape."""
    return _unsafe().sub(_escape, text)
