"""Hypothesis strategies for the text a user (or an attacker) can put in a file.

Shared by the framework and notes tests. Text is built from tokens: the
characters and snippets most likely to break a TOML writer, a line index or a
terminal (quotes, triple quotes, backslashes, brackets, control characters,
escape sequences, bidi marks, CR/LF, emoji, combining marks), mixed with
arbitrary Unicode from ``st.text()`` (which never yields lone surrogates).
Drawing tokens instead of single characters finds the interesting cases with
far fewer examples, which keeps the suite fast.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

TOKENS = [
    *string.ascii_letters[:8],
    *string.digits[:3],
    *" \t\n",
    *"\"'\\[]{}=#.,",
    '"""',
    "'''",
    '\\"',
    "\\n",
    "\\u0041",
    '""""',
    "''''",
    "\\\n",
    "\r\n",
    "\r",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[2J",
    "\x1b]0;titel\x07",
    "\x7f",
    "\x85",
    "\u2028",
    "\u200f",
    "\u202e",
    "\ufeff",
    "\ufffe",
    "é",
    "ĳ",
    "e\u0301",
    "€",
    "🎉",
    "👩‍👩‍👧",
    "𝄞",
    "\U0010ffff",
    "[/]",
    "[bold]",
    "[items.x]",
    "status = 3",
    "[[rollen]]",
    "\ttab",
]

TOKEN = st.sampled_from(TOKENS) | st.text(min_size=1, max_size=3)


def hostile_text(max_tokens: int = 12, min_tokens: int = 0) -> st.SearchStrategy[str]:
    """Any text, weighted towards what breaks writers, parsers and terminals."""
    return st.lists(TOKEN, min_size=min_tokens, max_size=max_tokens).map("".join)


def nonblank_text(max_tokens: int = 8) -> st.SearchStrategy[str]:
    """Text with at least one visible character (the framework refuses blank texts)."""
    return hostile_text(max_tokens, min_tokens=1).filter(lambda text: text.strip() != "")
